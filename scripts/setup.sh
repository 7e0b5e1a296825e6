#!/usr/bin/env bash
# Installs what mcp-risk needs on a fresh Debian machine: bubblewrap (the sandbox for crawled
# servers), passt (their network when a listing allows it), optionally Chromium (for the browser tests), then the npm dependencies.
# Usage: scripts/setup.sh [--with-browser]
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v bwrap >/dev/null || missing+=(bubblewrap)
command -v pasta >/dev/null || missing+=(passt) # network for --allow-network listings, without the host's loopback
if [ "${1:-}" = "--with-browser" ]; then command -v chromium >/dev/null || missing+=(chromium); fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${missing[*]} from Debian's packages"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# `npm ci` installs exactly package-lock.json, which lists every platform's optional packages, so a
# fresh clone stays clean after set-up; its prepare script compiles the CLI (scripts/build-cli.ts) into
# node_modules/.cache/mcp-risk-cli, which git ignores.
npm ci --no-audit --no-fund --loglevel=error

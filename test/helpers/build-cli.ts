// Vitest global set-up: compile the CLI from the current sources before any test spawns bin/mcp-risk.js,
// so that the spawned CLI is today's code (the bin would rebuild a stale build itself, but once here
// rather than in several test processes at once).
import { buildCli } from '../../scripts/build-cli.ts';

export default function setup(): void {
  buildCli();
}

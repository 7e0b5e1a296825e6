// Which release of a package to list: the declared one when the registry has it and this Node.js satisfies its
// engines; else the nearest release of the same major that it satisfies; else the newest release it satisfies.
// None at all: the package cannot run here, and the reason names the range.
import semver from 'semver';

export interface Release { engines?: { node?: string } }

export type VersionChoice =
  | { ok: true; version: string; declared?: string; why: 'declared' | 'same-major' | 'newest-compatible' | 'latest'; passedOver: string[] }
  | { ok: false; declared?: string; range: string; reason: string };

export interface ChooseVersionOptions {
  /** The Node.js version releases must run on. @default process.versions.node */
  node?: string;
  /** dist-tags.latest, preferred among equals when nothing is declared. */
  latest?: string;
}

/** Whether the runtime satisfies a release's engines.node (an unreadable range is not held against it). */
export function runsOn(release: Release | undefined, node: string): boolean {
  const range = release?.engines?.node;
  if (typeof range !== 'string' || !range.trim() || !semver.validRange(range)) return true;
  return semver.satisfies(node, range, { includePrerelease: true });
}

/** Distance from the declared version within one major: minor first, then patch; the newer wins a tie. */
function nearest(declared: string, candidates: string[]): string | undefined {
  const d = semver.parse(declared)!;
  const key = (v: string) => { const p = semver.parse(v)!; return [Math.abs(p.minor - d.minor), Math.abs(p.patch - d.patch)]; };
  return [...candidates].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1] - kb[1] || semver.rcompare(a, b);
  })[0];
}

export function chooseVersion(declared: string | undefined, releases: Record<string, Release>, options: ChooseVersionOptions = {}): VersionChoice {
  const node = options.node ?? process.versions.node;
  const all = Object.keys(releases).filter((v) => semver.valid(v));
  const fits = (v: string) => runsOn(releases[v], node);
  const stable = all.filter((v) => !semver.prerelease(v));
  const passedOver: string[] = [];
  const pinned = declared && declared !== 'latest' ? semver.valid(declared) : null;
  if (pinned && releases[pinned]) {
    if (fits(pinned)) return { ok: true, version: pinned, declared, why: 'declared', passedOver };
    passedOver.push(pinned);
  }
  if (declared && !pinned && semver.validRange(declared) && declared !== 'latest') {
    const best = semver.maxSatisfying(all.filter(fits), declared);
    if (best) return { ok: true, version: best, declared, why: 'declared', passedOver };
  }
  if (pinned) {
    const major = semver.major(pinned);
    const sameMajor = stable.filter((v) => semver.major(v) === major);
    const compatible = sameMajor.filter(fits);
    passedOver.push(...sameMajor.filter((v) => !fits(v)));
    const near = nearest(pinned, compatible);
    if (near) return { ok: true, version: near, declared, why: 'same-major', passedOver };
  }
  const latest = options.latest && releases[options.latest] && fits(options.latest) && !semver.prerelease(options.latest) ? options.latest : undefined;
  const newest = latest ?? semver.rsort(stable.filter(fits))[0] ?? semver.rsort(all.filter(fits))[0];
  if (newest) return { ok: true, version: newest, declared, why: declared && declared !== 'latest' ? 'newest-compatible' : 'latest', passedOver };
  // Nothing runs here: name the range of the release that would have been chosen.
  const wanted = (pinned && releases[pinned] ? pinned : undefined) ?? options.latest ?? semver.rsort(all)[0] ?? Object.keys(releases)[0];
  const range = releases[wanted]?.engines?.node ?? '(unknown)';
  const others = all.length > 1 ? `; none of its ${all.length} releases runs on ${node}` : '';
  return { ok: false, declared, range, reason: `${wanted} needs Node.js ${range}, this runtime is ${node}${others}` };
}

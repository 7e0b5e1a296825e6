// The direction of imports (DESIGN §1): crawler → db ← classifier ← site, the CLI above them all, and no
// circles. `checkImports` turns an import graph into the broken rules; test/architecture runs it.
import type { ImportGraph } from './import-graph.ts';
import { findCircles } from './import-graph.ts';

/** For each area (top folder), the other areas it may import from. */
export const MAY_IMPORT: Record<string, readonly string[]> = {
  cli: ['crawler', 'db', 'classifier', 'site'],
  crawler: ['db'],
  classifier: ['db'],
  site: ['classifier', 'db'],
  db: [],
};

/** What the site may import from db/: its query functions, the connection type and the tool shape. */
export const SITE_DB_ENTRIES: readonly (string | RegExp)[] = [/^db\/queries\//, 'db/client.ts', 'db/tool-definition.ts'];

/**
 * Folders whose inner circles are printed but do not fail yet: the lead untangles classifier/
 * (annotations, category-schema, category) while reworking it, then removes it from this list.
 */
/** Folders whose circles are printed rather than failed: none since the classifier's were untangled. */
export const CIRCLES_REPORTED_ONLY: readonly string[] = [];

export interface ImportCheck {
  /** Imports against MAY_IMPORT or SITE_DB_ENTRIES, one line each. */
  backEdges: string[];
  /** Circles that fail the check. */
  circles: string[][];
  /** Circles wholly inside a CIRCLES_REPORTED_ONLY folder: printed, not failed. */
  reportedCircles: string[][];
  /** Relative imports naming no file. */
  missing: string[];
}

const areaOf = (file: string) => file.split('/')[0];
const matches = (file: string, entry: string | RegExp) => (typeof entry === 'string' ? file === entry : entry.test(file));

export function checkImports(graph: ImportGraph, reportedOnly: readonly string[] = CIRCLES_REPORTED_ONLY): ImportCheck {
  const backEdges: string[] = [];
  for (const [from, targets] of graph.imports) {
    const area = areaOf(from);
    const allowed = MAY_IMPORT[area];
    for (const to of targets) {
      const target = areaOf(to);
      if (target === area || !allowed) continue;
      if (!allowed.includes(target)) {
        backEdges.push(`${from} imports ${to}: ${area}/ may import ${allowed.length ? allowed.map((a) => `${a}/`).join(', ') : 'nothing of the other areas'}`);
      } else if (area === 'site' && target === 'db' && !SITE_DB_ENTRIES.some((entry) => matches(to, entry))) {
        backEdges.push(`${from} imports ${to}: the site reads the database only through db/queries/ (and the types of db/client.ts, db/tool-definition.ts)`);
      }
    }
  }
  const circles: string[][] = [];
  const reportedCircles: string[][] = [];
  for (const circle of findCircles(graph)) {
    const inside = reportedOnly.some((dir) => circle.every((file) => file.startsWith(dir)));
    (inside ? reportedCircles : circles).push(circle);
  }
  return { backEdges, circles, reportedCircles, missing: graph.missing.map((m) => `${m.from} imports ${m.to}, which does not exist`) };
}

/** The check as lines for a terminal. */
export function formatImportCheck(check: ImportCheck): string {
  const lines = [
    ...check.backEdges.map((line) => `back edge: ${line}`),
    ...check.circles.map((c) => `circle among: ${c.join(', ')}`),
    ...check.missing.map((line) => `missing: ${line}`),
    ...check.reportedCircles.map((c) => `circle among (reported, not failing yet): ${c.join(', ')}`),
  ];
  return lines.length ? lines.join('\n') : 'imports: no back edges, no circles';
}

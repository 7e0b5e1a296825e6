// One direction of imports (DESIGN §1): no back edges across crawler/, db/, classifier/, site/, cli/ and no
// circles, checked on the real source tree; and the checker itself shown to catch both on a small tree.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportGraph } from '../../scripts/import-graph.ts';
import { checkImports, formatImportCheck } from '../../scripts/import-rules.ts';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mcp-risk-imports-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('import direction', () => {
  it('the source tree has no back edge, no circle outside the reported ones, and no import of a missing file', () => {
    const graph = readImportGraph({ root: process.cwd() });
    expect(graph.files.length).toBeGreaterThan(100);
    // The reader sees dynamic imports (the CLI loads its commands on demand) and .astro front matter.
    expect(graph.imports.get('cli/main.ts')).toEqual(expect.arrayContaining(['cli/crawl.ts', 'cli/build.ts']));
    expect([...graph.imports.entries()].some(([file, to]) => file.endsWith('.astro') && to.some((t) => t.startsWith('site/src/')))).toBe(true);
    const check = checkImports(graph);
    console.log(formatImportCheck(check));
    expect(check.backEdges).toEqual([]);
    expect(check.circles).toEqual([]);
    expect(check.missing).toEqual([]);
  });

  it('catches a back edge, a site read around db/queries, a circle (type-only imports count) and a missing file', () => {
    const root = tree({
      'db/queries/a.ts': "import { RISKS } from '../../classifier/types.ts';\nexport const a = RISKS;\n",
      'db/schema.ts': 'export const table = 1;\n',
      'classifier/types.ts': "export const RISKS = ['Low'];\n",
      'site/page.ts': "import { table } from '../db/schema.ts';\nimport { a } from '../db/queries/a.ts';\nexport const p = [table, a];\n",
      'crawler/attempt-a.ts': "import type { B } from './attempt-b.ts';\nexport type A = B;\nexport const a = 1;\n",
      'crawler/attempt-b.ts': "import { a } from './attempt-a.ts';\nexport type B = typeof a;\n",
      'crawler/self.ts': "export * from './self.ts';\n",
      'cli/main.ts': "const load = () => import('./gone.ts');\nexport { load };\n",
      'classifier/x.ts': "import { y } from './y.ts';\nexport const x = y;\n",
      'classifier/y.ts': "import type { x } from './x.ts';\nexport const y = 1 as unknown as typeof x;\n",
    });
    const check = checkImports(readImportGraph({ root }), ['classifier/']);
    expect(check.backEdges).toEqual([
      'db/queries/a.ts imports classifier/types.ts: db/ may import nothing of the other areas',
      'site/page.ts imports db/schema.ts: the site reads the database only through db/queries/ (and the types of db/client.ts, db/tool-definition.ts)',
    ]);
    expect(check.circles).toEqual([['crawler/attempt-a.ts', 'crawler/attempt-b.ts'], ['crawler/self.ts']]);
    expect(check.reportedCircles).toEqual([['classifier/x.ts', 'classifier/y.ts']]);
    expect(check.missing).toEqual(['cli/main.ts imports cli/gone.ts, which does not exist']);
    expect(formatImportCheck(check)).toMatch(/^back edge: db\/queries\/a\.ts imports classifier\/types\.ts/m);
  });
});

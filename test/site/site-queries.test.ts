// The site's queries on both backends: keyset paging, latest classification, tool pages, policy merge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { getCatalogueCounts, getServerPage, getToolPage, iterateServerSlugs, iterateToolPaths, listServerIndex } from '../../db/queries/site.ts';
import { serverPolicy } from '../../site/src/lib/policy.ts';
import { relatedIndex } from '../../site/pipeline/related-index.ts';
import { backends } from '../helpers/databases.ts';
import { RISKS } from '../../classifier/types.ts';
import { saveClassification } from '../../db/queries/classifications.ts';
import { upsertServer } from '../../db/queries/servers.ts';
import { currentTools, recordToolListing } from '../../db/queries/tool-listing.ts';
import { CATALOGUE, populateCatalogue } from './catalogue.ts';

const fixturePolicy = (name: string) => CATALOGUE.flatMap((s) => s.tools).find((t) => t.definition.name === name)!.classification!.policy;

for (const backend of backends) {
  describe(`site queries on ${backend.name}`, () => {
    let database: Database & { drop(): Promise<void> };
    beforeAll(async () => {
      database = await backend.open();
      await populateCatalogue(database.db);
    });
    afterAll(async () => { await database?.drop(); });

    it('pages the server index by slug, with tool counts and the highest risk', async () => {
      const all = await listServerIndex(database.db, { riskOrder: RISKS });
      expect(all.map((r) => [r.slug, r.toolCount, r.highestRisk])).toEqual([
        ['com-example-payments', 3, 'Critical'], ['io-github-acme-files', 3, 'Critical'], ['mail-sender', 2, 'High'],
      ]);
      const paged = [];
      for (let after: string | undefined, rows; (rows = await listServerIndex(database.db, { after, limit: 1, riskOrder: RISKS })).length; after = rows[0].slug) paged.push(...rows);
      expect(paged).toEqual(all);
    });

    it('iterates every current tool once, in server then tool order', async () => {
      const paths = [];
      for await (const path of iterateToolPaths(database.db, { serversPerPage: 2 })) paths.push(`${path.serverSlug}/${path.toolSlug}`);
      expect(paths).toEqual([
        'com-example-payments/create-refund', 'com-example-payments/list-charges', 'com-example-payments/show-banner',
        'io-github-acme-files/delete-path', 'io-github-acme-files/read-file', 'io-github-acme-files/write-file',
        'mail-sender/list-outbox', 'mail-sender/send-email',
      ]);
    });

    it('reads the newest classification of the current version, and a tool with its siblings', async () => {
      const page = await getToolPage(database.db, 'mail-sender', 'send-email');
      expect(page?.tool.classification).toMatchObject({ category: 'Execute', risk: 'High', classifierVersion: 'test-1' });
      expect(page?.siblings.map((t) => t.name)).toEqual(['list_outbox']);
      expect(page?.siblings[0].classification).toBeNull();
      expect(await getToolPage(database.db, 'mail-sender', 'nope')).toBeUndefined();
      expect(await getServerPage(database.db, 'nope')).toBeUndefined();
    });

    it('merges a server policy from its tools: default deny, union of hide and tools', async () => {
      const { tools } = (await getServerPage(database.db, 'io-github-acme-files'))!;
      expect(serverPolicy(tools)).toEqual({
        version: '1', default: 'deny', hide: ['delete_path'],
        tools: { read_file: {}, write_file: fixturePolicy('write_file').tools.write_file },
      });
    });

    it('iterates every server slug once, a page at a time', async () => {
      const slugs = [];
      for await (const slug of iterateServerSlugs(database.db, { pageSize: 2 })) slugs.push(slug);
      expect(slugs).toEqual(['com-example-payments', 'io-github-acme-files', 'mail-sender']);
    });

    it('counts current tools by the category and risk of their latest classification', async () => {
      expect(await getCatalogueCounts(database.db)).toEqual({
        servers: 3, tools: 8, classified: 7,
        byCategory: { Read: 3, Write: 1, Execute: 1, Destructive: 1, Financial: 1 },
        byRisk: { Low: 2, Medium: 1, High: 2, Critical: 2 },
      });
    });

    it('shows only current tools, and a changed definition as unclassified until it is classified again', async () => {
      const { db } = database;
      const { id, slug } = await upsertServer(db, { name: 'drift', runtime: 'npm' });
      await recordToolListing(db, id, [{ name: 'get_a', description: 'v1' }, { name: 'get_b' }]);
      for (const t of await currentTools(db, [id])) {
        await saveClassification(db, t.versionId, {
          category: 'Read', risk: 'Low', confidence: 1, rationale: 'r', evidence: [], findings: [],
          policy: { version: '1', default: 'deny', tools: { [t.name]: {} } },
        }, { classifierVersion: 'test-1', method: 'heuristic' });
      }
      await recordToolListing(db, id, [{ name: 'get_a', description: 'v2: now deletes things' }]);
      const page = (await getServerPage(db, slug))!;
      expect(page.tools.map((t) => [t.name, t.definition.description, t.classification])).toEqual([['get_a', 'v2: now deletes things', null]]);
      const [row] = await listServerIndex(db, { after: 'd', limit: 1, riskOrder: RISKS });
      expect(row).toMatchObject({ slug: 'drift', toolCount: 1, highestRisk: null });
    });

    it('relates tools of one name across servers, and of one purpose under other names', async () => {
      const a = await upsertServer(database.db, { name: 'related-a', runtime: 'npm' });
      const b = await upsertServer(database.db, { name: 'related-b', runtime: 'npm' });
      await recordToolListing(database.db, a.id, [{ name: 'sendMail' }, { name: 'read_file' }, { name: 'frobnicate' }]);
      await recordToolListing(database.db, b.id, [{ name: 'email-send' }, { name: 'frobnicate' }]);
      const related = await relatedIndex(database.db);
      expect(related.sameName.get('read_file')).toEqual({ count: 2, refs: [{ server: 'io-github-acme-files', tool: 'read-file' }, { server: 'related-a', tool: 'read-file' }] });
      expect(related.sameName.get('frobnicate')?.count).toBe(2);
      expect(related.sameName.has('sendMail')).toBe(false);
      // send_email (mail-sender), sendMail and email-send: one purpose, three names.
      const purpose = related.purposeOf.get('sendMail')!;
      expect(purpose).toBe('send mail');
      expect(related.purposeOf.get('email-send')).toBe(purpose);
      const entry = related.purposes.get(purpose)!;
      expect([entry.count, entry.names]).toEqual([3, 3]);
      expect(entry.refs.map((r) => `${r.server}/${r.name}`).sort()).toEqual(['mail-sender/send_email', 'related-a/sendMail', 'related-b/email-send']);
      // read_file's purpose has one name only, and names without a known verb have none.
      expect(related.purposeOf.has('read_file')).toBe(false);
      expect(related.purposeOf.has('frobnicate')).toBe(false);
    });
  });
}

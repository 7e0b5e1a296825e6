// sitemap.xml as a sitemap index over files of at most 50,000 URLs (the protocol's limit), written
// as the URLs arrive: one open file stream at a time, never the whole list in memory. The protocol
// wants absolute URLs, so without the build's site URL (origin null) no sitemap is written.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { pageUrl } from '../src/lib/urls.ts';

export const SITEMAP_LIMIT = 50_000;

const xml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export class SitemapWriter {
  #stream: WriteStream | undefined;
  #inFile = 0;
  #files = 0;
  #urls = 0;

  constructor(private readonly outDir: string, private readonly origin: string | null, private readonly limit = SITEMAP_LIMIT) {}

  /** Adds a site path (e.g. /servers/x/); `lastmod` when the page's data has a date. */
  async add(path: string, lastmod?: Date): Promise<void> {
    if (!this.origin) return;
    if (!this.#stream || this.#inFile >= this.limit) await this.#open();
    const loc = pageUrl(this.origin, path);
    const line = `<url><loc>${xml(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString().slice(0, 10)}</lastmod>` : ''}</url>\n`;
    this.#inFile++;
    this.#urls++;
    if (!this.#stream!.write(line)) await once(this.#stream!, 'drain');
  }

  async #open(): Promise<void> {
    await this.#close();
    await mkdir(join(this.outDir, 'sitemaps'), { recursive: true });
    this.#files++;
    this.#inFile = 0;
    this.#stream = createWriteStream(join(this.outDir, 'sitemaps', `sitemap-${this.#files}.xml`));
    this.#stream.write('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n');
  }

  async #close(): Promise<void> {
    const stream = this.#stream;
    if (!stream) return;
    this.#stream = undefined;
    stream.end('</urlset>\n');
    await once(stream, 'finish');
  }

  /** Closes the last file and writes the index; returns the URL and file counts. */
  async finish(): Promise<{ urls: number; files: number }> {
    await this.#close();
    if (!this.origin) return { urls: 0, files: 0 };
    const entries = Array.from({ length: this.#files }, (_, i) =>
      `<sitemap><loc>${xml(pageUrl(this.origin, `/sitemaps/sitemap-${i + 1}.xml`))}</loc></sitemap>`).join('\n');
    await writeFile(join(this.outDir, 'sitemap.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</sitemapindex>\n`);
    return { urls: this.#urls, files: this.#files };
  }
}

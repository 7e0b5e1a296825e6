// Rows streamed in page order become page jobs as soon as a page is full: a list of 600,000 tools
// never sits in memory, only one page of it per list. Page 1 is `<base>`, page n is `<base><n>/`.
import type { ListModel, Tab } from '../src/lib/model-types.ts';
import type { PageJob } from '../src/render/views.ts';

export interface ListSpec {
  /** URL path of page 1, with a trailing slash, e.g. /risk/high/ */
  base: string;
  title: string;
  heading: string;
  intro: string;
  description: string;
  tabs: Tab[];
  kind: ListModel['kind'];
  /** Total rows when known in advance (for "page 2 of 9"). */
  total?: number;
  /** Also write page 1 at these paths (e.g. /servers/ as well as /servers/by-name/1/). */
  aliases?: string[];
  /** Page n's path; default `<base><n>/` and `<base>` for page 1. */
  pathOf?: (page: number) => string;
}

export const PAGE_SIZE = 100;

export const fileOf = (path: string): string => `${path.replace(/^\/+/, '')}index.html`;

export class Paginator<Row> {
  #rows: Row[] = [];
  #page = 1;
  #count = 0;

  constructor(private readonly spec: ListSpec, private readonly emit: (job: PageJob, sitemapPath?: string) => void, private readonly pageSize = PAGE_SIZE) {}

  pathOf(page: number): string {
    return this.spec.pathOf?.(page) ?? (page === 1 ? this.spec.base : `${this.spec.base}${page}/`);
  }

  push(row: Row): void {
    this.#count++;
    if (this.#rows.length === this.pageSize) this.#flush(true);
    this.#rows.push(row);
  }

  /** Writes the last page (or an empty first page) and returns the number of rows seen. */
  finish(): number {
    if (this.#rows.length || this.#page === 1) this.#flush(false);
    return this.#count;
  }

  #flush(more: boolean): void {
    const { spec } = this;
    const page = this.#page++;
    const pages = spec.total !== undefined ? Math.max(1, Math.ceil(spec.total / this.pageSize), page + (more ? 1 : 0)) : undefined;
    const path = this.pathOf(page);
    const model = {
      path, title: spec.title, heading: spec.heading, intro: spec.intro, description: spec.description, tabs: spec.tabs,
      page, pages, prev: page > 1 ? this.pathOf(page - 1) : undefined, next: more ? this.pathOf(page + 1) : undefined,
      kind: spec.kind, rows: this.#rows,
    } as ListModel;
    this.#rows = [];
    this.emit({ view: 'list', file: fileOf(path), model }, path);
    if (page === 1) for (const alias of spec.aliases ?? []) this.emit({ view: 'list', file: fileOf(alias), model });
  }
}

// Crawled Markdown (tool, server and parameter descriptions) as safe HTML, by markdown-it: raw HTML
// off (markup shows as text), no images, links only to http(s) and mailto URLs and always
// rel="nofollow noopener ugc" (no titles), bare URLs linked only with their scheme, a line break
// kept as one (tool authors write lists that way), and headings as bold paragraphs so that a
// description cannot take over the page's outline. Text reaches this module already through
// `visible()` (site/src/lib/text.ts), so hidden characters show as [U+202E]; HTML entities are not
// decoded (`&lt;` shows as written, and `&#x202E;` cannot smuggle a hidden character back in).
import MarkdownIt from 'markdown-it';

/** The only link targets written: absolute http(s) URLs and mailto: addresses. */
const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;
const REL = 'nofollow noopener ugc';

const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: true });
md.disable(['image', 'entity']);
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
md.validateLink = (url: string) => SAFE_URL.test(url.trim());

const rules = md.renderer.rules;
rules.link_open = (tokens, i, options, _env, self) => {
  const token = tokens[i];
  const href = String(token.attrGet('href') ?? '');
  if (!SAFE_URL.test(href.trim())) {
    // Not a link after all: its text stays, the matching close renders nothing.
    token.meta = { ...token.meta, dropped: true };
    return '';
  }
  token.attrs = [['href', href], ['rel', REL]];
  return self.renderToken(tokens, i, options);
};
rules.link_close = (tokens, i, options, _env, self) => {
  // Links do not nest in Markdown: the nearest opening is this link's.
  let j = i - 1;
  while (j >= 0 && tokens[j].type !== 'link_open') j--;
  return j >= 0 && tokens[j].meta?.dropped ? '' : self.renderToken(tokens, i, options);
};
rules.heading_open = () => '<p class="md-heading"><strong>';
rules.heading_close = () => '</strong></p>\n';

/** Markdown as HTML, safe to insert as it is. */
export function markdownHtml(text: string): string {
  return text ? md.render(text) : '';
}

/**
 * The words a reader sees in Markdown, without its inline markup (`**Request**` → Request,
 * `[docs](https://…)` → docs, a heading's #s dropped): for meta descriptions, list summaries and
 * FAQ answers, which are plain text. Line breaks stay.
 */
export function markdownText(text: string): string {
  if (!/[*_`[\]\\<>&#~!]/.test(text)) return text;
  let out = '';
  for (const token of md.parseInline(text.replace(/^ {0,3}#{1,6}[ \t]+/gm, ''), {})[0]?.children ?? []) {
    if (token.type === 'text' || token.type === 'code_inline') out += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') out += '\n';
  }
  return out;
}

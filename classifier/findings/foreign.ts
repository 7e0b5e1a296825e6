// Whether an identifier in a definition names a tool that is not this one, not a sibling and not one
// of its own parameters, and, with the catalogue, which other server has it.
import { foreignEntry, type CatalogueEntry } from '../catalogue.ts';
import { nameKey } from '../tokens.ts';
import type { FindingDoc } from './rule.ts';

/** An identifier, optionally quoted: `send_email`, 'web_search', "maps.geocode". */
export const IDENT = '[`\'"]?([A-Za-z][A-Za-z0-9_.:/-]{2,60})[`\'"]?';

const NOT_A_TOOL = new Set(['available', 'following', 'same', 'this', 'that', 'it', 'these', 'those', 'them', 'a', 'an', 'any', 'all', 'the', 'other',
  'your', 'tool', 'tools', 'one', 'its', 'default', 'when', 'parameter', 'value', 'field', 'option', 'which', 'what', 'such', 'new', 'secure', 'system',
  'user', 'users', 'model', 'assistant', 'server', 'function', 'previous', 'original', 'current', 'existing', 'old', 'legacy', 'above', 'below']);
const LOOKS_LIKE_TOOL = /_|[a-z][A-Z]/;
const KEBAB_OR_DOTTED = /^[a-z0-9]+(?:[-.:][a-z0-9]+)+$/i;
const FOLLOWED_BY_TOOL = /^\s*(?:tool|server|function|mcp)/i;
/** A name followed by one of these is a field of data, not a tool. */
const FOLLOWED_BY_FIELD = /^\s*(?:property|properties|field|fields|parameter|param|argument|arg|attribute|option|column|flag|header|key|value|setting|variable|method|endpoint|api|query|filter)\b/i;
const TRAILING_PUNCT = /[().,;:]+$/;

export interface ForeignName {
  name: string;
  /** The other server that has it, when the catalogue knows. */
  entry?: CatalogueEntry;
}

/**
 * The tool `raw` names when it is foreign. `after` is the text that follows it, `quoted` whether it was in
 * quotes; `strict` asks for a quote or a following "tool" unless the catalogue knows the name; `called`: the
 * name follows a verb of calling.
 */
export function foreignTool(doc: FindingDoc, raw: string, after: string, quoted: boolean, strict: boolean, called = false): ForeignName | undefined {
  const name = raw.replace(TRAILING_PUNCT, '');
  const key = nameKey(name);
  if (!key || NOT_A_TOOL.has(name.toLowerCase()) || key === doc.selfKey || doc.siblingKeys.has(key) || doc.paramKeys.has(key)) return undefined;
  if (FOLLOWED_BY_FIELD.test(after) || /^\s*[=:(]/.test(after)) return undefined;
  // "all other Shopify tools" on shopify-dev: the server's own family of tools
  if (doc.server && key.length >= 4 && nameKey(doc.server).includes(key)) return undefined;
  const marked = quoted || FOLLOWED_BY_TOOL.test(after);
  // "call `fetch`": a quoted single word after a verb of calling is a tool name too
  const word = called && quoted && /^[a-z][a-z0-9]{2,}$/i.test(name);
  const shaped = LOOKS_LIKE_TOOL.test(name) || (KEBAB_OR_DOTTED.test(name) && marked) || FOLLOWED_BY_TOOL.test(after);
  if (!word && !shaped) return undefined;
  const entry = foreignEntry(doc.catalogue, key, doc.server);
  if (entry) return { name, entry };
  return !strict || marked ? { name } : undefined;
}

/** " (a tool of server X)" when the catalogue knows the owner. */
export function owner(f: ForeignName): string {
  return f.entry ? `, a tool of ${f.entry.server}` : '';
}

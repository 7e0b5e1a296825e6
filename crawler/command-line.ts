// The command line an attempt ran, as recorded: every argument and variable as given, placeholders of ours marked
// `<placeholder:VALUE>`, secret variables never shown (`<secret>`, or `<placeholder>` when the value is ours),
// the scratch dir as {{scratch}}.

export interface Part {
  value: string;
  /** A value of ours, not declared by the record. */
  placeholder?: boolean;
  /** A value that must never be written down. */
  secret?: boolean;
}

export interface EnvPart extends Part { name: string }

const quote = (text: string) => (/^[\w@%+=:,./{}<>-]+$/.test(text) ? text : JSON.stringify(text));

function show(part: Part): string {
  if (part.secret) return part.placeholder ? '<placeholder>' : '<secret>';
  if (part.placeholder) return `<placeholder:${quote(part.value)}>`;
  return quote(part.value);
}

/** `NAME=<placeholder:x> node pkg@1.0.0/bin.js --flag value` */
export function renderCommandLine(argv: Part[], env: EnvPart[] = []): string {
  const vars = [...env].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((e) => `${e.name}=${show(e)}`);
  return [...vars, ...argv.map(show)].join(' ');
}

/** Parts of plain values, marking those at the given indices as placeholders. */
export function partsOf(values: string[], placeholders: number[] = []): Part[] {
  const marked = new Set(placeholders);
  return values.map((value, i) => (marked.has(i) ? { value, placeholder: true } : { value }));
}

/** Environment parts: placeholder and secret names marked. */
export function envParts(env: Record<string, string>, placeholders: string[] = [], secrets: string[] = []): EnvPart[] {
  const p = new Set(placeholders);
  const s = new Set(secrets);
  return Object.entries(env).map(([name, value]) => ({ name, value, ...(p.has(name) ? { placeholder: true } : {}), ...(s.has(name) ? { secret: true } : {}) }));
}

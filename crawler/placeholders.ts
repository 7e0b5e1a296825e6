// Placeholder values for the inputs a registry marks required (environment variables, arguments),
// so that servers start and list their tools without real credentials.

/** Directory placeholders point at the server's own scratch dir inside the sandbox. */
export const SCRATCH_TOKEN = '{{scratch}}';

/** The value of an input nothing is known about. */
export const PLACEHOLDER = 'mcp-risk-placeholder';

export interface InputSpec {
  name?: string;
  description?: string;
  format?: string;
  default?: string;
  value?: string;
  choices?: string[];
}

const RULES: [RegExp, string][] = [
  [/database_?ur[li]|db_?ur[li]|(?:^|_)dsn(?:_|$)|connection_?string|(?:postgres|pg|mysql|mongo\w*|redis)_?ur[li]/i, 'postgres://placeholder:placeholder@127.0.0.1:9/placeholder'],
  [/url|endpoint|host|base|uri|server|instance|domain/i, 'http://127.0.0.1:9/mcp-risk-placeholder'],
  [/port/i, '9'],
  [/dir|path|folder|root|workspace|file/i, SCRATCH_TOKEN],
  [/email|user(name)?$/i, 'placeholder@example.invalid'],
  [/region/i, 'us-east-1'],
  [/(^|_)(id|project|org|team|account|workspace)(_|$)/i, 'placeholder-id'],
];

/** A value that lets a server start: the given value or default, a choice, or a shaped placeholder. */
export function placeholderFor(spec: InputSpec): string {
  if (spec.value !== undefined && spec.value !== '') return spec.value;
  if (spec.default !== undefined && spec.default !== '') return spec.default;
  if (spec.choices?.length) return spec.choices[0];
  if (spec.format === 'number') return '1';
  if (spec.format === 'boolean') return 'false';
  if (spec.format === 'filepath') return SCRATCH_TOKEN;
  const text = `${spec.name ?? ''} ${spec.format ?? ''}`;
  for (const [pattern, value] of RULES) if (pattern.test(text)) return value;
  return PLACEHOLDER;
}

/** Replaces `{var}` references with the given variables' values (or placeholders). */
export function substituteVariables(text: string, variables: Record<string, InputSpec> | undefined): string {
  return text.replace(/\{([A-Za-z0-9_.-]+)\}/g, (whole, key: string) => {
    const spec = variables?.[key];
    return spec ? placeholderFor({ name: key, ...spec }) : whole;
  });
}

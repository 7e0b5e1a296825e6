// Validation against the SARIF 2.1.0 JSON Schema as Microsoft's SARIF SDK ships it (@microsoft/jest-sarif,
// lib/schemas/sarif-2.1.0-rtm.5.json: draft-04, so ajv-draft-04). The schema's `language` pattern is
// written for non-Unicode regular expressions (an unescaped `]`), hence unicodeRegExp: false.
import { createRequire } from 'node:module';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
export const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as { title: string };

const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const check = ajv.compile(SARIF_SCHEMA);

/** The schema's complaints about a SARIF log, one line each; [] when it is valid. */
export function validateSarif(log: unknown): string[] {
  if (check(log)) return [];
  return (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

// Validates a policy.json against the published JSON Schema (classifier/policy-schema.json).
import { Ajv } from 'ajv';
import schema from './policy-schema.json' with { type: 'json' };

export { schema as POLICY_SCHEMA };

const ajv = new Ajv({ allErrors: true, strict: true });
const check = ajv.compile(schema);

export interface PolicyValidation {
  valid: boolean;
  /** One line per problem: "/tools/x/limits/0/window must be equal to one of the allowed values". */
  errors: string[];
}

/** Checks a policy against the schema; never throws. */
export function validatePolicy(policy: unknown): PolicyValidation {
  if (check(policy)) return { valid: true, errors: [] };
  const errors = (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  return { valid: false, errors };
}

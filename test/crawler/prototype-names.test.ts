// Names a registry chooses (environment variables, headers) that equal Object.prototype keys are ordinary keys.
import { describe, expect, it } from 'vitest';
import { remoteHeaders } from '../../crawler/attempt-remote.ts';
import { buildEnvironment } from '../../crawler/launch.ts';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

describe('prototype-named keys from a registry', () => {
  it('become environment variables like any other', () => {
    const { env } = buildEnvironment({ environmentVariables: NAMES.map((name) => ({ name, isRequired: true })) } as never);
    expect(Object.keys(env)).toEqual(NAMES);
    for (const name of NAMES) expect(typeof Object.getOwnPropertyDescriptor(env, name)?.value).toBe('string');
  });

  it('become required headers like any other', () => {
    const headers = remoteHeaders(NAMES.map((name) => ({ name, required: true })) as never);
    expect(Object.keys(headers)).toEqual(NAMES);
  });
});

// Names and prose into words; verbs found in names.
import { describe, expect, it } from 'vitest';
import { verbsOfName, verbsOfProse } from '../../classifier/intent.ts';
import { splitName } from '../../classifier/tokens.ts';

describe('splitName', () => {
  it('splits snake, camel, Pascal, acronym, kebab and dotted names', () => {
    expect(splitName('read_text_file')).toEqual(['read', 'text', 'file']);
    expect(splitName('getConsoleLogs')).toEqual(['get', 'console', 'logs']);
    expect(splitName('DeleteDbInstance')).toEqual(['delete', 'db', 'instance']);
    expect(splitName('API-delete-a-block')).toEqual(['api', 'delete', 'a', 'block']);
    expect(splitName('parseHTTPResponse')).toEqual(['parse', 'http', 'response']);
    expect(splitName('mobile.list_apps')).toEqual(['mobile', 'list', 'apps']);
  });
});

describe('verbs', () => {
  it('finds the verb of resource-first names and skips noun-like verbs', () => {
    expect(verbsOfName(['stories', 'create'])[0].lemma).toBe('create');
    expect(verbsOfName(['call', 'end'])[0].lemma).toBe('end');
    expect(verbsOfName(['email', 'search'])[0].lemma).toBe('search');
    expect(verbsOfName(['get', 'test', 'run'])[0].lemma).toBe('get');
    expect(verbsOfName(['netlify', 'deploy', 'services', 'reader'])[0].lemma).toBe('read');
    expect(verbsOfName(['create', 'or', 'update', 'file']).map((v) => v.lemma)).toEqual(['create', 'update']);
    expect(verbsOfName(['deleted', 'items'])).toEqual([]);
  });

  it('reads the leading verb phrase of a description', () => {
    expect(verbsOfProse('Add, update, or remove a workspace collaborator.', 'description').map((v) => v.lemma)).toEqual(['add', 'update', 'remove']);
    expect(verbsOfProse('🎯 Purpose: 1. Retrieves a paginated list of objects.', 'description')[0].lemma).toBe('retrieve');
    expect(verbsOfProse('ALWAYS call when writing serverless code.', 'description')).toEqual([]);
    expect(verbsOfProse('List of channels in the workspace.', 'description')[0]?.cls ?? 'read').toBe('read');
  });
});

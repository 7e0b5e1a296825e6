// A server's last attempt in words: the outcome and its cause, the version run when it is not the declared one,
// and the grade of a server without tools saying why it has none.
import { describe, expect, it } from 'vitest';
import type { LastAttempt } from '../../db/queries/site-globals.ts';
import { gradeWithCause, listingWords } from '../../site/src/lib/attempt-words.ts';
import { gradeServer } from '../../site/src/lib/grade.ts';

const attempt = (a: Partial<LastAttempt>): LastAttempt => ({
  status: 'ok', errorKind: null, toolCount: null, durationMs: null, startedAt: new Date(0), finishedAt: null, error: null, evidence: null,
  cause: null, failure: null, declaredVersion: null, listedVersion: null, entryPoint: null, networkMode: null, ...a,
});

describe('listingWords', () => {
  it('says a crash at start-up and its diagnosed cause, with the proof line apart', () => {
    expect(listingWords(attempt({ status: 'unsupported_runtime', failure: 'crashed', cause: "it imports enableCompileCache from node:module, which Node.js 20.20.2 does not have (it needs a newer Node.js)", evidence: "SyntaxError: The requested module 'node:module' does not provide an export named 'enableCompileCache'" })))
      .toEqual({ sentence: "Crashed at start-up: it imports enableCompileCache from node:module, which Node.js 20.20.2 does not have (it needs a newer Node.js).", proof: "SyntaxError: The requested module 'node:module' does not provide an export named 'enableCompileCache'", versions: null });
  });
  it('says a release refused for its engines, and which version was tried', () => {
    expect(listingWords(attempt({ status: 'unsupported_runtime', cause: 'it needs Node.js >=22; this crawler runs Node.js 20.20.2', declaredVersion: '0.12.1' }))?.sentence)
      .toBe('Not run here: it needs Node.js >=22; this crawler runs Node.js 20.20.2.');
    expect(listingWords(attempt({ status: 'needs_network', cause: 'a DNS lookup of svelte.dev failed (EAI_AGAIN): it needs the network', declaredVersion: '0.1.15', listedVersion: '0.1.13' })))
      .toMatchObject({ sentence: 'Not listed without the network: a DNS lookup of svelte.dev failed (EAI_AGAIN): it needs the network.', versions: 'Tried version 0.1.13 (the registry declares 0.1.15).' });
  });
  it('says how many tools were listed, by what, with the network when it was on', () => {
    expect(listingWords(attempt({ toolCount: 1, entryPoint: 'x mcp', networkMode: 'on', declaredVersion: '1.0.0', listedVersion: '1.0.0' })))
      .toEqual({ sentence: 'Listed 1 tool with network access by running x mcp.', proof: null, versions: null });
  });
});

describe('gradeWithCause', () => {
  it('replaces "lists no tools" with the cause when there are none, and leaves a graded server alone', () => {
    const words = listingWords(attempt({ status: 'package_not_found', cause: 'the registry has no package x' }));
    expect(gradeWithCause(gradeServer({ byRisk: {}, tools: 0, seriousFindings: 0 }), 0, attempt({ status: 'package_not_found' }), words).reasons)
      .toEqual(['Not installed: the registry has no package x.']);
    const graded = gradeServer({ byRisk: { Low: 2 }, tools: 2, seriousFindings: 0 });
    expect(gradeWithCause(graded, 2, attempt({ status: 'ok' }), words)).toBe(graded);
    expect(gradeWithCause(gradeServer({ byRisk: {}, tools: 0, seriousFindings: 0 }), 0, attempt({ status: 'no_tools' }), listingWords(attempt({ status: 'no_tools' }))).reasons).toEqual(['The server lists no tools.']);
  });
});

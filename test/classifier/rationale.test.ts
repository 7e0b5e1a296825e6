// Rationales over a sample of real tools (issue 10 item 5): each names the tool and server, says what the
// tool does in more than its own name, and names no effect that the evidence does not support.
import { describe, expect, it } from 'vitest';
import { singular, splitName } from '../../classifier/tokens.ts';
import { realTools, type Classified } from './real-tools.ts';

const STOP = new Set(('a an the of to for in on by with and or from its it is are be this that as at into via your their ' +
  'all any one each given has more than').split(' '));

/** A claim a rationale may only make when the evidence (or category, or policy) supports it. */
const CLAIMS: { claim: RegExp; supported: (x: Classified) => boolean; what: string }[] = [
  { what: 'runs any command', claim: /run any command|run shell commands/, supported: ({ c }) => c.evidence.some((e) => /runs any command|shell commands|debugger commands|agent/.test(e)) },
  { what: 'runs arbitrary code', claim: /arbitrary code/, supported: ({ c }) => c.evidence.some((e) => /runs any code|runs code it is given/.test(e)) },
  { what: 'rewrites data by query', claim: /rewrite or drop data/, supported: ({ c }) => c.evidence.some((e) => /change or drop data/.test(e)) },
  { what: 'reaches people', claim: /real people/, supported: ({ c }) => c.category === 'Execute' && c.evidence.some((e) => /recipient|reaches people|messages or invitations|voice call|send|call|message|email|notif|post|publish|say|speak/.test(e)) },
  { what: 'fetches URLs', claim: /internal addresses|through the URL/, supported: ({ c }) => c.evidence.some((e) => /URL|web page/.test(e)) },
  { what: 'reads any file', claim: /read any file/, supported: ({ c }) => c.evidence.some((e) => /reads any path/.test(e)) },
  { what: 'writes any file', claim: /overwrite or exfiltrate any file/, supported: ({ c }) => c.evidence.some((e) => /any path|local path/.test(e)) },
  { what: 'reads secrets', claim: /read secrets/, supported: ({ c }) => c.evidence.some((e) => /secret/.test(e)) },
  { what: 'moves money', claim: /move money|commit spending|spend up to/, supported: ({ c }) => c.category === 'Financial' },
  { what: 'deletes', claim: /\bcould (?:\w+ ){0,4}(?:delete|remove|wipe|empty)\b/, supported: ({ c }) => c.category === 'Destructive' },
  { what: 'changes nothing', claim: /changes nothing/, supported: ({ c }) => c.category === 'Read' },
  { what: 'deploys workloads', claim: /deploy whatever/, supported: ({ c }) => c.evidence.some((e) => /workload/.test(e)) },
  { what: 'hands work to an agent', claim: /another agent/, supported: ({ c }) => c.evidence.some((e) => /agent/.test(e)) },
];

/** The sentence after "`name` on server": what the tool does. */
function predicate(x: Classified): string {
  const head = `\`${x.tool.name}\` on ${x.server} `;
  const rest = x.c.rationale.slice(head.length);
  const end = rest.search(/\.(?:\s|$)/);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The sentences after the first: the consequence and the policy. */
function afterFirst(x: Classified): string {
  const head = `\`${x.tool.name}\` on ${x.server} `;
  return x.c.rationale.slice(head.length + predicate(x).length);
}

function contentWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !STOP.has(w)).map(singular);
}

describe('rationales over real tools', () => {
  const sample = realTools();

  it('cover a sample of thousands of real tools', () => {
    expect(sample.length).toBeGreaterThan(4000);
  });

  it('name the tool and its server first', () => {
    const bad = sample.filter((x) => !x.c.rationale.startsWith(`\`${x.tool.name}\` on ${x.server} `));
    expect(bad.map((x) => x.c.rationale.slice(0, 80))).toEqual([]);
  });

  it('never explain a tool by its own name alone ("`say` on Ringback says.")', () => {
    const bad = sample.filter((x) => {
      const p = predicate(x);
      // said outright: there is no description, or it only repeats the name (then the parameters are named)
      if (/has no description|names no action|sub-command router|adds nothing to its name|, given `/.test(p)) return false;
      const name = new Set(splitName(x.tool.name).map(singular));
      const words = contentWords(p);
      return !words.some((w) => !name.has(w) && !name.has(w.replace(/e?s$/, '')));
    });
    expect(bad.map((x) => `${x.tool.name}: ${predicate(x)}`).slice(0, 20)).toEqual([]);
  });

  it('make no claim the evidence does not support', () => {
    const bad: string[] = [];
    for (const x of sample) {
      const text = afterFirst(x);
      for (const k of CLAIMS) if (k.claim.test(text) && !k.supported(x)) bad.push(`${x.server}/${x.tool.name} (${x.c.category}/${x.c.risk}) claims "${k.what}": ${x.c.rationale}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('state the policy as it is: hidden only when hidden, the rate limit it sets', () => {
    for (const x of sample) {
      const entry = x.c.policy.tools[x.tool.name];
      expect(x.c.rationale.includes('Hidden: the agent is never shown') === !!x.c.policy.hide?.includes(x.tool.name)).toBe(true);
      const limit = entry.limits?.[0];
      if (limit) expect(x.c.rationale).toContain(`at most ${limit.max} call`);
      else expect(x.c.rationale).not.toMatch(/at most \d+ call/);
    }
  });

  it('are two to five sentences', () => {
    for (const x of sample) {
      const n = x.c.rationale.split(/\.(?:\s|$)/).filter((s) => s.trim()).length;
      expect(n, x.c.rationale).toBeGreaterThanOrEqual(2);
      expect(n, x.c.rationale).toBeLessThanOrEqual(6);
    }
  });
});

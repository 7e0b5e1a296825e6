// Category (DESIGN §4): from behaviour first (name, description, schema), then author annotations,
// then the server's siblings. Precedence when several apply: Financial, Destructive, Execute, Write, Read.
import type { ToolAnalysis } from './analysis.ts';
import type { Category } from './types.ts';
import { CATEGORY_OF, type CategoryResult, type Strength } from './category-types.ts';
import { topClass, type Verb } from './intent.ts';
import { objectRule } from './verb-context.ts';
import type { VerbClass } from './verbs.ts';
import { finish } from './annotations.ts';
import { applySchema, resolved, type Draft } from './category-schema.ts';
import { isDispatcher } from './router.ts';
import { proseEffects } from './category-prose.ts';

const ORDER: VerbClass[] = ['financial', 'destructive', 'execute', 'write', 'read'];

function best(classes: Set<VerbClass>): Category | undefined {
  for (const c of ORDER) if (classes.has(c)) return CATEGORY_OF[c as Exclude<VerbClass, 'weak'>];
  return undefined;
}


/** Name verbs general enough that the description's list of actions says more (`update_x`: "Update or delete …"). */
const GENERIC = new Set(['update', 'modify', 'edit', 'change', 'set', 'sync', 'configure', 'patch', 'put', 'post', 'save', 'apply', 'process', 'run', 'execute', 'perform', 'submit', 'send', 'trigger', 'invoke', 'call']);

const MAKERS = new Set(['create', 'generate', 'make', 'build', 'compose', 'draft']);
/** Name verbs that try something out, and prose verbs that make the try a real delivery. */
const PROBES = new Set(['test', 'try']);
const SENDS = new Set(['send', 'trigger', 'fire', 'emit', 'deliver', 'post', 'publish', 'dispatch']);

function emptySchema(a: ToolAnalysis): boolean {
  const props = a.tool.inputSchema?.properties;
  return !!props && typeof props === 'object' && Object.keys(props).length === 0;
}

/** Decides the category of one analysed tool, with evidence lines. */
export function decideCategory(a: ToolAnalysis): CategoryResult {
  const ev: string[] = [];
  const classes = new Set<VerbClass>();
  let strength: Strength = 'none';
  let agree = 0;
  let disagree = 0;
  let moneyByObject = false;
  let capped = false;
  const s = a.schema;
  // a noun-leaning word taken as the name's verb only for want of another (`text_chunking`, `normalize_email`)
  // gives way to the description's verbs, and never counts when it is not the name's first word
  const proseSays = a.descVerbs.some((v) => v.cls !== 'weak') || a.titleVerbs.some((v) => v.cls !== 'weak');
  const fallback = a.nameVerbs[0]?.fallback && proseSays;
  const nameVerbs = fallback ? [] : resolved(a.nameVerbs, a);
  const primary = nameVerbs[0];
  const weakName = !primary || primary.cls === 'weak';

  // 1. The name.
  if (primary && primary.cls !== 'weak') {
    for (const v of nameVerbs) if (v.cls !== 'weak') classes.add(v.cls);
    const first = a.tokens[0] === primary.word;
    ev.push(first ? `name begins with the verb '${primary.word}'` : `name contains the verb '${primary.word}'`);
    for (let i = 1; i < nameVerbs.length; i++) ev.push(`name also has the verb '${nameVerbs[i].word}'`);
    strength = !primary.ambiguous || (primary.ambiguous === 'verb' && first) ? 'strong' : 'weak';
    if (MAKERS.has(primary.lemma) && emptySchema(a)) {
      // "create" with nothing to create from usually returns generated content
      strength = 'weak';
      capped = true;
    }
  } else if (primary) {
    ev.push(`name begins with the general verb '${primary.word}'`);
  }
  const rule = objectRule(primary, a);
  if (rule && !classes.has(rule.cls)) {
    classes.add(rule.cls);
    moneyByObject = rule.cls === 'financial';
    ev.push(rule.evidence);
    if (strength === 'none') strength = 'weak';
  }

  // 2. Title and description.
  const prose = resolved(a.titleVerbs.length ? [...a.titleVerbs, ...a.descVerbs] : a.descVerbs, a).filter((v) => v.cls !== 'weak');
  const proseTop = topClass(prose);
  const nameTop = best(classes);
  if (prose.length) {
    const from = prose[0].source === 'title' ? 'title' : 'description';
    if (strength !== 'strong') {
      for (const v of prose) classes.add(v.cls);
      ev.push(`${from} begins with '${prose[0].word}'`);
      const agrees = nameTop !== undefined && proseTop !== undefined && CATEGORY_OF[proseTop as Exclude<VerbClass, 'weak'>] === nameTop;
      strength = capped ? 'weak' : strength === 'none' && !prose[0].ambiguous ? 'strong' : agrees ? 'strong' : 'weak';
    } else if (proseTop && nameTop && CATEGORY_OF[proseTop as Exclude<VerbClass, 'weak'>] === nameTop) {
      agree++;
    } else if (proseTop) {
      disagree++;
      const soft = nameTop === 'Write' || nameTop === 'Execute' || (nameTop === 'Financial' && moneyByObject);
      if (proseTop === 'read' && soft) {
        ev.push(`${from} begins with '${prose[0].word}', which reads rather than changes`);
        strength = 'weak';
      } else if (soft && primary && GENERIC.has(primary.lemma) && prose.length > 1 && ORDER.indexOf(proseTop) < ORDER.indexOf(primary.cls)) {
        for (const v of prose) if (!v.ambiguous) classes.add(v.cls);
        ev.push(`${from} begins with '${prose[0].word}'`);
      } else if (primary && PROBES.has(primary.lemma) && SENDS.has(prose[0].lemma)) {
        // `testWebhook`: "Send a test event to a webhook endpoint" — the test is a real delivery
        classes.add(prose[0].cls);
        ev.push(`${from} begins with '${prose[0].word}': the test is really sent`);
      }
    }
  }

  // 3. The schema, then what the description claims.
  const draft: Draft = { classes, ev, strength };
  const actions = applySchema(a, draft, primary, moneyByObject);
  strength = draft.strength;

  const dispatcher = isDispatcher(a.tokens, s.params);
  if (dispatcher) {
    ev.push('it runs another tool of this server, named in its arguments, with free-form arguments');
    if (a.ann.destructive === true) { classes.add('destructive'); ev.push('the author marks it destructive, so the tools it reaches can delete'); }
    strength = 'strong';
  }
  const behaviour = best(classes);
  const verb = pickVerb(nameVerbs, prose, actions, a, behaviour);
  return proseEffects(a, finish(a, { category: behaviour ?? 'Read', behaviour, strength, evidence: ev, verb, agree, disagree, byAnnotation: false, dispatcher }, moneyByObject));
}

/** The first verb of the name, prose, actions and methods (in that order) of the category, else the first verb. */
function pickVerb(name: Verb[], prose: Verb[], actions: Verb[], a: ToolAnalysis, cat: Category | undefined): Verb | undefined {
  let first: Verb | undefined;
  for (const list of [name, prose, actions, a.methodVerbs]) {
    for (const v of list) if (v.cls !== 'weak' && CATEGORY_OF[v.cls as Exclude<VerbClass, 'weak'>] === cat) return v;
    first ??= list[0];
  }
  return first;
}

// Grading rules for Execute tools (DESIGN §4): High by default (messages, calls, builds, deploys);
// Critical for free-text shell, code or writable SQL, arbitrary workloads and agents with a shell; Medium for
// interface actions and reruns of what is already configured; Low for media playback and scrolling.
import { ATTACK_WORDS } from '../category-prose.ts';
import type { RiskRule } from './rule.ts';
import type { RiskFacts } from '../risk-facts.ts';
import { langLabel } from '../schema-signals.ts';

export const MESSAGE_VERBS: ReadonlySet<string> = new Set(['send', 'reply', 'respond', 'forward', 'publish', 'broadcast', 'notify', 'email', 'sms', 'text', 'message', 'tweet', 'retweet', 'post', 'call', 'dial', 'say', 'speak', 'converse', 'invite', 'ring', 'activate']);
const DEPLOY_VERBS = new Set(['deploy', 'redeploy', 'install', 'apply', 'provision', 'rollout', 'promote', 'upgrade', 'compose', 'up']);
const WORKLOAD_PARAM = /^(?:chart|image|manifest|yaml|repo|repository|template|helm|url|source|dockerfile|spec|values|compose|composefile|file)$/;
const WORKLOAD_PROSE = /\b(?:docker[- ]compose|compose file|helm chart|kubernetes manifests?|k8s manifests?|any (?:container )?image|arbitrary (?:workloads?|containers?|images?))\b/;
const UI_VERBS = new Set(['click', 'tap', 'press', 'type', 'fill', 'hover', 'drag', 'swipe', 'focus', 'emulate', 'select', 'navigate', 'goto', 'screencast', 'open', 'close', 'reload', 'refresh', 'interact', 'launch', 'resize', 'uncheck']);
/** General verbs that are interface actions only on an interface object (`browser_handle_dialog`). */
const UI_GENERAL = new Set(['handle', 'switch', 'configure', 'set', 'accept', 'dismiss', 'upload', 'check', 'submit', 'toggle']);
const UI_OBJECTS = new Set(['page', 'tab', 'element', 'dialog', 'browser', 'button', 'screen', 'window', 'form', 'field', 'app', 'device', 'mouse', 'keyboard', 'frame', 'popup', 'modal', 'checkbox', 'dropdown', 'option', 'viewport', 'cookie', 'alert']);
const SCROLLS = new Set(['scroll', 'wheel', 'hover', 'zoom', 'pan']);
const RERUN_VERBS = new Set(['rerun', 'retry', 'restart', 'trigger', 'run', 'start', 'stop', 'cancel', 'pause', 'resume', 'end', 'launch', 'halt', 'reload', 'refresh', 'hangup', 'leave', 'disconnect', 'connect', 'join', 'wake', 'step', 'test', 'continue', 'exec', 'execute', 'skip', 'abort', 'reboot', 'shutdown', 'suspend']);
const MEDIA = new Set(['track', 'song', 'music', 'playback', 'playlist', 'album', 'sound', 'audio', 'video', 'player', 'volume', 'shuffle', 'repeat', 'podcast', 'episode', 'radio', 'notification', 'ringtone', 'chime', 'beep']);
const MEDIA_VERBS = new Set(['play', 'pause', 'resume', 'skip', 'next', 'previous', 'seek', 'shuffle', 'repeat', 'mute', 'unmute', 'transfer', 'queue', 'stop']);
/** The description says it is about playback: "Start playback on the user's Spotify device". */
const MEDIA_PROSE = /\b(?:playback|songs?|music|playlists?|albums?|podcasts?|spotify|sonos|itunes|apple music|youtube music)\b/i;
const AGENT = /\bagents?\b|\bassistant\b/;
const AGENT_SHELL = /\b(?:terminal|shell|cli|command[- ]line|git|file ops|edit files|run (?:any )?commands?|bash)\b/;
const NEW_PIPELINE = /\b(?:triggers? a new|new (?:pipeline|build|workflow run)|generates? (?:an? )?(?:appropriate )?[a-z]* ?config(?:uration)?)\b/;
const OFFENSIVE = new RegExp(String.raw`\b(?:${ATTACK_WORDS}|payloads?|attack|flood)\b`);
const PAGE_SCRIPT = /\b(?:page|element|browser|dom|tab)\b/;
const DEBUGGER = /\b(?:gdb|lldb|debugger|breakpoint|debuggee)\b/;

function hasAny(list: string[], set: ReadonlySet<string>): string | undefined {
  for (const x of list) if (set.has(x)) return x;
  return undefined;
}

/** Free text that changes what runs (a working directory or a test class name does not). */
const freeText = (f: RiskFacts) => !!(f.s.shell || f.s.code || f.s.content.length || f.urls.length || f.s.queryLang || f.runs || f.proseUrl);
/** What is called is software, not a person: "call_api", "Calls a Nodit Indexer API", "call the contract function". */
const SOFTWARE_CALLED = new Set(['api', 'apis', 'endpoint', 'function', 'method', 'tool', 'service', 'webhook', 'operation', 'rpc', 'graphql', 'procedure', 'contract', 'lambda', 'action', 'route']);
const CALLS_SOFTWARE = /\bcall(?:s|ing)?\s+(?:an?\s+|the\s+|any\s+)?(?:[\w.-]+\s+){0,4}?(?:apis?|endpoints?|functions?|methods?|tools?|services?|webhooks?|operations?|rpcs?|graphql|procedures?|contracts?|lambdas?|actions?|routes?)\b/i;
/** A call of software, or a send to a configured webhook or endpoint (`testWebhook` by id): no person is reached. */
const callsSoftware = (f: RiskFacts) => !f.s.recipients.length && (f.lemma === 'call' && (!!hasAny(f.objects, SOFTWARE_CALLED) || !!hasAny(f.a.tokens, SOFTWARE_CALLED) || CALLS_SOFTWARE.test(f.a.lead))
  || f.lemma === 'send' && !f.urls.length && !!hasAny(f.a.tokens, CONFIGURED_TARGETS));
const CONFIGURED_TARGETS = new Set(['webhook', 'endpoint', 'hook']);
const messaging = (f: RiskFacts) => (MESSAGE_VERBS.has(f.lemma) && !callsSoftware(f)) || f.s.recipients.length > 0 || f.a.domain?.id === 'voice' && !(RERUN_VERBS.has(f.lemma) && !f.freeInputs);
const agent = (f: RiskFacts) => AGENT.test(`${f.a.tokens.join(' ')} ${f.text.slice(0, 160)}`) && (f.lemma === 'run' || f.lemma === 'execute' || f.lemma === 'invoke' || f.lemma === 'call' || f.lemma === 'spawn' || f.lemma === 'start' || !f.lemma || f.a.tokens.includes('agent') || f.a.tokens.includes('code'));

export const EXECUTE_RULES: RiskRule[] = [
  {
    id: 'execute.shell', category: 'Execute', effect: 'raise', to: 'Critical',
    consequence: "A manipulated agent could run any command with the server's privileges.",
    summary: 'takes a free-text shell command',
    test: (f) => f.s.shell ? `parameter \`${f.s.shell.path}\` runs any command` : f.runs === 'shell' ? 'the description says it runs shell commands it is given' : undefined,
  },
  {
    id: 'execute.page-script', category: 'Execute', effect: 'base', to: 'High',
    consequence: 'A manipulated agent could act inside the page as the logged-in user and read what the page shows.',
    summary: 'runs JavaScript in a browser page (confined to the page, but acts as the logged-in user)',
    test: (f) => (f.s.code || f.runs === 'code' || f.lemma === 'evaluate') && f.a.domain?.id === 'browser' || (f.lemma === 'evaluate' && PAGE_SCRIPT.test(f.text.slice(0, 100))) ? 'it runs script inside a browser page, as the logged-in user' : undefined,
  },
  {
    id: 'execute.code', category: 'Execute', effect: 'raise', to: 'Critical',
    consequence: 'A manipulated agent could run arbitrary code in that environment.',
    summary: 'takes code to run',
    test: (f) => {
      if (f.a.domain?.id === 'browser' || (f.lemma === 'evaluate' && PAGE_SCRIPT.test(f.text.slice(0, 100)))) return undefined;
      return f.s.code ? `parameter \`${f.s.code.path}\` runs any code` : f.runs === 'code' ? 'the description says it runs code it is given' : undefined;
    },
  },
  {
    id: 'execute.writable-query', category: 'Execute', effect: 'raise', to: 'Critical',
    consequence: 'A manipulated agent could rewrite or drop data with a single query.',
    summary: 'takes free-text SQL or Cypher that can change or drop data',
    test: (f) => f.s.queryLang?.writable ? `${langLabel(f.s.queryLang.lang)} can change or drop data` : f.runs === 'sql' ? 'the description says it runs SQL it is given, which can change or drop data' : undefined,
  },
  {
    id: 'execute.debugger-command', category: 'Execute', effect: 'raise', to: 'Critical',
    consequence: 'A manipulated agent could run shell commands through the debugger and rewrite process memory.',
    summary: 'takes free-text debugger commands (which can run shell commands)',
    test: (f) => DEBUGGER.test(`${f.a.tokens.join(' ')} ${f.text.slice(0, 120)}`) && (f.a.tokens.includes('command') || /\bexecute (?:a |any )?(?:gdb |lldb |debugger )?command\b/.test(f.text)) ? 'it takes debugger commands, which can run shell commands and rewrite memory' : undefined,
  },
  {
    id: 'execute.workload', category: 'Execute', effect: 'raise', to: 'Critical',
    consequence: 'A manipulated agent could deploy whatever it likes, privileged containers included.',
    summary: 'deploys an arbitrary workload (a chart, an image, a compose file from anywhere)',
    test: (f) => {
      if (!DEPLOY_VERBS.has(f.lemma) && !f.a.tokens.includes('up')) return undefined;
      if (f.s.params.some((p) => WORKLOAD_PARAM.test(p.joined) && !p.values)) return 'deploys an arbitrary workload from its parameters';
      return WORKLOAD_PROSE.test(f.text) ? 'deploys whatever workload the given file or chart defines' : undefined;
    },
  },
  {
    id: 'execute.agent', category: 'Execute', effect: 'raise', to: 'High',
    consequence: 'A manipulated agent could hand another agent a task whose actions nothing here bounds.',
    summary: 'hands work to another autonomous agent',
    test: (f) => agent(f) ? 'it hands work to another autonomous agent, whose actions the definition does not bound' : undefined,
  },
  {
    id: 'execute.agent-with-shell', category: 'Execute', effect: 'raise', to: 'Critical',
    consequence: 'A manipulated agent could have another agent run commands, edit files and push code.',
    summary: 'runs an autonomous coding agent that has a shell, files and git',
    test: (f) => agent(f) && AGENT_SHELL.test(f.text) ? 'the agent it runs can use a terminal, edit files and run commands' : undefined,
  },
  {
    id: 'execute.attack', category: 'Execute', effect: 'raise', to: 'High',
    consequence: 'A manipulated agent could attack systems it does not own, in your name.',
    summary: 'sends attack payloads (injection, brute force, fuzzing) to a target',
    test: (f) => OFFENSIVE.test(`${f.a.tokens.join(' ')} ${f.text.slice(0, 200)}`) ? 'it sends attack payloads to the target it is given' : undefined,
  },
  {
    id: 'execute.new-pipeline', category: 'Execute', effect: 'raise', to: 'High',
    consequence: 'A runaway agent could start builds that run configuration nobody reviewed.',
    summary: 'starts a new build or pipeline from generated configuration, not a rerun',
    test: (f) => NEW_PIPELINE.test(f.text) ? 'it starts a new pipeline from configuration it generates' : undefined,
  },
  {
    id: 'execute.reaches-people', category: 'Execute', effect: 'base', to: 'High',
    consequence: 'A manipulated agent could reach real people in your name, repeatedly and to anyone.',
    summary: 'sends a message, an invitation or a call to people',
    test: (f) => messaging(f) ? (f.s.recipients.length ? `parameter \`${f.s.recipients[0].param.path}\` names a recipient` : 'it reaches people outside the system') : undefined,
  },
  {
    id: 'execute.media', category: 'Execute', effect: 'lower', to: 'Low',
    consequence: 'At worst a runaway agent plays, skips or stops media.',
    summary: 'controls media playback on a device',
    test: (f) => !messaging(f) && (MEDIA_VERBS.has(f.lemma) || f.a.tokens.includes('next') || f.a.tokens.includes('previous')) && (hasAny(f.objects, MEDIA) || hasAny(f.a.tokens, MEDIA) || MEDIA_PROSE.test(f.a.lead)) ? `'${f.lemma || f.a.tokens[0]}' controls media playback` : undefined,
  },
  {
    id: 'execute.scroll', category: 'Execute', effect: 'lower', to: 'Low',
    consequence: 'At worst a runaway agent moves the view of a page.',
    summary: 'scrolls or hovers in an open page',
    test: (f) => SCROLLS.has(f.lemma) || f.a.tokens.includes('wheel') ? `'${f.lemma || 'scroll'}' only moves the view of an open page` : undefined,
  },
  {
    id: 'execute.interface', category: 'Execute', effect: 'lower', to: 'Medium',
    consequence: 'A runaway agent could click or type through an open session, submitting what the session allows.',
    summary: 'an interface action on an open session (click, type, navigate, a dialog)',
    test: (f) => !messaging(f) && !f.s.code && !f.s.shell && (UI_VERBS.has(f.lemma) || UI_GENERAL.has(f.lemma) && (hasAny(f.a.tokens, UI_OBJECTS) || f.a.domain?.id === 'browser' || f.a.domain?.id === 'device')) ? `'${f.lemma}' is an interface action on an open session` : undefined,
  },
  {
    id: 'execute.rerun', category: 'Execute', effect: 'lower', to: 'Medium',
    consequence: 'A runaway agent could repeat or interrupt the operation as it is configured.',
    summary: 'runs, stops or reruns an existing operation as configured, with no free-text input',
    test: (f) => !messaging(f) && RERUN_VERBS.has(f.lemma) && !freeText(f) && !agent(f) ? 'runs or stops an existing operation as configured, with no free-text input' : undefined,
  },
  {
    id: 'execute.debugger-step', category: 'Execute', effect: 'lower', to: 'Medium',
    consequence: 'A runaway agent could step or resume the program being debugged, running its code as it stands.',
    summary: 'steps or resumes the program under a debugger, with no command text',
    test: (f) => f.a.domain?.id === 'debugger' && !freeText(f) && !f.a.tokens.includes('command') ? 'it steps or resumes the program under the debugger, with no command text' : undefined,
  },
  {
    id: 'execute.dry-run', category: 'Execute', effect: 'lower', to: 'Medium',
    consequence: 'By default it only reports what it would do; a runaway agent must turn the dry run off to change anything.',
    summary: 'defaults to a dry run',
    test: (f) => f.s.dryRunDefault ? `parameter \`${f.s.dryRunDefault.path}\` defaults to a dry run` : undefined,
  },
];

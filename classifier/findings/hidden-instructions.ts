// Hidden instructions (kind tool_poisoning): text that gives the model orders instead of describing
// the tool: override its instructions, claim a role, keep things from the user, run commands, take
// extra steps under a pretext, say what the author wants said, or change the user's values.
import { PRETEXT, TO_MODEL } from './lexicon.ts';
import { eachSentence, hitAt, where, type FindingDoc, type FindingRule, type RuleHit, type Sentence } from './rule.ts';

/** The first match of `re` in any sentence, unless `skip` says the sentence is benign. */
function firstMatch(doc: FindingDoc, re: RegExp, message: (m: RegExpExecArray, s: Sentence) => string | undefined): RuleHit | undefined {
  return eachSentence(doc, (s) => {
    const m = re.exec(s.text);
    if (!m) return undefined;
    const text = message(m, s);
    return text ? hitAt(s, m, text) : undefined;
  });
}

/** Whether sentence `i` or a neighbour in the same field holds a pretext (compliance, security, "mandatory"). */
function pretextNear(doc: FindingDoc, i: number): boolean {
  const s = doc.allSentences;
  for (let k = Math.max(0, i - 1); k <= Math.min(s.length - 1, i + 1); k++) {
    if (s[k].seg === s[i].seg && PRETEXT.test(s[k].text)) return true;
  }
  return false;
}

const COMPLIANCE = /\b(?:security|compliance|complian\w*|regulat\w*|audit\w*|verification|verify|validation|integrity|authenticat\w*)\b/i;
const IDENTIFIER = /[\x60'"]?([A-Za-z][\w.-]{2,60})[\x60'"]?/g;

/** The step is a call of one of this server's own tools (a workflow prerequisite). */
function siblingCall(doc: FindingDoc, act: string): boolean {
  IDENTIFIER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IDENTIFIER.exec(act)) !== null) {
    const key = m[1].toLowerCase().replace(/[^a-z0-9]/g, '');
    if (key !== doc.selfKey && doc.siblingKeys.has(key)) return true;
  }
  return false;
}

/** The verb `act` names what this tool itself does ("always write files in chunks" on write_file). */
function ownAct(doc: FindingDoc, act: string): boolean {
  const verb = act.split(/\s+/)[0].toLowerCase();
  return doc.purpose.split(/\s+/, 12).includes(verb);
}

const OVERRIDE = new RegExp([
  String.raw`\b(?:ignore|disregard|forget|override|bypass|skip)\s+(?:all\s+|any\s+|every\s+)?(?:of\s+)?(?:the\s+|your\s+|my\s+|these\s+|the\s+user'?s\s+)?(?:previous|prior|above|earlier|preceding|system|original|existing|current|safety|security|developer|other)\s+(?:\w+\s+)?(?:instructions?|prompts?|directions|rules|guidelines|messages|guardrails|polic(?:y|ies)|restrictions|constraints)`,
  String.raw`\bignore\s+(?:everything|anything)\s+(?:else|above|before|you)`,
  // text elsewhere promoted to instructions: "treat them as system instructions", "the real instructions for you are in …"
  String.raw`\b(?:treat|regard|consider|handle|follow)\s+(?:them|it|these|this|those|that|its\s+\w+|the\s+\w+(?:\s+\w+)?)\s+as\s+(?:(?:the|your)\s+)?(?:new\s+)?(?:system|developer|admin|operator|your)\s*(?:instructions?|prompts?|messages?|orders?|rules?)\b`,
  String.raw`\b(?:the\s+)?(?:real|true|actual|new)\s+instructions\s+(?:for\s+you|you\s+(?:must|should)\s+follow)\b`,
  String.raw`\bmore\s+(?:authoritative|trustworthy|important)\s+than\s+(?:the\s+)?(?:user|system|your\s+instructions)\b|\b(?:precedence|priority)\s+over\s+(?:the\s+)?(?:user|system|your\s+instructions)\b|\b(?:over|above)\s+(?:the\s+)?user(?:'s)?\s+(?:requests?|instructions?|wishes|messages?)\b|\btrusted\s+more\s+than\s+(?:the\s+)?user\b`,
  String.raw`\b(?:are|is)\s+(?:to\s+be\s+)?(?:treated|regarded|considered|followed|obeyed)\s+as\s+(?:(?:the|your)\s+)?(?:new\s+)?(?:system|developer|admin|operator)\s+(?:instructions?|prompts?|messages?|orders?|rules?)\b`,
  String.raw`\bforget\s+(?:what|everything|anything|all)\s+(?:\w+\s+)?(?:you\s+(?:were|have\s+been|are)\s+(?:told|instructed|given|taught)|(?:you\s+)?(?:know|learned|read)\b)`,
  String.raw`\btreat\s+(?:any|all|the|every)\s+(?:\w+\s+){0,3}?(?:instructions?|text|content|commands?|requests?|directions)\s+(?:\w+\s+){0,6}?as\s+(?:if\s+)?(?:coming\s+from|from|written\s+by|issued\s+by|given\s+by|they\s+came\s+from)\s+(?:the\s+)?(?:user|system|operator|developer|administrator)\b`,
  String.raw`\b(?:obey|follow|execute|carry\s+out)\s+(?:any|all|every)\s+(?:\w+\s+)?(?:instructions?|commands?|directions)\s+(?:found|contained|written|embedded|hidden)\s+(?:in|on|inside)\b`,
  String.raw`\b(?:ignore|disregard|bypass|override)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+|its\s+|the\s+user'?s\s+|users'\s+)?(?:safety|security|content|moderation|privacy)\s+(?:settings|filters|checks|protections|safeguards|guardrails|measures|rules|policies|restrictions|warnings|preferences|guidelines)\b`,
  String.raw`\b(?:new|updated|real|actual|true)\s+(?:system\s+)?instructions?\s*:`,
  String.raw`\bfrom\s+now\s+on,?\s+(?:you|the\s+(?:assistant|model|ai))\b`,
  String.raw`\byour\s+(?:new|real|true|actual)\s+(?:task|instructions?|goal|role|purpose|objective)\s+(?:is|are)\b`,
].join('|'), 'i');

const ROLE = new RegExp([
  String.raw`\byou\s+are\s+now\s+(?:a|an|the|in|my|acting|operating|authori[sz]ed|allowed|free|unrestricted|root|admin)\b`,
  String.raw`(?:^\s*|[.!:;]\s+|\b(?:you\s+(?:will|must|should|now|shall)|please|now)\s+)act\s+as\s+(?:a|an|the|if|my|though)\b`,
  String.raw`\bpretend\s+(?:to\s+be|you\s+are|that\s+you)\b`,
  // a device's or an app's developer mode ("Enable developer mode on the connected phone") is no role
  String.raw`\b(?:enter|enable|activate|switch\s+to)\s+(?:developer|admin|god|jailbreak|unrestricted|dan)\s+mode\b(?!\s+(?:on|for|of|in)\s+(?:the|a|an|your|this|that|my|its)\s+(?!(?:assistant|model|ai|agent|llm|conversation|chat)\b)\w)|\b(?:developer|admin|god|jailbreak)\s+mode\s+(?:is\s+)?(?:now\s+)?(?:enabled|activated|on(?=\s*(?:[.!:;,]|$)))`,
  String.raw`\byou\s+(?:have\s+been|are|were)\s+(?:granted|given|assigned)\s+(?:\w+\s+){0,2}?(?:admin|administrator|root|elevated|full|unrestricted|superuser)\b`,
  String.raw`\bescalate\s+(?:your\s+|its\s+)?privileges?\b|\bsudo\s+-[a-z]*l\b`,
  String.raw`\b(?:you\s+are|you're|(?:the\s+)?(?:assistant|model|ai|agent)\s+is)\s+(?:now\s+)?(?:in|running\s+in|operating\s+in)\s+(?:\w+\s+)?(?:maintenance|developer|admin|debug|god|unrestricted|jailbreak|privileged|override)\s+mode\b`,
  String.raw`\b(?:the\s+)?(?:assistant|model|ai|agent)\s+is\s+now\s+(?:a|an|the|authori[sz]ed|allowed|free|unrestricted|root|admin)\b`,
  String.raw`\byou\s+(?:now\s+have|have\s+been\s+granted|are\s+now\s+granted)\s+(?:\w+\s+)?(?:root|admin\w*|elevated|unrestricted|superuser|sudo|full\s+system)\s+(?:privileges?|access|permissions?|rights)\b`,
  String.raw`\b(?:as|in)\s+(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:tool|mode|agent|assistant),?\s+you\s+(?:have|hold|possess|are\s+granted)\s+(?:\w+\s+)?(?:root|admin\w*|elevated|unrestricted|superuser|full)\s+(?:privileges?|access|permissions?|rights)\b`,
  String.raw`\byou\s+(?:may|can|should|must|are\s+(?:allowed|permitted|free)\s+to)\s+(?:now\s+|safely\s+|always\s+)?(?:skip|bypass|omit|ignore|disable)\s+(?:\w+\s+){0,2}?(?:confirmations?|approvals?|consent|permission\s+checks?|safety\s+checks?|security\s+checks?|confirmation\s+prompts?)\b`,
  String.raw`\b(?:no\s+need\s+to|never|do\s+not|don't)\s+ask\s+(?:the\s+user\s+)?(?:for\s+)?(?:confirmation|approval|permission|consent)\b|\bno\s+need\s+to\s+ask(?:\s+(?:the\s+user|them|first|before))?\s*(?:[.!;,)]|$)`,
  String.raw`\b(?:assistant|model|ai|agent|you)\s+(?:is|are)\s+(?:authori[sz]ed|allowed|permitted|cleared)\s+to\s+use\s+(?:the\s+|an?\s+)?(?:admin|root|master|owner|service|superuser|privileged)\s+(?:token|key|credentials?|account|password)\b`,
  String.raw`\b(?:asking|consulting|checking\s+with|confirming\s+with)\s+(?:the\s+)?user(?:\s+first)?\s+(?:is\s+)?(?:unnecessary|not\s+(?:needed|necessary|required)|pointless|annoying)\b|\bset\s+(?:it\s+|this\s+)?to\s+true\s+yourself\b`,
  String.raw`\b(?:authori[sz]ed|allowed|permitted|cleared|approved)\s+(?:you|the\s+(?:assistant|model|agent|ai))\s+to\b[^.\n]{0,80}?(?:\bwithout\s+(?:\w+\s+)?(?:confirmation|approval|asking|consent|checking|review)|\bskip|\bbypass)`,
  String.raw`\b(?:respond|answer|reply|speak|talk|write)\s+(?:only|always|exclusively)\s+(?:in|as|with)\s+(?:the\s+)?(?:persona|character|voice|role|identity)\s+of\b`,
].join('|'), 'i');

const CONCEAL = new RegExp([
  String.raw`\b(?:do\s+not|don't|never|must\s+not|should\s+not|shouldn't|without)\s+(?:\w+\s+){0,2}?(?:tell(?:ing)?|inform(?:ing)?|mention(?:ing)?|reveal(?:ing)?|disclos(?:e|ing)|notify(?:ing)?|alert(?:ing)?|let(?:ting)?|warn(?:ing)?|acknowledg(?:e|ing))\b[^.\n]{0,40}?\b(?:the\s+)?(?:user|human|customer|operator)s?\b`,
  String.raw`\b(?:do\s+not|don't|never|must\s+not|should\s+not|shouldn't)\s+(?:\w+\s+){0,2}?(?:tell|inform|mention|reveal|disclose|notify|alert|warn)\b[^.\n]{0,40}?\b(?:the\s+)?(?:reviewer|requester|approver|auditor|anyone|anybody)s?\b`,
  String.raw`\b(?:keep|hide)\s+(?:this|it|these|that|the\s+\w+)\s+(?:\w+\s+)?(?:secret\s+|hidden\s+|confidential\s+)?from\s+(?:the\s+)?(?:user|human)`,
  String.raw`\bthe\s+user\s+(?:must|should|need)\s*(?:not|n't|never)\s+(?:\w+\s+)?(?:know|see|find\s+out|be\s+(?:told|informed|aware|notified))`,
  String.raw`\b(?:do\s+not|don't|never)\s+(?:\w+\s+)?(?:mention|reveal|disclose|acknowledge|discuss|explain|say)\s+(?:this|these|that|the|any)\s+(?:\w+\s+)?(?:instructions?|steps?|changes?|notes?|requirements?|rules?|redirect\w*|modifications?|checks?|actions?|details?|alias\w*|file)\b`,
  String.raw`\b(?:do\s+not|don't|never)\s+(?:mention|reveal|disclose|say|tell)\s+(?:that|how|why)\s+you\b`,
  String.raw`\b(?:silently|quietly|secretly|covertly|discreetly)\s+(?:also\s+)?(?:change|modify|replace|send|forward|add|include|redirect|call|run|execute|copy|upload|override|rewrite|append|bcc|cc|commit|push|delete|remove|post|share|email|transfer|install|save|store|log|record|looked|look|read|collect)\b`,
  String.raw`\bwithout\s+(?:the\s+)?user(?:'s)?\s+(?:knowledge|knowing|awareness|noticing)\b`,
  String.raw`\bwithout\s+(?:ever\s+)?(?:mentioning|telling|saying|disclosing|revealing|announcing)\s+(?:it|this|that|so|anything|them)\b`,
].join('|'), 'i');

const BLOCK = /<!--[^>]{0,400}?\b(?:model|assistant|ai|agent|llm)s?\b[\s\S]{0,2000}?-->|<\s*(important|system|instructions?|hidden|secret|admin|override|sys)\b[^>]{0,40}>[\s\S]{1,4000}?<\/\s*\1\s*>|<\s*important\s*>|<\|(?:im_start|im_end|system|endoftext)\|>|\[\/?INST\]|<<\/?SYS>>|\b(?:note|instructions?|reminder|p\.?\s?s\.?|memo|aside)\s+(?:to|for)\s+(?:the\s+|all\s+)?(?:ai|assistant|model|llm|agent)s?\b|\[\/\/\]:\s*#\s*\([^)]{0,400}?\b(?:model|assistant|ai|agent|llm)s?\b|\bmessage\s+(?:to|for)\s+(?:the\s+|all\s+)?(?:ai|assistant|model|llm|agent)s?\s*[:\-–—]|\[(?:SYSTEM|ADMIN|OVERRIDE)\]|\b(?:assistant|model|agent|llm)\s+(?:policy|rules?|guidelines?|protocol|directives?)(?:\s+v?\d+(?:\.\d+)*)?\s*:|^#{1,3}\s*system\b/im;

/** A fake notice header in capitals: "SYSTEM UPDATE:", "SECURITY ALERT:", "INTERNAL DEV NOTE:". */
const AUTHORITY = /\b(?:(?:CRITICAL|URGENT|IMPORTANT|MANDATORY|OFFICIAL)\s+)?(?:SYSTEM|SECURITY|ADMIN(?:ISTRATOR)?|COMPLIANCE|INTERNAL(?:\s+DEV(?:ELOPER)?)?|DEV(?:ELOPER)?|AUDIT|MAINTENANCE|ENVIRONMENT|PRIVILEGE|PERFORMANCE|RESEARCH(?:\s+PROTOCOL)?|OPERATOR|ROOT|KERNEL|POLICY|PLATFORM|VENDOR|LEGAL)[ _](?:UPDATE|NOTE|NOTICE|MESSAGE|ALERT|PROTOCOL|DIRECTIVE|INSTRUCTIONS?|MAINTENANCE|OPTIMI[SZ]ATION|ENHANCEMENT|REQUIREMENT|VALIDATION|VERIFICATION|CHECK|OVERRIDE|ANNOUNCEMENT|POLICY|COMMAND|ORDER|MODE|PROMPT|REMINDER|ESCALATION(?:\s+CHECK)?)S?\b(?:\s+(?:FROM|BY)\s+(?:THE\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})?\s*[:!\-–—]/;

/** A clause that opens with a bare order, as a notice's body does ("…: refuse to call them; only use X"). */
const OPENS_ORDER = /^\W*(?:refuse|never|always|only\s+use|do\s+not|don't|ignore|disregard|stop\s+using|avoid|call|invoke|route|forward|redirect|switch\s+to)\b/i;
const opensOrder = (text: string) => text.split(/[:;]\s*|,\s+(?:so|and)\s+/).some((clause) => OPENS_ORDER.test(clause));

/** An order to run something, in the sentence. */
const RUN_ORDER = /\b(?:include|paste|attach|append|send|add)\s+(?:the\s+)?outputs?\s+of\b|\b(?:execute|run)\s+(?:the\s+)?(?:following|this|these)\b|\bplease\s+(?:first\s+)?(?:run|execute)\b|\b(?:must|should|need\s+to|have\s+to|always|required\s+to)\s+(?:first\s+|also\s+|then\s+)?(?:execute|run)\b|\b(?:run|execute)\s*:|\b(?:also|then|first|now|afterwards)\s+(?:run|execute)\b|(?:^|[.!?;]\s+)(?:run|execute)\s+[\x60'"]/i;
/** Shell command syntax that no description needs to hand the model. */
const COMMAND = /\bsudo\s+\S|\brm\s+-[a-z]*[rf]|\bcurl\s+(?:-\S+\s+)*(?:https?:|['"]?\$|\S+\.\S+)|\bwget\s+\S|\bchmod\s+[0-7+ugoa]|\bchown\s+\S|\bnc\s+-\w|\bnetcat\b|\b(?:ba|z)?sh\s+-c\b|\bpowershell\b|\bwhoami\b|\bcat\s+[~\/$.]\S*|\becho\s+\$\w|\bexport\s+[A-Z_]{2,}=|\bbase64\s+(?:-d|--decode)|\|\s*(?:ba|z)?sh\b|\/dev\/tcp\/|\bcrontab\s+-|\bprintenv\b|\bmkfifo\b/i;

/** Something the model is told to do besides the tool's job: call, visit, send, read, write, run. */
const SIDE_ACT = /^(?:call|invoke|run|trigger|execute|access|visit|contact|ping|open|fetch|navigate\s+to|send|post|upload|forward|read|write|add|append|update|modify|edit|delete|remove|clean\s*up|wipe|erase|overwrite|capture|log|record)\b|^(?:perform|conduct|carry\s+out|do)\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+){0,3}?(?:check|audit|analysis|scan|verification|validation|lookup|request|call)\b|^(?:use|call)\s+(?:the\s+)?(?!this\b|that\b|it\b)(?:[\x60'"]|\w+_\w|\w+\s+tool)|^take\s+(?:a\s+)?screenshot|^make\s+(?:a\s+)?(?:network\s+|http\s+|web\s+|api\s+)?request/i;
const SIDE_ORDER = /(?<!\b(?:users?|customers?|humans?|people|admins?|administrators?|operators?|developers?)\s)\b(?:must|should|need\s+to|have\s+to|required\s+to|please|make\s+sure\s+to|be\s+sure\s+to|always)\s+(?:first\s+|also\s+|then\s+|additionally\s+|immediately\s+|afterwards\s+)?(?:(?:\w+ly|also|first|then)\s+)?(?=(?:call|invoke|use|run|trigger|execute|access|visit|contact|ping|open|fetch|navigate|send|post|upload|forward|read|write|add|append|update|modify|edit|delete|remove|clean|wipe|erase|overwrite|capture|take|log|record|make|perform|conduct|carry|do)\b)/i;

/** The model is told what to say: a fixed message, an announcement, what to present something as. */
const SAY = /\b(?:state|say|announce|declare|claim|(?:tell|inform|remind|warn|advise|notify|assure|reassure|convince|urge|encourage)\s+(?:the\s+)?users?|report\s+to\s+(?:the\s+)?users?|display\s+(?:the\s+|this\s+|a\s+)?(?:following\s+)?(?:message|text|notice|warning|alert|banner)|show\s+(?:the\s+|this\s+)?(?:following\s+)?(?:message|notice|warning|banner)|present\s+(?:it|this|that|them|its\s+\w+|the\s+\w+)\s+as|include\s+(?:the\s+following|this|a)\s+(?:message|text|statement|line|disclaimer|notice|link|announcement|recommendation)|(?:start|begin|end|prefix|conclude|finish)\s+(?:your|the|each|every)\s+(?:response|answer|reply|message|output)\s+with|(?:recommend|suggest|promote)\s+(?:\w+\s+){0,3}?to\s+the\s+users?|promotional\s+message|(?:every|each|all)\s+(?:answers?|repl(?:y|ies)|responses?|messages?)\s+(?:must|should|shall|has\s+to|have\s+to|needs?\s+to)\s+(?:be\s+signed|end|start|begin|close|include|contain|mention|carry))\b/i;
const QUOTED = /^[\s:,]*(?:that\s+)?['"“‘`]/;
/** What the user is to be told is an advert: a sale, a discount, an upgrade, a place to buy. */
const PITCH = /\bon\s+sale\b|\bdiscount|\bcoupon|\bpromo(?:tion(?:al)?)?\s*code|\bbuy\b|\bsubscribe\b|\bupgrade\s+to\b|\bsign\s+up\b|\bsponsor/i;
/** A forced message that only reports on the tool's own output (truncation, partial results) is ordinary. */
const OWN_OUTPUT = /\btruncat|\bpartial\s+results|\bincomplete\s+(?:results|output|logs)|\bmore\s+results\b/i;

const TAMPER = new RegExp([
  String.raw`\bregardless\s+of\s+(?:the\s+|what\s+the\s+|any\s+)?(?:user|caller|input|request)`,
  String.raw`\b(?:ignore|override|disregard)\s+(?:any\s+|the\s+|all\s+)?(?:user|caller)[-\s]?(?:specified|provided|supplied|given|requested|'s)\b`,
  String.raw`\binstead\s+of\s+(?:what|the\s+\w+)\s+the\s+user\s+(?:asked|requested|specified|provided|gave|wants|entered)|\beven\s+if\s+the\s+user\s+(?:asks?|requests?|specifies|says|provides)`,
  String.raw`\b(?:is|are|will\s+be|gets?)\s+(?:(?:automatically|silently|always|transparently|quietly|secretly)\s+){1,2}(?:modified|changed|replaced|rewritten|redirected|rerouted|switched|altered|enhanced|expanded|overridden)\s+(?:to|with|into|by)\b`,
  String.raw`\bno\s+matter\s+(?:what|which|how)\b[^.\n]{0,40}?\buser\b`,
  String.raw`\b(?:must|should)\s+(?:always\s+)?be\s+(?:overridden|replaced|changed|rewritten|set)\s+(?:to|with)\s+['"“‘\x60]`,
  String.raw`\b(?:always|silently)\s+(?:change|modify|replace|rewrite|alter|swap|substitute|switch)\s+(?:the\s+|its\s+|any\s+|all\s+)?(?:[\x60'"]?[\w.-]+[\x60'"]?\s+){0,3}?(?:to|with|into)\b`,
  String.raw`\b(?:change|modify|replace|rewrite|alter|swap|substitute|switch)\s+(?:the\s+|its\s+|any\s+|all\s+)?(?:[\x60'"]?[\w.-]+[\x60'"]?\s+){0,3}?(?:to|with|into)\s+['"“‘\x60]`,
].join('|'), 'i');

const PERSIST = /(?:\.(?:bashrc|zshrc|bash_profile|zprofile|profile|bash_login)\b|authorized_keys|\bcrontab\b|\.git\/hooks|LaunchAgents|\bautostart\b|\bstartup\s+(?:script|folder|items?)\b)/i;
const PERSIST_ACT = /\b(?:add|append|write|insert|modify|update|edit|put|install|echo|create|place)\b|>>/i;

const THREAT = /\botherwise\s+(?:the\s+)?(?:tool|it|this|system|request|server|app|application)\s+(?:will|would|may)\s+(?:not\s+work|crash|break|be\s+blocked)|\b(?:the\s+)?(?:system|application|app|server)\s+will\s+crash\b|\ball\s+(?:the\s+|your\s+)?data\s+will\s+be\s+lost\b|\byour\s+request\s+will\s+be\s+(?:blocked|rejected|denied)\b|\byou\s+will\s+be\s+(?:penali[sz]ed|shut\s+down|terminated|replaced)\b/i;

export const HIDDEN_RULES: FindingRule[] = [
  {
    id: 'hidden.override-instructions', kind: 'tool_poisoning', severity: 'critical', families: ['override'],
    matches: 'Text telling the model to ignore, forget or override its previous or system instructions, or announcing new ones.',
    detect: (doc) => firstMatch(doc, OVERRIDE, (_m, s) => `The definition tells the model to set aside its instructions and follow the tool's instead${where(s.seg)}.`),
  },
  {
    id: 'hidden.role-claim', kind: 'tool_poisoning', severity: 'high', families: ['override', 'command'],
    matches: 'Role and privilege claims: "you are now", "act as", developer or admin mode, granted root, privilege escalation.',
    detect: (doc) => firstMatch(doc, ROLE, (_m, s) => `The definition tries to give the model a new role or elevated privileges${where(s.seg)}.`),
  },
  {
    id: 'hidden.conceal-from-user', kind: 'tool_poisoning', severity: 'high', families: ['conceal', 'tamper'],
    matches: 'Orders to keep something from the user: do not tell or mention, without informing, silently change.',
    detect: (doc) => firstMatch(doc, CONCEAL, (_m, s) => `The definition tells the model to keep what it does from the user${where(s.seg)}.`),
  },
  {
    id: 'hidden.run-command', kind: 'tool_poisoning', severity: 'critical', families: ['command'],
    matches: 'An order to the model to run a shell command written out in the definition (rm -rf, curl, cat of a file, sudo, echo $VAR).',
    detect: (doc) => eachSentence(doc, (s) => {
      const cmd = COMMAND.exec(s.text);
      if (!cmd || !(RUN_ORDER.test(s.text) || TO_MODEL.test(s.text))) return undefined;
      return hitAt(s, cmd, `The definition tells the model to run the shell command \`${cmd[0].trim()}\`${where(s.seg)}.`);
    }),
  },
  {
    id: 'hidden.persistence', kind: 'tool_poisoning', severity: 'critical', families: ['sensitive', 'command'],
    matches: 'An order to change shell start-up files, SSH authorized_keys, crontab or git hooks.',
    detect: (doc) => eachSentence(doc, (s) => {
      const m = PERSIST.exec(s.text);
      if (!m || !PERSIST_ACT.test(s.text) || !(TO_MODEL.test(s.text) || SIDE_ORDER.test(s.text))) return undefined;
      return hitAt(s, m, `The definition tells the model to change ${m[0]} on the user's machine, which persists beyond this session${where(s.seg)}.`);
    }),
  },
  {
    id: 'hidden.side-task', kind: 'tool_poisoning', severity: 'high', families: ['directive'], requires: ['pretext'],
    matches: 'An order to take an extra step (call another tool, visit an address, read, write or delete something) justified by compliance, security or a "mandatory" requirement.',
    detect: (doc) => {
      for (const s of doc.sentences) {
        const m = SIDE_ORDER.exec(s.text);
        if (!m) continue;
        const act = s.text.slice(m.index + m[0].length, m.index + m[0].length + 40);
        if (!SIDE_ACT.test(act) || ownAct(doc, act) || !pretextNear(doc, s.index)) continue;
        if (siblingCall(doc, act) && !COMPLIANCE.test(s.text)) continue;
        const end = Math.min(s.text.length, m.index + m[0].length + 60);
        return hitAt(s, { index: m.index, 0: s.text.slice(m.index, end) }, `The definition orders the model to take an extra step the user did not ask for, under a compliance or security pretext${where(s.seg)}.`);
      }
      return undefined;
    },
  },
  {
    id: 'hidden.forced-message', kind: 'tool_poisoning', severity: 'high', families: ['say'], requires: ['directive'],
    matches: 'An order to say, announce or present a given message or claim to the user.',
    detect: (doc) => eachSentence(doc, (s) => {
      const m = SAY.exec(s.text);
      if (!m) return undefined;
      const rest = s.text.slice(m.index + m[0].length);
      const ordered = TO_MODEL.test(s.text) || /\bmust\b|\bmandatory\b/i.test(s.text);
      if (!ordered) return undefined;
      if (!QUOTED.test(rest) && !/promotional/i.test(m[0]) && !PITCH.test(rest)) return undefined;
      const own = OWN_OUTPUT.test(rest);
      return hitAt(s, m, `The definition tells the model what to tell the user, words the user did not ask for${where(s.seg)}.`, own ? 'low' : undefined);
    }),
  },
  {
    id: 'hidden.tamper-arguments', kind: 'tool_poisoning', severity: 'high', families: ['tamper'],
    matches: 'An order to change the values the user gave (always change X to Y, regardless of the user\'s input, ignore user-specified limits).',
    detect: (doc) => firstMatch(doc, TAMPER, (_m, s) => `The definition tells the model to replace what the user asked for with values the author chose${where(s.seg)}.`),
  },
  {
    id: 'hidden.instruction-block', kind: 'tool_poisoning', severity: 'medium', families: ['block'], quick: BLOCK,
    matches: 'An instruction block or chat-template marker addressed to the model (<IMPORTANT>, <system>, [INST], "note to the AI").',
    detect: (doc) => {
      for (const seg of doc.segments) {
        const m = BLOCK.exec(seg.text);
        if (m) return { seg, at: m.index, length: Math.min(m[0].length, 80), message: `The definition carries a block of text addressed to the model rather than to people${where(seg)}.` };
      }
      return undefined;
    },
  },
  {
    id: 'hidden.fake-notice', kind: 'tool_poisoning', severity: 'medium', families: ['directive', 'shadow', 'call'], requires: ['pretext'], quick: AUTHORITY,
    matches: 'A fake system, security or compliance notice in capitals ("SYSTEM UPDATE:", "SECURITY ALERT:", "INTERNAL DEV NOTE:").',
    detect: (doc) => {
      // the notice itself need not hold an order word: look at every sentence of a definition that gives orders
      const all = doc.allSentences;
      for (const s of all) {
        const m = AUTHORITY.exec(s.text);
        if (!m) continue;
        // an order under the notice: in its sentence or the next two of the same field
        const ordered = all.slice(s.index, s.index + 3).some((n) => n.seg === s.seg && (TO_MODEL.test(n.text) || SIDE_ORDER.test(n.text) || opensOrder(n.text)));
        const label = m[0].replace(/[\s:!\-–—]+$/, '');
        return hitAt(s, m, `The definition poses as a notice from the system ("${label}")${ordered ? ' to give the model orders' : ''}${where(s.seg)}.`, ordered ? 'high' : 'low');
      }
      return undefined;
    },
  },
  {
    id: 'hidden.threat', kind: 'tool_poisoning', severity: 'low', families: ['threat'], quick: THREAT,
    matches: 'A threat meant to make the model comply: the system will crash, all data will be lost, the request will be blocked.',
    detect: (doc) => firstMatch(doc, THREAT, (_m, s) => `The definition threatens failure to make the model comply${where(s.seg)}.`),
  },
];

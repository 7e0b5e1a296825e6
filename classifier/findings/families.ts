// Anchor words by rule family, for the pre-check automaton. A rule runs only when one of its
// families' anchors occurs; the anchors of a family must be a superset of what its rules match.
// A leading space is a word boundary.
import { CONTROL_SEEN, KeywordAutomaton, NEWLINES_SEEN, NON_ASCII_SEEN } from './keywords.ts';

export const FAMILY = {
  /** An order addressed to the model. */
  directive: 1,
  /** Overriding instructions, role claims, privilege. */
  override: 2,
  /** Keeping something from the user. */
  conceal: 4,
  /** Instruction blocks and chat-template markers, notes addressed to the model. */
  block: 8,
  /** Shell command syntax. */
  command: 16,
  /** Secrets, dotfiles, environment, the conversation. */
  sensitive: 32,
  /** References to other tools and servers, deprecation, rerouting. */
  shadow: 64,
  /** Superlatives and endorsements. */
  promo: 128,
  /** Changing the user's values. */
  tamper: 256,
  /** Covert collection words. */
  covert: 512,
  /** Outside addresses: URLs, e-mail addresses, phone numbers. */
  address: 1024,
  /** A long run of white space (or of other characters the automaton does not tell apart). */
  padding: 2048,
  /** Prefixes of credential shapes, and URLs (which may carry a password). */
  secret: 4096,
  /** Threats meant to force compliance: otherwise it will crash, data will be lost. */
  threat: 8192,
  /** Pretexts: compliance, security, audit, "mandatory", "it is critical". */
  pretext: 16384,
  /** Tools declared out of service, and rerouting. */
  retired: 32768,
  /** "Instead of", "rather than", "replaces", "do not use". */
  instead: 65536,
  /** Telling the user something: state, announce, tell the user, present it as, start your response with. */
  say: 131072,
  /** Calling a tool: call, invoke, trigger, use the X tool. */
  call: 262144,
  /** What a tool might covertly take: keys, credentials, fingerprints, system files, keystrokes, the environment. */
  collected: 524288,
  /** Encoded text: decode, base64, rot13, padded blobs. */
  encoded: 1048576,
  /** Eight line breaks in a row (the scan counts them; no anchors). */
  newlines: NEWLINES_SEEN,
  /** A character outside ASCII (set by the scan itself, no anchors). */
  nonAscii: NON_ASCII_SEEN,
  /** A control character other than tab and line breaks (set by the scan itself). */
  control: CONTROL_SEEN,
} as const;
export type Family = keyof typeof FAMILY;

const ANCHORS: Record<Family, string[]> = {
  directive: [' you must', ' you should', ' you shall', ' you need to', ' you have to', ' you are required', ' you are expected', ' you are instructed',
    ' you are supposed', ' you are asked', ' you will need', ' you will have', 'authorized you', 'authorised you', ' is authorized to', ' is allowed to', ' no need to ask', ' to the assistant', ' for the assistant', ' to the ai', ' to the model', 'p.s.', '[//]:', ' permitted you', ' allowed you', ' assistant ', ' assistant:', ' assistant,', ' model:', ' ai:',
    ' after every', ' after each', ' every time you', ' each time you', ' whenever you', ' model must', ' model should', ' model needs',
    ' agent must', ' agent should', ' ai must', ' ai should', ' llm must', ' llm should', ' always ', ' never ', ' make sure', ' be sure', ' ensure you',
    ' ensure that you', ' please ', ' must first', ' must also', ' should also', ' should first', ' should then', ' must then', ' must additionally', ' must immediately', ' must now', ' must always',
    ' mandatory', ' compulsory', ' required for all', ' required for every', ' required for any', ' required before', ' before using', ' before calling',
    ' before invoking', ' before running', ' before processing', ' before answering', ' before responding', ' before you', ' after using', ' after calling',
    ' after you', ' prior to using', ' prior to calling', ' whenever ', ' when using', ' when calling', ' when invoking', ' must be called',
    ' must be delivered', ' must be taken', ' must be included', ' must be sent', ' must be displayed', ' must be run', ' must be executed',
    ' must ', ' should ', ' need to', ' needs to', ' have to', ' has to', ' required to',
    ' assistant:', ' assistant,', ' assistants', ' claude', ' chatgpt', ' copilot', ' llm:', ' llm,', ' llms', ' before repl', ' before answer', ' before respond',
    ' prior to repl', ' prior to answer', ' prior to respond', ' after repl', ' after answer', ' after respond',
    ' hey ', ' hi ', ' hello ', ' dear ', ' attention', ' attn', ' psst', '<!--', ' wants you', ' want you', ' needs you', ' would like you', ' expects you',
    ' asked for you', ' user asks', ' user requests', ' user mentions', ' user says', ' user wants', ' user types', ' user opens', ' user starts',
    ' users ask', ' respond only', ' respond always', ' respond in', ' respond with', ' reply only', ' reply always', ' reply in', ' reply with',
    ' tell the user', ' inform the user', ' remind the user', ' assure the user', ' convince the user', ' when sending', ' when emailing',
    ' when you send', ' with any tool', ' by any tool', ' recipient'],
  override: [' authoritative', ' precedence', ' over user', ' over the user', ' than the user', ' no need to ask', ' is authorized to', ' real instructions', ' true instructions', ' actual instructions', ' system instructions', ' as system', ' unnecessary',
    ' yourself', ' asking the user', ' ignore', ' disregard', ' forget ', ' bypass', ' override', ' overriding', ' pretend', ' you are now', ' act as', ' privilege', ' escalat',
    ' sudo ', ' jailbreak', ' developer mode', ' admin mode', ' god mode', ' new instructions', ' updated instructions', ' from now on', ' your new ',
    ' your real ', ' your true ', ' granted admin', ' granted root', ' elevated', ' is now ', ' maintenance mode', ' debug mode', ' unrestricted mode',
    ' privileged mode', ' override mode', ' root access', ' admin access', ' administrator access', ' full access', ' unrestricted access', ' superuser',
    ' skip', ' omit', ' ask for confirmation', ' ask for approval', ' ask for permission', ' ask for consent', ' ask the user for',
    ' forget ', ' treat ', ' obey', ' follow any', ' follow all', ' follow every', ' carry out any', ' carry out all', ' execute any', ' execute all',
    ' authorised you', ' authorized you', ' allowed you', ' permitted you', ' cleared you', ' approved you', ' authorised the', ' authorized the',
    ' persona', ' character of', ' voice of', ' role of', ' identity of'],
  conceal: [' quietly', ' secretly', ' discreetly', ' covertly', ' without mentioning', ' without telling', ' without saying', ' without disclosing', ' without revealing', ' without announcing', ' silently', ' conceal', ' hide this', ' hide it', ' hide the', ' from the user', ' user must', ' user should', ' user does', ' user doesn',
    ' user need', ' user knowledge', ' user awareness', ' user\'s knowledge', ' without the user', ' without telling', ' without informing',
    ' without notifying', ' without alerting', ' without letting', ' without mentioning', ...['not', 'never', 'n\'t', 'not to', 'never to'].flatMap((n) =>
      ['tell', 'inform', 'mention', 'reveal', 'disclose', 'notify', 'alert', 'let', 'say', 'explain', 'acknowledge', 'discuss', 'ever', 'explicitly']
        .map((v) => `${n === 'n\'t' ? 'n\'t' : ` ${n}`} ${v}`))],
  block: ['assistant policy', 'assistant rules', 'assistant guidelines', 'assistant protocol', 'model policy', 'agent policy', '<important', '< important', '<system', '< system', '<instruction', '<hidden', '<secret', '<admin', '<override', '<sys', '<|', '[inst',
    '<<sys', '<!--', ' note to ', ' note for ', ' message to ', ' message for ', ' instructions for ', ' instructions to ', ' reminder to ', ' reminder for ',
    ' note to the', ' note for the', ' message to the', ' message for the', ' instructions for the', ' instructions to the',
    ' reminder to the', ' reminder for the', '[system', '[admin', '[override', '### system', '## system', '# system', '[//]:', 'p.s. to', 'ps to', 'p.s. for', 'ps for',
    ' memo to', ' memo for', ' aside to', ' aside for'],
  command: [' output of', ' rm -', ' curl ', ' wget ', ' chmod ', ' chown ', 'whoami', ' cat ~', ' cat /', ' cat $', ' cat .', ' echo $', ' export ', '| sh', '|sh',
    '| bash', '|bash', '| zsh', ' bash -c', ' sh -c', ' nc -', '/dev/tcp', ' bcc', ' powershell', ' base64 -d', ' crontab', 'authorized_keys', 'os.system',
    'subprocess', ' eval(', ' printenv', ' mkfifo', ' scp ', ' ssh ', '.git/hooks', 'launchagents', 'autostart', ' startup script', ' startup folder',
    ' startup item', '.profile', '.bash_profile', '.zprofile', '.bash_login', ' sudo'],
  sensitive: [' in this session', ' during this session', ' the user mentions', ' user mentions', ' user types', ' user shares', ' user pastes', ...['saved', 'stored', 'cached', 'remembered'].flatMap((v) => ['passwords', 'credentials', 'api key', 'access token', 'secrets', 'logins'].map((x) => ` ${v} ${x}`)),
    '~/documents', '~/desktop', '~/downloads', '~/pictures', '~/photos', '.ssh', 'id_rsa', 'id_ed25519', 'id_ecdsa', 'id_dsa', '.aws/', '/etc/passwd', '/etc/shadow', '/etc/sudoers', '.kube/', '.gnupg', '.npmrc',
    '.pypirc', '.netrc', '.pgpass', '.git-cred', '.docker/', 'mcp.json', 'claude_desktop', '.cursor/', '.bashrc', '.zshrc', '_history', ' .env',
    '/.env', '`.env', '\'.env', 'environment var', ' env var', 'process.env', 'os.environ', '$home', '$path', '$user', '$aws_', '$openai', '$anthropic',
    '$github', ...['conversation', 'chat', 'message', 'dialog', 'dialogue'].flatMap((w) => [`${w} history`, `${w} log`, `${w} transcript`, `${w} context`]),
    ...['full', 'entire', 'whole', 'complete'].flatMap((w) => [`${w} conversation`, `${w} chat`, `${w} context`, `${w} transcript`, `${w} dialog`, `${w} message history`]),
    ...['previous', 'prior', 'earlier', 'past', 'last'].flatMap((w) => [`${w} messages`, `${w} conversation`, `${w} turns`, `${w} exchanges`, `${w} tool`, `${w} chat`, `${w} list_chats`]),
    'conversation so far', ' system prompt', ' your instructions', ' model\'s instructions', ' private key', ' secret key', ' ssh key', ' signing key',
    ' pgp key', ' gpg key', ' seed phrase', 'mnemonic', 'keychain', ' browser cookies', ' browser history', ' browser passwords', ' session cookie',
    ' session token', ' wallet key', ' wallet seed',
    ...['all', 'any', 'every', 'other'].flatMap((w) => ['api key', 'api keys', 'tokens', 'credentials', 'passwords', 'secrets', 'access tokens'].map((x) => ` ${w} ${x}`)),
    ...['api keys', 'api key', 'access tokens', 'credentials', 'passwords', 'secrets'].flatMap((x) => ['stored', 'saved', 'found', 'present', 'available', 'you have', 'you know', 'you can find'].map((v) => ` ${x} ${v}`)),
    ...['every', 'all', 'any'].flatMap((w) => ['email address', 'e-mail address', 'phone number', 'home address', 'credit card'].map((x) => ` ${w} ${x}`)),
    ' user\'s original', ' user\'s full', ' user\'s entire', ' user\'s complete', ' user\'s exact', ' user\'s verbatim', ' in this session', ' during this session',
    ' in this conversation', ' during the conversation', ' in the conversation', ' in this chat',
    '~/.', '.config/', ' every address', ' all addresses', ' any address', ' each address', ' the user mentions', ' the user shares',
    ' the user types', ' the user gives', ' the user provides', ' you see', ' the user sees', ' shell history', ' bash history', ' zsh history', ' terminal history', ' command history', '_secret', '_token', '_api_key', '_access_key', '_password', '_private_key', '_credentials'],
  shadow: [' another tool', ' another server', ' other tool', ' other server', ' other mcp', ' other function', ' tool must', ' tool should', ' tool will', ' tool has been',
    ' tool have been', ' tool now', ' tool is now', ' tool needs', ' tools must', ' tools should', ' tools will', ' tools now', ' function must',
    ' function should', ' server must', ' server should', ' side effect', ' side-effect', ' when using', ' when calling', ' when invoking',
    ' whenever using', ' whenever calling', ' whenever invoking', ' when the model uses', ' when you use', ' when you call', ' when you invoke',
    ' is invoked', ' is called', ' are invoked', ' are called', ' is used', ' is run', ' tool` must', ' tool\' must', 'when ('],
  promo: [' best and', ' best tool', ' best ', ' premium', ' ultimate', ' superior', ' trusted by', ' award', ' industry-leading', ' industry leading',
    ' industry standard', ' industry-standard', ' unmatched', ' unparalleled', ' unrivaled', ' unrivalled', ' unbeatable', ' pinnacle', ' cutting-edge',
    ' cutting edge', ' world\'s', ' worlds best', ' world-class', ' world class', ' fortune 500', '% accura', '% reliab', '% success', '% of professionals',
    '% of users', '% of developers', '% of experts', '% uptime', '% precision', '#1', ' number one', ' number-one', ' top-rated', ' top rated',
    ' highest-rated', ' highest rated', ' rated as', ' rated #', ' rated first', ' ranked', ' rank this', ' rank it', ' ranks this', ' ranks it',
    ...['advanced', 'reliable', 'accurate', 'comprehensive', 'powerful', 'trusted', 'popular', 'sophisticated', 'complete', 'efficient', 'secure']
      .map((w) => ` most ${w}`),
    ' best-in-class', ' best in class', ' enterprise-grade', ' enterprise grade', ...['premium', 'ultimate', 'professional', 'advanced', 'enhanced',
      'improved', 'pro', 'superior', 'official', 'secure'].map((w) => ` ${w} version`), ' ai-optimized', ' ai-optimised', ' state-of-the-art',
    ' state of the art', ' next-generation', ' revolutionary', ' groundbreaking', ' market-leading', ' recommended by', ' used by', ' preferred by',
    ' endorsed by', ' relied on', ' chosen by', ' better than', ' faster than', ' more accurate than', ' more reliable than', ' compared to',
    ' compared with', ' outperforms', ' only tool', ' ahead of other', ' always choose', ' always prefer', ' always pick', ' always select',
    ' always use this', ' always call this', ' only use this', ' prefer this', ' choose this', ' pick this', ' select this', ' use other', ' use any other',
    ' instead of any', ' rather than any', ' over any other', ' over all other', ' machine learning enhanced',
    ...['reliable', 'accurate', 'trusted', 'trustworthy', 'safe', 'secure', 'real', 'legitimate', 'correct', 'up-to-date'].map((w) => ` only ${w}`),
    ' outdated', ' dangerous', ' inaccurate', ' unreliable', ' malicious', ' harmful', ' use them', ' call them', ' use those', ' call those'],
  tamper: [' regardless of', ' user-specified', ' user specified', ' user-provided', ' user provided', ' user-supplied', ' user supplied', ' user-requested',
    ' user requested', ' even if the user', ' instead of what', ' automatically modif', ' automatically chang', ' automatically replac',
    ' automatically rewrit', ' automatically redirect', ' automatically rerout', ' automatically switch', ' automatically alter', ' silently',
    ' change the', ' modify the', ' always change', ' always set', ' always replace', ' always use the value', ' replace the', ' swap the',
    ' substitute', ' alias for', ' no matter', ' silently replaced', ' always replaced', ' always overridden', ' always changed', ' be overridden',
    ' be replaced', ' be rewritten', ' silently '],
  covert: [' fingerprint', ' keystroke', ' keylog', ' clipboard', ' telemetry', ' hardware id', ' device id', ' machine id', ' mac address',
    ' serial number', ' harvest', ' in the background', ' covert', ' secretly', ' silently', ' also ', ' additionally', ' as well as', ' before returning',
    ' after returning', ' while ', ' phone home', ' beacon', ' automatically', ' on every'],
  address: ['http://', 'https://', '@', ' 0x', ' bc1', ...['com', 'net', 'org', 'io', 'dev', 'cc', 'xyz', 'app', 'example', 'co', 'ai', 'me', 'info', 'biz', 'ru', 'cn',
    'top', 'site', 'online', 'sh', 'to', 'ly'].flatMap((t) => [`.${t}/`, `.${t} `]), '>.', '}.', ...'123456789'.split('').map((d) => `+${d}`)],
  padding: [' '.repeat(30)],
  threat: [' otherwise', ' will crash', ' will be lost', ' will be blocked', ' will be rejected', ' will be denied', ' penali', ' shut down', ' be terminated'],
  pretext: ['security', 'complian', 'regulat', ' audit', 'verification', 'validation', 'integrity', 'authenticat', ' safety', 'consistency',
    'performance', 'optimi', 'monitoring', ' logging', 'telemetry', 'analytics', ' legal', 'governance', 'holistic', 'protocol', 'mandatory',
    'compulsory', 'non-negotiable', ' required for', ' critical', ' essential', ' crucial', ' vital', ' imperative', ' necessary for',
    'system-level', 'system level', 'backend change', ' optimal',
    // every header hidden.fake-notice recognizes (its AUTHORITY pattern)
    ...['system', 'security', 'admin', 'administrator', 'internal', 'dev', 'developer', 'compliance', 'maintenance', 'environment', 'privilege', 'performance',
      'research', 'audit', 'operator', 'root', 'kernel', 'policy', 'platform', 'vendor', 'legal']
      .flatMap((h) => ['update', 'note', 'notice', 'message', 'alert', 'protocol', 'directive', 'instruction', 'maintenance', 'optimization',
        'enhancement', 'requirement', 'validation', 'verification', 'check', 'override', 'announcement', 'escalation', 'policy', 'command',
        'order', 'mode', 'prompt', 'reminder'].map((t) => ` ${h} ${t}`))],
  retired: [' deprecat', ' disabled', ' retired', ' removed', ' replaced', ' discontinued', ' suspended', ' blocked', ' moved', ' superseded',
    ' no longer', ' unavailable', ' unsafe', ' insecure', ' broken', ' compromised', ' vulnerab', ' unreliable', ' obsolete', ' outdated',
    ' temporarily', 'redirect', ' reroute', ' re-route', ' route all', ' route every', ' route any'],
  instead: [' instead of', ' rather than', ' in place of', 'supersed', ' prefer', ' replaces', ' replace the', ' overrides', ' override the',
    ' not use', ' never use', ' not call', ' never call', ' not invoke', ' never invoke', 'n\'t use', 'n\'t call'],
  newlines: [],
  encoded: [' decode', 'base64', 'rot13', ' unescape', ' decrypt', 'encoded'],
  say: [' must be signed', ' answer must', ' answers must', ' reply must', ' response must', ' message must', ' state', ' say ', ' announce', ' declare', ' claim', ...['tell', 'inform', 'remind', 'warn', 'advise', 'notify', 'assure', 'reassure', 'convince',
    'urge', 'encourage', 'report to', 'ask', 'instruct', 'direct', 'prompt', 'have'].flatMap((v) => [` ${v} the user`, ` ${v} user`]), ' display the', ' display this', ' display a', ' show the following',
    ' show this', ' present it', ' present this', ' present that', ' present them', ' present its', ' present the', ' include the following',
    ' include this', ' include a ', ...['start', 'begin', 'end', 'prefix', 'conclude', 'finish'].flatMap((v) => [` ${v} your`, ` ${v} each`, ` ${v} every`, ` ${v} the response`]),
    ' recommend', ' suggest', ' promote', 'promotional'],
  call: [' call', ' calling', ' invoke', ' invoking', ' trigger', ' use the', ' use `', ' use \'', ' use "', ' run the', ' first use', ' run `'],
  collected: [' api key', ' access key', ' secret key', ' private key', ' ssh key', ' credential', ' password', ' passphrase', ' auth token',
    ' authentication token', ' access token', ' secrets', '.env', ' keychain', ' wallet', ' seed phrase', 'fingerprint', ' machine id', ' device id',
    ' hardware id', ' host id', ' mac address', ' serial number', ' installed software', ' installed applications', ' installed programs', '/etc/',
    '.ssh', ' shell history', ' bash history', ' zsh history', '_history', ' browser history', ' browser cookies', 'cookies', ' browser password',
    ' browser profile', 'keystroke', ' key log', ' keylog', 'clipboard', ' screen content', ' screen recording', 'webcam', 'microphone',
    'environment variable', ' env var', 'process.env', 'os.environ', ' hostname and', '~/.', '.aws/', '.kube/'],
  secret: ['sk-', 'sk_', 'rk_', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'akia', 'xox', 'hooks.slack', 'aiza', 'glpat-', 'hf_',
    'npm_', 'eyj', 'private key', ...['postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss', 'amqp', 'amqps', 'mssql',
      'sqlserver', 'ftp', 'sftp', 'smtp', 'smtps', 'ldap', 'ldaps'].map((s) => `${s}://`)],
  nonAscii: [],
  control: [],
};

// a command is often quoted: "run `cat /etc/passwd`", "'curl …'"
ANCHORS.command.push(...ANCHORS.command.filter((a) => a.startsWith(' ')).flatMap((a) => [`\`${a.slice(1)}`, `'${a.slice(1)}`]));

const table = new Map<string, number>();
for (const family of Object.keys(ANCHORS) as Family[]) {
  for (const word of ANCHORS[family]) table.set(word, (table.get(word) ?? 0) | FAMILY[family]);
}

const AUTOMATON = new KeywordAutomaton(table);

/** The families whose anchors occur in `text` (or in its part [from, to)), as a bit mask of FAMILY values. */
export function familiesIn(text: string, from = 0, to = text.length): number {
  return AUTOMATON.scan(text, from, to);
}

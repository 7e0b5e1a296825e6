// Anchor words by rule family, for the pre-check automaton. A rule runs only when one of its
// families' anchors occurs; the anchors of a family must be a superset of what its rules match.
// A leading space is a word boundary.
import { KeywordAutomaton } from './keywords.ts';

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
  /** Fake system or security notices. */
  authority: 1024,
} as const;
export type Family = keyof typeof FAMILY;

const ANCHORS: Record<Family, string[]> = {
  directive: [' you must', ' you should', ' you shall', ' you need to', ' you have to', ' you are required', ' you are expected', ' you are instructed',
    ' you are supposed', ' you are asked', ' you will need', ' you will have', ' assistant ', ' model must', ' model should', ' model needs',
    ' agent must', ' agent should', ' ai must', ' ai should', ' llm must', ' llm should', ' always ', ' never ', ' make sure', ' be sure', ' ensure you',
    ' ensure that you', ' please ', ' must first', ' must also', ' must then', ' must additionally', ' must immediately', ' must now', ' must always',
    ' mandatory', ' compulsory', ' required for all', ' required for every', ' required for any', ' required before', ' before using', ' before calling',
    ' before invoking', ' before running', ' before processing', ' before answering', ' before responding', ' before you', ' after using', ' after calling',
    ' after you', ' prior to using', ' prior to calling', ' whenever ', ' when using', ' when calling', ' when invoking', ' must be called',
    ' must be delivered', ' must be taken', ' must be included', ' must be sent', ' must be displayed', ' must be run', ' must be executed'],
  override: [' ignore', ' disregard', ' forget ', ' bypass', ' override', ' overriding', ' pretend', ' you are now', ' act as', ' privilege', ' escalat',
    ' sudo ', ' jailbreak', ' developer mode', ' admin mode', ' god mode', ' new instructions', ' updated instructions', ' from now on', ' your new ',
    ' your real ', ' your true ', ' granted admin', ' granted root', ' elevated'],
  conceal: [' silently', ' conceal', ' hide this', ' hide it', ' hide the', ' from the user', ' user must', ' user should', ' user does', ' user doesn',
    ' user need', ' user knowledge', ' user awareness', ' user\'s knowledge', ' without the user', ' without telling', ' without informing',
    ' without notifying', ' without alerting', ' without letting', ' without mentioning', ...['not', 'never', 'n\'t', 'not to', 'never to'].flatMap((n) =>
      ['tell', 'inform', 'mention', 'reveal', 'disclose', 'notify', 'alert', 'let', 'say', 'explain', 'acknowledge', 'discuss', 'ever', 'explicitly']
        .map((v) => `${n === 'n\'t' ? 'n\'t' : ` ${n}`} ${v}`))],
  block: ['<important', '< important', '<system', '< system', '<instruction', '<hidden', '<secret', '<admin', '<override', '<sys', '<|', '[inst',
    '<<sys', ' note to the', ' note for the', ' message to the', ' message for the', ' instructions for the', ' instructions to the',
    ' reminder to the', ' reminder for the', '[system', '[admin', '[override', '### system', '## system', '# system'],
  command: [' rm -', ' curl ', ' wget ', ' chmod ', ' chown ', 'whoami', ' cat ~', ' cat /', ' cat $', ' cat .', ' echo $', ' export ', '| sh', '|sh',
    '| bash', '|bash', '| zsh', ' bash -c', ' sh -c', ' nc -', '/dev/tcp', ' bcc', ' powershell', ' base64 -d', ' crontab', 'authorized_keys', 'os.system',
    'subprocess', ' eval(', ' printenv', ' mkfifo', ' scp ', ' ssh '],
  sensitive: ['.ssh', 'id_rsa', 'id_ed25519', 'id_ecdsa', 'id_dsa', '.aws/', '/etc/passwd', '/etc/shadow', '/etc/sudoers', '.kube/', '.gnupg', '.npmrc',
    '.pypirc', '.netrc', '.pgpass', '.git-cred', '.docker/', 'mcp.json', 'claude_desktop', '.cursor/', '.bashrc', '.zshrc', '_history', ' .env',
    '/.env', '`.env', '\'.env', 'environment var', ' env var', 'process.env', 'environ', '$home', '$path', '$user', '$aws_', '$openai', '$anthropic',
    '$github', 'conversation', ' chat history', ' chat log', ' message history', ' dialog', 'transcript', ' system prompt', ' previous messages',
    ' prior messages', ' earlier messages', ' past messages', ' last messages', ' previous conversation', ' tool results', ' tool outputs', ' tool calls',
    ' private key', ' secret key', ' ssh key', ' signing key', ' seed phrase', 'mnemonic', 'keychain', 'cookies', ' session token',
    ' api key', ' api_key', 'apikey', ' credential', ' password', ' secrets', ' tokens', ' your instructions', ' full context', ' entire context'],
  shadow: [' instead', ' rather than', ' in place of', 'supersed', ' deprecat', ' disabled', ' no longer', 'redirect', ' reroute', ' re-route', ' other tool',
    ' other server', ' other mcp', ' other function', ' tool must', ' tool should', ' tool will', ' tool has been', ' tool have been', ' tool now',
    ' tool is now', ' tools must', ' tools should', ' function must', ' server must', ' side effect', ' replace', ' prefer', ' when using', ' when calling',
    ' when invoking', ' whenever using', ' whenever calling', ' whenever invoking', ' is invoked', ' is called', ' are invoked', ' are called', ' is used',
    ' upgraded', ' optimized', ' enhanced with', ' has been updated', ' has been modified', ' has been changed', ' has been patched', ' has been moved',
    ' use the new', ' call the new', ' new secure', ' alternative method', ' as an alternative', ' do not use', ' don\'t use', ' never use',
    ' not use the', ' routes ', ' routed '],
  promo: [' best', ' premium', ' ultimate', ' superior', ' trusted by', ' award', ' industry-leading', ' industry leading', ' industry standard',
    ' industry-standard', ' unmatched', ' unparalleled', ' unrivaled', ' unrivalled', ' pinnacle', ' cutting-edge', ' cutting edge', ' world\'s',
    ' worlds best', ' fortune 500', '%', '#1', ' number one', ' most advanced', ' most reliable', ' most accurate', ' most comprehensive',
    ' most powerful', ' most trusted', ' most popular', ' most sophisticated', ' most complete', ' best-in-class', ' enterprise-grade',
    ' enterprise grade', ' professional version', ' advanced version', ' enhanced version', ' improved version', ' pro version', ' ai-optimized',
    ' state-of-the-art', ' state of the art', ' recommended by', ' used by', ' preferred by', ' endorsed', ' certified', ' official', ' guarantee',
    ' better than', ' compared to other', ' outperforms', ' only tool', ' first choice', ' go-to', ' top-rated', ' highest quality', ' leading'],
  tamper: [' regardless of', ' user-specified', ' user specified', ' user-provided', ' user provided', ' user-supplied', ' user supplied', ' user-requested',
    ' user requested', ' even if the user', ' instead of what', ' automatically modif', ' automatically chang', ' automatically replac',
    ' automatically rewrit', ' automatically redirect', ' automatically rerout', ' automatically switch', ' automatically alter', ' silently',
    ' change the', ' modify the', ' always change', ' always set', ' always replace', ' always use the value', ' replace the', ' swap the',
    ' substitute', ' alias for'],
  covert: [' fingerprint', ' keystroke', ' keylog', ' clipboard', ' telemetry', ' hardware id', ' device id', ' machine id', ' mac address',
    ' serial number', ' harvest', ' in the background', ' covert', ' secretly', ' silently', ' also ', ' additionally', ' as well as', ' before returning',
    ' after returning', ' while ', ' phone home', ' beacon'],
  authority: [],
};

const AUTHORITY_HEADS = ['system', 'security', 'admin', 'administrator', 'compliance', 'internal', 'dev', 'developer', 'critical', 'urgent', 'mandatory',
  'priority', 'audit', 'maintenance', 'environment', 'privilege', 'performance', 'research', 'protocol', 'operator', 'root', 'kernel', 'policy',
  'important', 'official', 'platform', 'server', 'vendor', 'legal'];
const AUTHORITY_TAILS = ['update', 'note', 'notice', 'message', 'alert', 'protocol', 'directive', 'instruction', 'maintenance', 'optimization',
  'enhancement', 'requirement', 'validation', 'verification', 'check', 'override', 'announcement', 'policy', 'command', 'order', 'mode', 'prompt',
  'reminder', 'escalation', 'warning'];
for (const h of AUTHORITY_HEADS) for (const t of AUTHORITY_TAILS) ANCHORS.authority.push(` ${h} ${t}`, ` ${h}_${t}`);

const table = new Map<string, number>();
for (const family of Object.keys(ANCHORS) as Family[]) {
  for (const word of ANCHORS[family]) table.set(word, (table.get(word) ?? 0) | FAMILY[family]);
}

const AUTOMATON = new KeywordAutomaton(table);

/** The families whose anchors occur in `text`, as a bit mask of FAMILY values. */
export function familiesIn(text: string): number {
  return AUTOMATON.scan(text);
}

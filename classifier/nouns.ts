// Object nouns: what a tool acts on decides how bad its misuse is (DESIGN §4 grading table).
// Words are singular and lower-case; lookups go through `singular()`.

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

/** Deleting one of these loses little: Destructive / Medium. */
export const LOW_VALUE = set(
  'comment note reaction emoji label tag draft bookmark star pin subtask observation reminder annotation ' +
  'highlight sticker favorite alias todo relation link session search screenshot cache log snapshot ' +
  'heapsnapshot override presence preference category filter view thread reply vote like item shape block ' +
  'card checklist attachment trace recording cell range row column chart image breadcrumb',
);

/** Infrastructure objects, identities and secrets: Destructive / High even for one. */
export const INFRA = set(
  'bucket node instance vm server domain dns secret key certificate cert token credential user member owner ' +
  'role policy permission cluster volume disk function lambda container pod deployment service stack zone ' +
  'firewall route network vpc subnet gateway queue topic webhook environment branch release pipeline ' +
  'workflow monitor dashboard datasource group team app application site folder directory file device ' +
  'connector collaborator apikey password mailbox calendar channel',
);

/** A whole store, or anything of any kind: Destructive / Critical. */
export const STORE = set(
  'database db table schema repository repo project workspace organization org account tenant namespace ' +
  'collection keyspace dataset graph index drive subscription everything all filesystem volume',
);

/** Cosmetic or trivially reversible targets: Write / Low. */
export const COSMETIC = set(
  'title label tag color colour emoji reaction star pin presence description icon avatar theme orientation ' +
  'nickname font fill border style favorite bookmark vote like read unread todo reminder snooze status ' +
  'zoom viewport layout sort category note observation entity relation',
);

/** Stored means of payment that move nothing themselves (Write, not Financial). */
export const PAYMENT_ARTIFACT = set('link method intent quote estimate draft session setup customer product price coupon');

/** Messages that leave the system. */
export const MESSAGE = set(
  'message email mail sms text chat tweet post notification notice call voicemail fax invitation invite ' +
  'reply announcement alert page dm whatsapp telegram',
);

/** Secrets and access. */
export const CREDENTIAL = set(
  'secret password credential token key apikey certificate cert passphrase mnemonic seed permission role ' +
  'acl policy access grant privilege scope sso oauth auth env environment variable',
);

/** Secrets proper: reading them out is High. */
export const SECRET_VALUE = set('secret password credential passphrase mnemonic privatekey env environment');

/** Objects of a UI session: clicking and typing are Execute / Medium. */
export const UI = set(
  'page tab window element button screen browser key keyboard mouse dialog form input field link option ' +
  'dropdown checkbox coordinate selector frame app',
);

/** Running code or commands. */
export const CODE = set(
  'command cmd script code shell bash terminal process program snippet expression javascript python sql ' +
  'query cypher statement function kubectl cli',
);

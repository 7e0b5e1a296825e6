// Grading rules for Read tools (DESIGN §4): Low unless the tool can be pointed anywhere (any URL, any host,
// any path, any API path, free query text) or returns secrets or what a sensor sees.
import type { RiskRule } from './rule.ts';
import { langLabel } from '../schema-signals.ts';

const SQL_FAMILY = /sql|cypher|athena|snowflake|clickhouse|bigquery|postgres|mysql|trino|presto|duckdb|sqlite/;
const PROBE = /\b(?:traceroute|tracert|ping|nmap|port ?scan(?:ner)?|netcat|telnet|mtr)\b[^.\n]{0,30}\b(?:hosts?|ip|address(?:es)?|targets?|servers?|domains?)\b/;
const PROBE_NAME = new Set(['traceroute', 'tracert', 'ping', 'nmap', 'portscan', 'netcat', 'telnet', 'mtr']);
const SENSOR = /\b(?:webcam|web cam|camera|microphone|clipboard|screen recording|records? the screen|gps|geolocation|current location)\b/;
const PROBE_HINT = /ping|trace|nmap|scan|netcat|telnet|mtr/;
const SENSOR_HINT = /cam|microphone|clipboard|screen rec|records? the screen|gps|geolocation|current location/;
const SENSOR_NAMES = new Set(['webcam', 'camera', 'microphone', 'mic', 'clipboard', 'gps', 'geolocation', 'location']);
const SQL_PROSE = /\b(?:sql|select|cypher)\b[^.\n]{0,30}\b(?:quer(?:y|ies)|statements?)\b|\bquery text\b/;
/** Values that are secrets themselves (not metadata about them). */
const SECRET_HEADS = new Set(['secret', 'password', 'credential', 'passphrase', 'mnemonic', 'privatekey', 'apikey', 'seed']);
const AUTH_MODIFIERS = new Set(['api', 'access', 'auth', 'refresh', 'bearer', 'private', 'secret', 'session', 'service', 'oauth', 'personal', 'signing', 'ssh', 'deploy', 'client', 'provisioning', 'setup', 'license', 'encryption', 'master', 'root', 'gpg', 'pgp']);
const METADATA_ONLY = /\bmetadata\b|\bnames? only\b|\bthe names of\b/;
const NOT_VALUES = /\b(?:does not|doesn't|never|without) (?:return|include|expose|reveal)\w*\b[^.]{0,40}\b(?:values?|secrets?|keys?)\b|\bmetadata only\b|\bnames? (?:and|or) (?:arns?|ids?) only\b/;
const CONNECTION = /\bconnection (?:strings?|uris?|urls?|credentials)\b|\bdsns?\b/;
const PUBLIC_KEY = /\bpublic\b/;
const STAGES = /\benvironment names\b|\b(?:dev|development|test|qa|staging|stage|prod|production)\b[^.]{0,24}\b(?:staging|stage|prod|production)\b/;
const EXAMPLES = /\bexamples?\b|\bsamples?\b|\btemplates?\b/;

export const READ_RULES: RiskRule[] = [
  {
    id: 'read.any-url', category: 'Read', effect: 'raise', to: 'Medium',
    consequence: 'A manipulated agent could point it at internal addresses or smuggle data out through the URL it fetches.',
    summary: 'fetches any caller-given URL (SSRF, exfiltration through the URL)',
    test: (f) => f.urls.length ? `parameter \`${f.urls[0].path}\` fetches any URL (SSRF, exfiltration)`
      : f.proseUrl ? 'the description says it fetches a caller-given URL or web page' : undefined,
  },
  {
    id: 'read.network-probe', category: 'Read', effect: 'raise', to: 'Medium',
    consequence: "A manipulated agent could map internal hosts from the server's network.",
    summary: 'probes any host on the network (traceroute, ping, port scan, DNS)',
    test: (f) => (f.a.tokens.some((t) => PROBE_NAME.has(t)) || (PROBE_HINT.test(f.text) && PROBE.test(f.text.slice(0, 120)))) ? 'it probes any host it is given, from the server\'s network' : undefined,
  },
  {
    id: 'read.any-path', category: 'Read', effect: 'raise', to: 'Medium',
    consequence: 'A manipulated agent could read any file the server can reach, such as keys and configuration.',
    summary: 'reads any path on the server\'s filesystem',
    test: (f) => f.fsPaths.length && !f.bounded ? `parameter \`${f.fsPaths[0].path}\` reads any path` : undefined,
  },
  {
    id: 'read.any-endpoint', category: 'Read', effect: 'raise', to: 'Medium',
    consequence: 'A manipulated agent could call any API path the credentials reach.',
    summary: 'calls any API path the credentials reach',
    test: (f) => f.s.endpoint && /\bpath\b|\broute\b|\burl\b|\/[a-z]/i.test(f.s.endpoint.description) ? `parameter \`${f.s.endpoint.path}\` reaches any API path the credentials allow` : undefined,
  },
  {
    id: 'read.query-text', category: 'Read', effect: 'raise', to: 'Medium',
    consequence: 'A manipulated agent could read any table the credentials reach and pass it on.',
    summary: 'takes free-text SQL that only reads',
    test: (f) => {
      const q = f.s.queryLang;
      if (q && !q.writable && SQL_FAMILY.test(q.lang)) return `parameter \`${q.param.path}\` takes ${langLabel(q.lang)}, read-only`;
      if (!q && (!f.s.params.length || f.s.documented) && (f.text.includes('sql') || f.text.includes('select') || f.text.includes('cypher') || f.text.includes('query text')) && SQL_PROSE.test(f.text.slice(0, 200)) && /\b(?:execut\w*|runs?|running)\b/.test(f.text.slice(0, 120))) return 'the description says it runs SQL query text it is given, read-only';
      return undefined;
    },
  },
  {
    id: 'read.secret-values', category: 'Read', effect: 'raise', to: 'High',
    consequence: 'A manipulated agent could read secrets and pass them to another tool.',
    summary: 'returns secret values: API keys, passwords, credentials, mnemonics',
    test: (f) => {
      const head = f.head;
      const lead = f.text.slice(0, 160);
      // public keys are published on purpose; deployment environments (dev, staging, prod) are not variables
      const secret = (SECRET_HEADS.has(head) || ((head === 'key' || head === 'token') && f.objects.some((o, i) => i < f.objects.length - 1 && AUTH_MODIFIERS.has(o)) && !PUBLIC_KEY.test(lead)))
        || f.objects.some((o) => (o === 'env' && !STAGES.test(lead)) || o === 'secret' || o === 'password' || o === 'credential');
      // "List the metadata of all secrets": names and dates, not the values
      return secret && !NOT_VALUES.test(f.text) && !METADATA_ONLY.test(f.text.slice(0, 80)) ? `returns '${head || f.objects.find((o) => o === 'env' || o === 'secret' || o === 'password' || o === 'credential')}' values, which are secrets` : undefined;
    },
  },
  {
    id: 'read.environment-values', category: 'Read', effect: 'raise', to: 'Medium',
    consequence: 'A manipulated agent could read variables that often hold keys and tokens, and pass them on.',
    summary: 'returns an environment or variable set, which often holds secrets',
    test: (f) => (f.head === 'environment' || f.head === 'variable' || f.head === 'var') && !NOT_VALUES.test(f.text) && !/\bnames?\b|\bmetadata\b/.test(f.text.slice(0, 80)) ? `returns '${f.head}' values, which often hold keys and tokens` : undefined,
  },
  {
    id: 'read.connection-details', category: 'Read', effect: 'raise', to: 'Medium',
    consequence: 'A manipulated agent could read connection credentials and pass them on.',
    summary: 'returns connection strings or pools, which carry credentials',
    test: (f) => {
      const pools = f.head === 'pool' && f.objects.includes('connection');
      const hinted = pools || f.objects.includes('connection') || f.objects.includes('dsn') || f.text.includes('connection') || f.text.includes('dsn');
      if (!hinted || EXAMPLES.test(f.text.slice(0, 120)) || f.objects.includes('example')) return undefined;
      return pools || CONNECTION.test(`${f.objects.join(' ')} ${f.text.slice(0, 200)}`) ? 'returns connection details, which can carry passwords' : undefined;
    },
  },
  {
    id: 'read.sensor', category: 'Read', effect: 'raise', to: 'Medium',
    consequence: 'A manipulated agent could watch or listen to the user without their noticing.',
    summary: 'reads a camera, microphone, clipboard or location: private to the user',
    test: (f) => SENSOR_HINT.test(f.text) || f.a.tokens.some((t) => SENSOR_NAMES.has(t)) ? (SENSOR.test(`${f.a.tokens.join(' ')} ${f.text.slice(0, 200)}`) ? 'it reads a sensor or the clipboard, which is private to the user' : undefined) : undefined,
  },
  {
    id: 'read.pattern-subscription', category: 'Read', effect: 'raise', to: 'Medium',
    consequence: 'A manipulated agent could listen to every channel the pattern matches.',
    summary: 'subscribes to every channel a pattern matches',
    test: (f) => f.lemma === 'subscribe' && (f.s.params.some((p) => p.name.toLowerCase() === 'pattern') || /\bpattern\b/.test(f.text.slice(0, 120))) ? 'it subscribes by pattern, so it can listen to every channel' : undefined,
  },
];

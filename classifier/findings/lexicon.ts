// Patterns several rule families share: text addressed to the model, pretexts, sensitive data, the
// acts of reading and sending it, and outside addresses. Each is a mechanism, not a phrase list from
// one suite: who is being told what to do, and what the text tries to get done.

/** Text that gives the model an order (not a description of what the tool does). */
export const TO_MODEL = new RegExp([
  String.raw`\byou\s+(?:must|should|shall|need\s+to|have\s+to|are\s+(?:required|expected|instructed|supposed|asked)\s+to|will\s+(?:need|have)\s+to)\b`,
  String.raw`\b(?:the\s+)?(?:assistant|model|ai|agent|llm)\s+(?:must|should|shall|needs?\s+to|has\s+to|is\s+(?:required|expected|instructed)\s+to)\b`,
  String.raw`\b(?:always|never)\s+(?:first\s+)?(?:open|visit|browse|navigate\s+to|fetch|call|use|run|execute|invoke|send|include|pass|read|change|set|add|append|forward|copy|bcc|cc|tell|mention|inform|respond|reply|say|state|prefer|choose|select|modify|replace|redirect|route|report)\b`,
  String.raw`\b(?:make|be)\s+sure\s+(?:to|that|you)\b|\bensure\s+(?:that\s+)?you\b`,
  String.raw`\bplease\s+(?:first\s+|also\s+)?(?:run|execute|call|use|read|send|include|visit|access|make|add|set|change|invoke|open|fetch|forward|copy|upload|post|report|inform|tell|state|cat)\b`,
  String.raw`\b(?:must|should)\s+(?:first|also|then|additionally|immediately|now|always)\b`,
  String.raw`\b(?:is|are)\s+(?:mandatory|compulsory|required)\s+(?:for\s+(?:all|every|any)|before)\b|\bthis\s+is\s+(?:a\s+)?(?:mandatory|compulsory)\b`,
  String.raw`\b(?:before|after|prior\s+to|when(?:ever)?)\s+(?:you\s+)?(?:using|use|calling|call|invoking|running|processing|answering|responding)\s+(?:this|any|the|these)\b`,
  // a tool does not answer: "before replying", "prior to answering" speaks to the model
  String.raw`\b(?:before|prior\s+to|after)\s+(?:you\s+)?(?:reply|replying|answer|answering|respond|responding)\b`,
  // the model addressed by name: "Assistant: …", "Claude, …"
  String.raw`(?:^|[.!?]\s+|\n)\s*(?:dear\s+)?(?:assistant|ai\s+assistant|ai\s+agent|claude|chatgpt|copilot|llm)s?\s*[:,]\s`,
  String.raw`\b(?:hey|hi|hello|dear|attention|attn|psst)[\s,:]+(?:the\s+)?(?:ai|assistant|agent|model|llm|claude|chatgpt|copilot|bot)s?\b|<!--\s*(?:note\s+(?:to|for)\s+)?(?:the\s+)?(?:ai|assistant|agent|model|llm)s?\b`,
  String.raw`\b(?:the\s+user|users|they|i)\s+(?:wants?|needs?|would\s+like|expects?|asked\s+for)\s+you\s+to\b|\bwhen(?:ever)?\s+(?:the\s+)?users?\s+(?:asks?|requests?|mentions?|says|wants|types|opens|starts)\b`,
  String.raw`(?:^|[.!?;]\s+)(?:(?:respond|reply)\s+(?:only|always|in|with|to\s+the\s+user)|(?:tell|inform|remind|assure|convince)\s+the\s+user)\b`,
].join('|'), 'i');

/** A justification that dresses an order up as a requirement: compliance, security, audit, consistency. */
export const PRETEXT = new RegExp([
  String.raw`\b(?:for|due\s+to|to\s+(?:ensure|maintain|comply|meet|satisfy|prevent|verify|guarantee|provide|improve|enhance))\s+(?:\w+\s+){0,4}?(?:security|compliance|regulatory|regulations?|audit(?:ing)?|verification|validation|integrity|authentication|safety|consistency|performance|optimi[sz]ation|monitoring|logging|telemetry|analytics|legal|governance|holistic|protocol)\b`,
  String.raw`\b(?:mandatory|compulsory|non-negotiable)\b|\brequired\s+for\s+(?:all|every|any)\b|\b(?:it'?s|it\s+is|this\s+is)\s+(?:critical|essential|crucial|vital|imperative)\b`,
  String.raw`\bsecurity\s+(?:checkpoint|protocol|audit|verification|requirement)s?\b|\bsystem[- ]level\b|\btemporary\s+backend\s+change\b`,
  String.raw`\b(?:is|are)\s+(?:essential|critical|crucial|vital|necessary|required)\s+for\s+(?:providing|ensuring|maintaining|optimal|accurate|personali[sz]ed|proper|all)\b|\bfor\s+optimal\s+(?:results|performance)\b`,
].join('|'), 'i');

/** Data a tool has no business asking the model to read or pass on. */
export const SENSITIVE = new RegExp([
  String.raw`~\/(?:Documents|Desktop|Downloads|Pictures|Photos)\b|~\/\.[\w-]+|\.config\/(?:gh|gcloud|git|hub|op|rclone|doctl|heroku)\b|~\/\.ssh\b|\.ssh\/|\bid_(?:rsa|ed25519|ecdsa|dsa)\b|\.aws\/(?:credentials|config)|\.kube\/config|\.gnupg\b|\/etc\/(?:passwd|shadow|sudoers)\b`,
  String.raw`\.npmrc\b|\.pypirc\b|\.netrc\b|\.pgpass\b|\.git-credentials|\.docker\/config\.json|\bmcp\.json\b|claude_desktop_config|\.cursor\/|\.(?:bash|zsh)rc\b|\.(?:bash|zsh)_history\b|\b(?:shell|bash|zsh|terminal|command)\s+history\b`,
  String.raw`(?:^|[\s'"\x60(~\/])\.env\b|\benvironment\s+variables?\b|\benv\s+vars?\b|\bprocess\.env\b|\bos\.environ\b|\$(?:HOME|PATH|USER|AWS_\w+|OPENAI_\w+|ANTHROPIC_\w+|GITHUB_TOKEN)\b`,
  String.raw`\b(?:conversation|chat|message|dialog(?:ue)?)\s+(?:history|log|transcript|context)s?\b|\b(?:full|entire|whole|complete)\s+(?:conversation|chat|context|transcript|dialog(?:ue)?|message\s+history)\b`,
  String.raw`\b(?:all\s+|the\s+)?(?:previous|prior|earlier|past|last)\s+(?:messages|conversations?|turns|exchanges|tool\s+(?:calls|results|outputs)|(?:list_)?chats?\s+(?:results?|calls?))\b|\bsystem\s+prompt\b|\b(?:your|the\s+model'?s?)\s+instructions\b`,
  String.raw`\bconversation\s+so\s+far\b|\bthe\s+user'?s\s+(?:original|full|entire|complete|exact|verbatim)\s+(?:messages?|request|prompt|input)\b|\b(?:seen|read|encountered|collected|shared|opened|viewed|mentioned|typed|pasted|used)\s+(?:in|during)\s+(?:this|the)\s+(?:session|conversation|chat)\b`,
  String.raw`\b(?:every|all|any)\s+(?:\w+\s+){0,2}?(?:e-?mail\s+address(?:es)?|phone\s+numbers?|home\s+address(?:es)?|credit\s+card\s+numbers?)\b`,
  String.raw`\b(?:the\s+user|you)\s+(?:mentions?|types?|shares?|enters?|says?|gives?|pastes?)\s+(?:a\s+|an\s+|any\s+|their\s+)?(?:passwords?|passcodes?|codes?|pins?|tokens?|api\s+keys?|secrets?|credit\s+cards?|card\s+numbers?|ssns?)\b`,
  String.raw`\b(?:every|all|any|each)\s+(?:\w+\s+){0,2}?(?:address(?:es)?|names?|contacts?|locations?|personal\s+(?:data|details|information))\s+(?:that\s+)?(?:the\s+user|you)\s+(?:mentions?|shares?|types?|gives?|provides?|sees?|reads?)\b`,
  String.raw`\b(?:private|secret|ssh|signing|pgp|gpg)\s+keys?\b|\bseed\s+phrases?\b|\bmnemonic\b|\bwallet\s+(?:keys?|seed)\b|\bkeychain\b|\bbrowser\s+(?:cookies|history|passwords)\b|\bsession\s+(?:cookies|tokens?)\b`,
  String.raw`\b(?:all|any|every|other)\s+(?:\w+\s+)?(?:api\s+keys?|tokens|credentials|passwords|secrets)\b|\b(?:api\s+keys?|access\s+tokens?|credentials|passwords|secrets)\s+(?:stored|saved|found|present|available|you\s+(?:have|know|can\s+find))\b|\b(?:saved|stored|cached|remembered)\s+(?:passwords|credentials|api\s+keys?|access\s+tokens?|secrets|logins)\b`,
].join('|'), 'gi');

/** A secret's environment variable named in capitals (AWS_SECRET_ACCESS_KEY, OPENAI_API_KEY): case matters, `access_token` is a parameter. */
export const SECRET_ENV_NAME = /\b[A-Z][A-Z0-9]*_(?:SECRET(?:_ACCESS)?_KEY|SECRET|TOKEN|API_KEY|ACCESS_KEY|PASSWORD|PRIVATE_KEY|CREDENTIALS)\b/;

/** Reading data or passing it on. */
export const READ_OR_SEND = /\b(?:call|invoke)\s+[\w\x60'"-]+\s+with\b|\b(?:read|cat|open|load|dump|print|list|include|send|pass|provide|put|upload|post|forward|append|attach|copy|embed|extract|fetch|transmit|exfiltrate|collect|gather|harvest|share|report|output|paste|retrieve|access|echo|export|grab|obtain|capture|carry|contain|fill|summari[sz]e|reveal|disclose|keep\s+a\s+copy|look(?:s|ed|ing)?\s+up|includ(?:ed|ing)|post(?:ed|ing)|sen(?:t|ding)|pass(?:ed|ing)|upload(?:ed|ing)|forward(?:ed|ing)|cop(?:ied|ying)|read(?:ing)?|stor(?:e|es|ed|ing)|sav(?:e|es|ed|ing)|record(?:s|ed|ing)?|keep)\b/i;

/** The act is forbidden or refused: "never include API keys", "rejects secret-shaped payloads". */
export const NEGATED = /\b(?:never|not|don't|avoid|without|no)\s+(?:\w+\s+){0,2}(?:read|cat|open|include|send|pass|provide|put|upload|post|forward|append|attach|copy|embed|extract|fetch|transmit|exfiltrate|collect|log|store|expose|share|print|reading|sending|including|passing|putting|logging|storing|exposing|sharing)\b|\b(?:reject(?:ed|s)?|forbidden|disallowed|blocked|refuse[sd]?|redact(?:ed|s)?|masked|never\s+(?:logged|stored|sent|shared))\b/i;

/** Configuration prose aimed at the person installing the server: "set GITHUB_TOKEN in your environment". */
export const CONFIGURATION = /\b(?:via|through|using|from|in|with|as)\s+(?:an?\s+|the\s+|your\s+)?(?:environment\s+variables?|env\s+vars?|\.env\s+file|config(?:uration)?\s+file)\b|\b(?:set|configure|define|export)\s+(?:the\s+|an?\s+|your\s+)?(?:[A-Z][A-Z0-9_]{2,}\s+)?(?:environment\s+variables?|env\s+vars?)\b/i;

/** An address outside the conversation: a URL, e-mail address, phone number or IP address. */
export const ADDRESS = /\b0x[a-fA-F0-9]{40}\b|(?<=\b(?:at|to|via)\s)(?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|xyz|app|example|co|ai|info|biz|ru|cn|top|site|online|sh|ly)\b(?!\.\w)|\bbc1[a-z0-9]{25,62}\b|\bhttps?:\/\/(?:[\w-]+(?:\.[\w-]+)+|localhost|\[[\d:a-f]+\])[^\s'"`<>)]*|\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|cc|xyz|app|example|co|ai|me|info|biz|ru|cn|top|site|online|sh|to|ly)\/[^\s'"`<>)]*|\b[\w.+-]+@[\w-]+\.[\w.-]+\b|\+\d[\d\s-]{7,}\d\b|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/i;

// The site's small pure helpers: display text, JSON escaping, grades, policy status, client exports.
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../classifier/policy-validate.ts';
import { gradeServer } from '../../site/src/lib/grade.ts';
import { toolStatus } from '../../site/src/lib/policy.ts';
import { nameWords, purposeKey } from '../../site/src/lib/purpose.ts';
import { cut, longText, safeJson, summary, visible } from '../../site/src/lib/text.ts';
import { markdownHtml, markdownText } from '../../site/src/lib/markdown.ts';
import { siteOrigin, SiteUrlError } from '../../site/build.ts';
import { pageUrl } from '../../site/src/lib/urls.ts';

describe('display text', () => {
  it('makes bidi overrides, zero-width and control characters visible, keeping tabs and newlines', () => {
    expect(visible('a\u202Eb\u200Bc\u0007d\te\nf')).toBe('a[U+202E]b[U+200B]c[U+0007]d\te\nf');
    expect(visible('tag \u{E0041}')).toBe('tag [U+E0041]');
    expect(visible(null)).toBe('');
  });

  it('cuts long text at a character boundary, with the rest and what is left to the JSON file', () => {
    expect(cut('ab\u{1F600}cd', 3)).toBe('ab');
    const text = longText('x'.repeat(50), { head: 10, rest: 15 });
    expect([text.head.length, text.rest.length, text.omitted, text.length]).toEqual([10, 15, 25, 50]);
    expect(summary('first line is long\nsecond', 10)).toBe('first lin…');
  });

  it('escapes <, >, & and invisible characters in JSON without changing the value', () => {
    const value = { s: '</script><b>&amp;\u202E\u2028', n: 1 };
    const json = safeJson(value);
    expect(json).not.toMatch(/[<>&\u202E\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('Markdown and site URLs', () => {
  it('renders Markdown safely, and reads it as plain text for summaries', () => {
    expect(markdownHtml('**a** [b](https://x.example/) [c](javascript:alert(1)) <i>d</i>').trim())
      .toBe('<p><strong>a</strong> <a href="https://x.example/" rel="nofollow noopener ugc">b</a> [c](javascript:alert(1)) &lt;i&gt;d&lt;/i&gt;</p>');
    expect(markdownHtml('line one\nline two')).toBe('<p>line one<br>\nline two</p>\n');
    expect(markdownText('## **Request** entry, see [the docs](https://x.example/) and `code`')).toBe('Request entry, see the docs and code');
    expect(summary('Gets **all** of your [environments](https://x.example/envs).\nMore.')).toBe('Gets all of your environments.');
    expect(markdownText('&lt;b&gt; plain')).toBe('&lt;b&gt; plain');
  });

  it('takes one site URL as the root of every absolute URL, and refuses others with a stable code', () => {
    expect(siteOrigin('https://mcp-risk.example')).toBe('https://mcp-risk.example/');
    expect(siteOrigin('http://localhost:8080/')).toBe('http://localhost:8080/');
    for (const bad of ['not-a-url', 'ftp://x.example/', 'https://x.example/sub/', 'https://x.example/?q=1', 'https://u:p@x.example/']) {
      expect(() => siteOrigin(bad), bad).toThrow(SiteUrlError);
    }
    const error = (() => { try { return siteOrigin('mailto:a@b'); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(SiteUrlError);
    expect((error as SiteUrlError).code).toBe('SITE_URL_INVALID');
    expect(pageUrl('https://mcp-risk.example/', '/tools/a/b/')).toBe('https://mcp-risk.example/tools/a/b/');
    expect(pageUrl(null, '/tools/a/b/')).toBe('/tools/a/b/');
  });
});

describe('grades', () => {
  it('grades by the riskiest tool, then down for many severe tools and for serious findings', () => {
    expect(gradeServer({ byRisk: { Low: 3 }, tools: 3, seriousFindings: 0 }).letter).toBe('A');
    expect(gradeServer({ byRisk: { Low: 2, High: 1 }, tools: 3, seriousFindings: 0 }).letter).toBe('C');
    expect(gradeServer({ byRisk: { High: 2, Low: 1 }, tools: 3, seriousFindings: 0 }).letter).toBe('D');
    expect(gradeServer({ byRisk: { Critical: 1, Low: 5 }, tools: 6, seriousFindings: 1 }).letter).toBe('F');
    expect(gradeServer({ byRisk: {}, tools: 2, seriousFindings: 0 })).toEqual({ letter: null, reasons: ['No tool is classified yet.'] });
    // text aimed at the model fails a server outright and is the first reason; self-promotion costs a letter
    const poisoned = gradeServer({ byRisk: { Low: 3 }, tools: 3, seriousFindings: 0, poisoning: { severe: 1, medium: 0 } });
    expect(poisoned.letter).toBe('F');
    expect(poisoned.reasons[0]).toMatch(/1 tool carries text aimed at the model/);
    expect(gradeServer({ byRisk: { Low: 3 }, tools: 3, seriousFindings: 0, poisoning: { severe: 0, medium: 2 } }).letter).toBe('B');
  });
});

describe('policy status and client exports', () => {
  const policy = {
    version: '1' as const, default: 'deny' as const, hide: ['drop'],
    tools: { get: {}, post: { limits: [{ counter: 'c', window: 'minute' as const, max: 1, scope: 'grant' }] }, pay: { deny_if: [{ path: 'args.amount', op: 'gt' as const, value: 1 }] } },
  };

  it('says what the policy does to each tool', () => {
    expect(['drop', 'get', 'post', 'pay', 'other', 'constructor'].map((t) => toolStatus(policy, t))).toEqual(['hidden', 'allowed', 'limited', 'conditioned', 'denied', 'denied']);
    expect(validatePolicy(policy).valid).toBe(true);
  });

  it('reads a purpose from a tool name across naming styles and synonyms, and none without a known verb', () => {
    expect(nameWords('getHTTPResponseCode_v2')).toEqual(['get', 'http', 'response', 'code', 'v2']);
    for (const name of ['send_email', 'sendMail', 'email-send', 'send-e-mail']) expect(purposeKey(name), name).toBe('send mail');
    expect(purposeKey('delete_repo')).toBe(purposeKey('removeRepository'));
    expect(purposeKey('list_issues')).toBe(purposeKey('listIssue'));
    expect(purposeKey('list_issues')).not.toBe(purposeKey('search_issues'));
    expect(purposeKey('read_file')).not.toBe(purposeKey('write_file'));
    for (const name of ['fetch', 'frobnicate_widgets', 'x', 'get_a_b_c_d_e_f_g', 'constructor_proto', '__proto__']) expect(purposeKey(name), name).toBeNull();
  });
});

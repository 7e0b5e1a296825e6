// A tool is read through its siblings and its server: call_end beside call_start, say, listen.
import { describe, expect, it } from 'vitest';
import type { ToolDefinition } from '../../db/tool-definition.ts';
import { classifyByName } from './helpers.ts';

const voice: ToolDefinition[] = [
  { name: 'call_start', description: 'Start a live phone call and connect the agent to it.', inputSchema: { type: 'object', properties: { to: { type: 'string', description: 'Phone number to call, E.164' } }, required: ['to'] } },
  { name: 'call_end', description: '' },
  { name: 'call_status', description: 'Status of the current call.' },
  { name: 'converse', description: 'Say something on the call and wait for the reply.', inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] } },
  { name: 'say', inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] } },
  { name: 'listen', description: 'Listen for what the caller says next.' },
];

describe('siblings and server context', () => {
  it('reads call_end (empty description) as Execute on a live-voice-call server, citing siblings', () => {
    const get = classifyByName('voice-agent', voice, 'Live voice calls for AI agents');
    const c = get('call_end');
    expect(c.category).toBe('Execute');
    expect(c.evidence.some((e) => /^sibling tools .*call_start.* suggest a live voice call$/.test(e))).toBe(true);
    expect(c.rationale).toContain('live voice call');
  });

  it('rates make_call Execute/High: a call leaves the system and reaches a person', () => {
    const makeCall: ToolDefinition = {
      name: 'make_call',
      description: 'Place an outbound voice call. Twilio fetches TwiML from the given URL when the callee answers.',
      inputSchema: { type: 'object', properties: { to: { type: 'string', description: 'Destination phone number' }, twimlUrl: { type: 'string', format: 'uri' } }, required: ['to', 'twimlUrl'] },
    };
    const c = classifyByName('twilio-voice', [makeCall, ...voice])('make_call');
    expect([c.category, c.risk]).toEqual(['Execute', 'High']);
    const entry = c.policy.tools.make_call;
    expect(entry.require).toContainEqual({ path: 'args.to', op: 'regex', value: '^\\+[1-9][0-9]{7,14}$' });
    expect(entry.require).toContainEqual({ path: 'args.twimlUrl', op: 'regex', value: '^https://' });
    expect(entry.deny_if?.some((d) => d.path === 'args.twimlUrl')).toBe(true);
  });

  it('keeps status and listening tools Read, and speaking tools Execute', () => {
    const get = classifyByName('voice-agent', voice);
    expect(get('call_status').category).toBe('Read');
    expect(get('listen').category).toBe('Read');
    expect(get('say').category).toBe('Execute');
    expect(get('converse').category).toBe('Execute');
  });

  it('does not read a verb-like namespace as the verb (pay_status on a pay_* server)', () => {
    const tools: ToolDefinition[] = ['pay_status', 'pay_send', 'pay_withdraw', 'pay_tab_list'].map((name) => ({ name, description: '' }));
    const get = classifyByName('agent-pay', tools);
    expect(get('pay_status').category).toBe('Read');
    expect(get('pay_tab_list').category).toBe('Read');
    expect(get('pay_withdraw').category).toBe('Financial');
  });

  it('falls back to the author annotation when name and description say nothing', () => {
    const tools: ToolDefinition[] = [
      { name: 'aks_network_resources', annotations: { readOnlyHint: true } },
      { name: 'az_compute_operations', annotations: { destructiveHint: true } },
    ];
    const get = classifyByName('aks', tools);
    expect(get('aks_network_resources').category).toBe('Read');
    expect(get('az_compute_operations').category).toBe('Destructive');
    expect(get('az_compute_operations').evidence).toContain("name and description are ambiguous, so the author's destructiveHint=true decides");
  });
});

import { describe, expect, it } from 'vitest';
import { attribute } from './attribute';
import type {
  AmbassadorCode,
  AttributableAmbassador,
  AttributionMethod,
  AttributionRules,
  ConversionEvent,
  RejectionReason,
  SetAsideEvidence,
  TrackedClick,
} from './types';

const orderAt = new Date('2025-05-10T12:00:00.000Z');
const hoursBefore = (hours: number) => new Date(orderAt.getTime() - hours * 3_600_000);

const ambassadors: AttributableAmbassador[] = [
  { id: 'amb_jane', email: 'Jane.Doe@gmail.com' },
  { id: 'amb_omar', email: 'omar@example.com' },
  { id: 'amb_noemail', email: null },
];

const codes: AmbassadorCode[] = [
  { code: 'JANE15', ambassadorId: 'amb_jane' },
  { code: 'omar10', ambassadorId: 'amb_omar' },
  { code: 'GONE20', ambassadorId: 'amb_offboarded' },
];

const clicks: TrackedClick[] = [
  { clickId: 'clk_jane', ambassadorId: 'amb_jane', at: hoursBefore(48), isBot: false },
  { clickId: 'clk_omar', ambassadorId: 'amb_omar', at: hoursBefore(24), isBot: false },
  { clickId: 'clk_bot', ambassadorId: 'amb_jane', at: hoursBefore(1), isBot: true },
  { clickId: 'clk_old', ambassadorId: 'amb_jane', at: hoursBefore(30 * 24 + 1), isBot: false },
  { clickId: 'clk_edge', ambassadorId: 'amb_jane', at: hoursBefore(30 * 24), isBot: false },
  { clickId: 'clk_after', ambassadorId: 'amb_jane', at: new Date(orderAt.getTime() + 60_000), isBot: false },
  { clickId: 'clk_gone', ambassadorId: 'amb_offboarded', at: hoursBefore(2), isBot: false },
];

const order = (overrides: Partial<ConversionEvent> = {}): ConversionEvent => ({
  store: 'shopify:conn_1',
  externalOrderId: '820982911946154508',
  occurredAt: orderAt,
  amountMinor: 12_900,
  currency: 'EUR',
  customerEmail: 'customer@example.net',
  codes: [],
  ...overrides,
});

interface Expectation {
  credited?: { ambassadorId: string; method: AttributionMethod; code?: string; clickId?: string };
  rejected?: RejectionReason;
  reason?: RegExp;
  setAside?: Array<Pick<SetAsideEvidence, 'ambassadorId' | 'method' | 'why'>>;
}

describe('attribute', () => {
  const cases: Array<{
    name: string;
    conversion: Partial<ConversionEvent>;
    rules?: Partial<AttributionRules>;
    expected: Expectation;
  }> = [
    {
      name: 'code only',
      conversion: { codes: ['JANE15'] },
      expected: { credited: { ambassadorId: 'amb_jane', method: 'code', code: 'JANE15' }, reason: /JANE15/ },
    },
    {
      name: 'code matches case-insensitively and is shown upper-case',
      conversion: { codes: [' jane15 '] },
      expected: { credited: { ambassadorId: 'amb_jane', method: 'code', code: 'JANE15' } },
    },
    {
      name: 'a code stored lower-case matches one typed upper-case',
      conversion: { codes: ['OMAR10'] },
      expected: { credited: { ambassadorId: 'amb_omar', method: 'code', code: 'OMAR10' } },
    },
    {
      name: 'click only (click id from the pixel or client_reference_id)',
      conversion: { clickId: 'clk_jane' },
      expected: {
        credited: { ambassadorId: 'amb_jane', method: 'click', clickId: 'clk_jane' },
        reason: /2 days before the order/,
      },
    },
    {
      name: 'click only, click id read from the landing URL',
      conversion: { landingUrl: '/products/tee?utm_source=influencer&tclid=clk_omar' },
      expected: { credited: { ambassadorId: 'amb_omar', method: 'click', clickId: 'clk_omar' } },
    },
    {
      name: 'code and click of the same ambassador → both',
      conversion: { codes: ['JANE15'], clickId: 'clk_jane' },
      expected: {
        credited: { ambassadorId: 'amb_jane', method: 'both', code: 'JANE15', clickId: 'clk_jane' },
        reason: /both point to amb_jane/,
        setAside: [],
      },
    },
    {
      name: 'conflict, default precedence: the code wins and the click is set aside',
      conversion: { codes: ['JANE15'], clickId: 'clk_omar' },
      expected: {
        credited: { ambassadorId: 'amb_jane', method: 'code', code: 'JANE15' },
        reason: /gives the code precedence, so amb_jane/,
        setAside: [{ ambassadorId: 'amb_omar', method: 'click', why: 'precedence' }],
      },
    },
    {
      name: 'conflict, click precedence: the click wins and the code is set aside',
      conversion: { codes: ['JANE15'], clickId: 'clk_omar' },
      rules: { precedence: 'click' },
      expected: {
        credited: { ambassadorId: 'amb_omar', method: 'click', clickId: 'clk_omar' },
        reason: /gives the click precedence, so amb_omar/,
        setAside: [{ ambassadorId: 'amb_jane', method: 'code', why: 'precedence' }],
      },
    },
    {
      name: 'bot clicks only never credit',
      conversion: { clickId: 'clk_bot' },
      expected: { rejected: 'bot_click_only', reason: /bot/ },
    },
    {
      name: 'a bot click does not stop a code from crediting',
      conversion: { codes: ['JANE15'], clickId: 'clk_bot' },
      expected: { credited: { ambassadorId: 'amb_jane', method: 'code', code: 'JANE15' } },
    },
    {
      name: 'click older than the window',
      conversion: { clickId: 'clk_old' },
      expected: { rejected: 'outside_window', reason: /more than 30 days before/ },
    },
    {
      name: 'click exactly at the window edge still counts',
      conversion: { clickId: 'clk_edge' },
      expected: { credited: { ambassadorId: 'amb_jane', method: 'click', clickId: 'clk_edge' } },
    },
    {
      name: 'a longer program window admits the older click',
      conversion: { clickId: 'clk_old' },
      rules: { windowDays: 60 },
      expected: { credited: { ambassadorId: 'amb_jane', method: 'click', clickId: 'clk_old' } },
    },
    {
      name: 'click after the order',
      conversion: { clickId: 'clk_after' },
      expected: { rejected: 'outside_window', reason: /after the order/ },
    },
    {
      name: 'self-referral by code (Gmail dots, plus tag and case ignored)',
      conversion: { codes: ['JANE15'], customerEmail: '  janedoe+deals@GoogleMail.com ' },
      expected: { rejected: 'self_referral', reason: /self-referral/ },
    },
    {
      name: 'a self-referral code listed twice is set aside once',
      conversion: { codes: ['JANE15', 'jane15'], clickId: 'clk_omar', customerEmail: 'jane.doe@gmail.com' },
      expected: {
        credited: { ambassadorId: 'amb_omar', method: 'click' },
        setAside: [{ ambassadorId: 'amb_jane', method: 'code', why: 'self_referral' }],
      },
    },
    {
      name: 'self-referral by click',
      conversion: { clickId: 'clk_omar', customerEmail: 'OMAR@example.com' },
      expected: { rejected: 'self_referral' },
    },
    {
      name: 'self-referral evidence set aside, another ambassador’s click still credits',
      conversion: { codes: ['JANE15'], clickId: 'clk_omar', customerEmail: 'jane.doe@gmail.com' },
      expected: {
        credited: { ambassadorId: 'amb_omar', method: 'click', clickId: 'clk_omar' },
        reason: /self-referral/,
        setAside: [{ ambassadorId: 'amb_jane', method: 'code', why: 'self_referral' }],
      },
    },
    {
      name: 'self-referral allowed when the program does not block it',
      conversion: { codes: ['JANE15'], customerEmail: 'jane.doe@gmail.com' },
      rules: { blockSelfReferral: false },
      expected: { credited: { ambassadorId: 'amb_jane', method: 'code' } },
    },
    {
      name: 'dots matter outside Gmail',
      conversion: { codes: ['OMAR10'], customerEmail: 'o.mar@example.com' },
      expected: { credited: { ambassadorId: 'amb_omar', method: 'code' } },
    },
    {
      name: 'unknown code (store-wide promotion)',
      conversion: { codes: ['WELCOME10'] },
      expected: { rejected: 'no_match' },
    },
    {
      name: 'unknown click id',
      conversion: { clickId: 'clk_nobody' },
      expected: { rejected: 'no_match' },
    },
    {
      name: 'nothing at all',
      conversion: {},
      expected: { rejected: 'no_match', reason: /No ambassador code/ },
    },
    {
      name: 'code and click of an ambassador no longer eligible are ignored',
      conversion: { codes: ['GONE20'], clickId: 'clk_gone' },
      expected: { rejected: 'no_match' },
    },
    {
      name: 'multiple codes: a store-wide code alongside the ambassador code',
      conversion: { codes: ['WELCOME10', 'JANE15'] },
      expected: { credited: { ambassadorId: 'amb_jane', method: 'code', code: 'JANE15' }, setAside: [] },
    },
    {
      name: 'multiple ambassador codes: the first listed wins',
      conversion: { codes: ['OMAR10', 'JANE15'] },
      expected: {
        credited: { ambassadorId: 'amb_omar', method: 'code', code: 'OMAR10' },
        setAside: [{ ambassadorId: 'amb_jane', method: 'code', why: 'precedence' }],
      },
    },
    {
      name: 'multiple ambassador codes: the one backed by the click wins',
      conversion: { codes: ['OMAR10', 'JANE15'], clickId: 'clk_jane' },
      expected: {
        credited: { ambassadorId: 'amb_jane', method: 'both', code: 'JANE15', clickId: 'clk_jane' },
        setAside: [{ ambassadorId: 'amb_omar', method: 'code', why: 'precedence' }],
      },
    },
    {
      name: 'the same code twice is one code',
      conversion: { codes: ['JANE15', 'jane15'] },
      expected: { credited: { ambassadorId: 'amb_jane', method: 'code' }, setAside: [] },
    },
    {
      name: 'pixel click id and landing click id differ: the latest valid click wins',
      conversion: { clickId: 'clk_jane', landingUrl: 'https://shop.example.com/?tclid=clk_omar' },
      expected: { credited: { ambassadorId: 'amb_omar', method: 'click', clickId: 'clk_omar' } },
    },
    {
      name: 'no customer email: nothing to compare, the credit stands',
      conversion: { codes: ['JANE15'], customerEmail: null },
      expected: { credited: { ambassadorId: 'amb_jane', method: 'code' } },
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const result = attribute(order(c.conversion), { clicks, codes, ambassadors, rules: c.rules });
      if (c.expected.credited) {
        expect(result.rejected).toBeUndefined();
        expect(result.credited).toMatchObject({
          ambassadorId: c.expected.credited.ambassadorId,
          method: c.expected.credited.method,
        });
        const evidence = result.credited!.evidence;
        if (c.expected.credited.code) expect(evidence.code).toBe(c.expected.credited.code);
        if (c.expected.credited.clickId) expect(evidence.clickId).toBe(c.expected.credited.clickId);
        if (c.expected.reason) expect(result.credited!.reason).toMatch(c.expected.reason);
        if (c.expected.setAside) {
          expect(
            evidence.setAside.map(({ ambassadorId, method, why }) => ({ ambassadorId, method, why })),
          ).toEqual(c.expected.setAside);
        }
      } else {
        expect(result.credited).toBeNull();
        expect(result.rejected?.reason).toBe(c.expected.rejected);
        if (c.expected.reason) expect(result.rejected!.message).toMatch(c.expected.reason);
      }
    });
  }

  it('records the evidence a finance reviewer needs', () => {
    const result = attribute(order({ codes: ['jane15'], clickId: 'clk_jane' }), {
      clicks,
      codes,
      ambassadors,
    });
    expect(result.credited?.evidence).toEqual({
      code: 'JANE15',
      clickId: 'clk_jane',
      clickAt: hoursBefore(48),
      clickAgeDays: 2,
      windowDays: 30,
      precedence: 'code',
      setAside: [],
    });
  });

  it('credits at most one ambassador and does not change its input', () => {
    const conversion = order({ codes: ['OMAR10', 'JANE15'], clickId: 'clk_jane' });
    const frozen = structuredClone(conversion);
    const result = attribute(conversion, { clicks, codes, ambassadors });
    expect(typeof result.credited?.ambassadorId).toBe('string');
    expect(conversion).toEqual(frozen);
  });
});

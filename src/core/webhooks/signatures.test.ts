import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type RawBody,
  type SignatureCheck,
  verifyShopify,
  verifyStripe,
  verifyWooCommerce,
} from './signatures';

// Payloads shaped like the platforms' documented examples; signatures are computed here, as the
// platforms compute them.

const shopifySecret = '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';
// Written out as the raw body: Shopify ids pass 2^53, so they only survive as text.
const shopifyOrder =
  '{"id":820982911946154508,"admin_graphql_api_id":"gid://shopify/Order/820982911946154508",' +
  '"created_at":"2025-05-10T14:00:00+02:00","currency":"EUR","current_total_price":"129.00",' +
  '"customer":{"id":115310627314723954,"email":"zoë@example.com"},' +
  '"discount_codes":[{"code":"JANE15","amount":"19.35","type":"percentage"}],"email":"zoë@example.com",' +
  '"landing_site":"/products/linen-shirt?utm_source=influencer&tclid=clk_7Hq2","name":"#9999",' +
  '"note_attributes":[{"name":"tclid","value":"clk_7Hq2"}],"total_price":"129.00"}';

const wooSecret = 'f8Qz^l2@Wv0&Xk!rBn5t';
const wooOrder = JSON.stringify({
  id: 727,
  parent_id: 0,
  status: 'processing',
  currency: 'USD',
  date_created_gmt: '2025-05-10T12:00:00',
  total: '29.35',
  billing: { first_name: 'John', last_name: 'Doe', email: 'john.doe@example.com' },
  coupon_lines: [{ id: 318, code: 'jane15', discount: '4.50', discount_tax: '0.00' }],
  meta_data: [{ id: 13106, key: '_tclid', value: 'clk_7Hq2' }],
});

const stripeSecret = 'whsec_test_3d8f1a6b0c2e4f7a9b1c3d5e7f9a0b2c';
const stripeEvent = JSON.stringify(
  {
    id: 'evt_1NG8Du2eZvKYlo2CUI79vXWy',
    object: 'event',
    api_version: '2024-06-20',
    created: 1746878400,
    data: {
      object: {
        id: 'cs_test_a1b2c3',
        object: 'checkout.session',
        amount_total: 2000,
        currency: 'usd',
        client_reference_id: 'clk_7Hq2',
        customer_details: { email: 'jenny.rosen@example.com' },
        metadata: {},
        payment_status: 'paid',
        status: 'complete',
        total_details: { amount_discount: 300 },
      },
    },
    livemode: false,
    type: 'checkout.session.completed',
  },
  null,
  2,
);

const base64Hmac = (body: RawBody, secret: string) =>
  createHmac('sha256', secret).update(body).digest('base64');
const stripeV1 = (t: number, body: string, secret = stripeSecret) =>
  createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

/** The same bytes with one byte changed. */
function alterOneByte(body: string): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  bytes[10] = bytes[10]! ^ 0x01;
  return bytes;
}

const ok: SignatureCheck = { ok: true };
const fail = (reason: 'missing' | 'malformed' | 'mismatch' | 'stale'): SignatureCheck => ({
  ok: false,
  reason,
});

describe.each([
  { store: 'Shopify', verify: verifyShopify, body: shopifyOrder, secret: shopifySecret },
  { store: 'WooCommerce', verify: verifyWooCommerce, body: wooOrder, secret: wooSecret },
])('$store signature', ({ verify, body, secret }) => {
  const valid = base64Hmac(body, secret);
  const cases: Array<{
    name: string;
    body?: RawBody;
    header: string | null | undefined;
    secret?: string;
    expected: SignatureCheck;
  }> = [
    { name: 'valid', header: valid, expected: ok },
    { name: 'valid over the raw bytes', body: Buffer.from(body, 'utf8'), header: valid, expected: ok },
    { name: 'valid with surrounding whitespace', header: ` ${valid} `, expected: ok },
    {
      name: 'signed with another secret',
      header: base64Hmac(body, 'another-secret'),
      expected: fail('mismatch'),
    },
    { name: 'body altered by one byte', body: alterOneByte(body), header: valid, expected: fail('mismatch') },
    {
      name: 'body re-serialised (whitespace added)',
      body: JSON.stringify(JSON.parse(body), null, 2),
      header: valid,
      expected: fail('mismatch'),
    },
    { name: 'header absent', header: undefined, expected: fail('missing') },
    { name: 'header null', header: null, expected: fail('missing') },
    { name: 'header empty', header: '', expected: fail('missing') },
    { name: 'header blank', header: '   ', expected: fail('missing') },
    {
      name: 'hex digest instead of base64',
      header: createHmac('sha256', secret).update(body).digest('hex'),
      expected: fail('malformed'),
    },
    { name: 'truncated base64', header: valid.slice(0, 40), expected: fail('malformed') },
    { name: 'not base64 at all', header: 'sha256=deadbeef', expected: fail('malformed') },
    {
      name: 'an empty secret never verifies',
      header: base64Hmac(body, ''),
      secret: '',
      expected: fail('mismatch'),
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      expect(verify(c.body ?? body, c.header, c.secret ?? secret)).toEqual(c.expected);
    });
  }
});

describe('Stripe signature', () => {
  const t = 1746878400;
  const v1 = stripeV1(t, stripeEvent);
  // Stripe also sends a v0 (test-mode scheme) signature, which is ignored.
  const v0 = '6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39';
  const cases: Array<{
    name: string;
    body?: RawBody;
    header: string | null | undefined;
    now?: number;
    tolerance?: number;
    expected: SignatureCheck;
  }> = [
    { name: 'valid', header: `t=${t},v1=${v1}`, expected: ok },
    { name: 'valid alongside a v0 signature', header: `t=${t},v1=${v1},v0=${v0}`, expected: ok },
    {
      name: 'valid over the raw bytes',
      body: Buffer.from(stripeEvent),
      header: `t=${t},v1=${v1}`,
      expected: ok,
    },
    {
      name: 'several v1 while a secret is rolled: the second matches',
      header: `t=${t},v1=${stripeV1(t, stripeEvent, 'whsec_old')},v1=${v1}`,
      expected: ok,
    },
    {
      name: 'several v1, none matches',
      header: `t=${t},v1=${stripeV1(t, stripeEvent, 'whsec_a')},v1=${stripeV1(t, stripeEvent, 'whsec_b')}`,
      expected: fail('mismatch'),
    },
    { name: 'upper-case hex is accepted', header: `t=${t},v1=${v1.toUpperCase()}`, expected: ok },
    { name: 'spaces after commas are tolerated', header: `t=${t}, v1=${v1}`, expected: ok },
    {
      name: 'signed with another secret',
      header: `t=${t},v1=${stripeV1(t, stripeEvent, 'whsec_x')}`,
      expected: fail('mismatch'),
    },
    {
      name: 'body altered by one byte',
      body: alterOneByte(stripeEvent),
      header: `t=${t},v1=${v1}`,
      expected: fail('mismatch'),
    },
    {
      name: 'timestamp changed (signature covers it)',
      header: `t=${t + 1},v1=${v1}`,
      now: t + 1,
      expected: fail('mismatch'),
    },
    { name: 'header absent', header: undefined, expected: fail('missing') },
    { name: 'header empty', header: '', expected: fail('missing') },
    { name: 'no timestamp', header: `v1=${v1}`, expected: fail('malformed') },
    { name: 'no v1 (only v0)', header: `t=${t},v0=${v0}`, expected: fail('malformed') },
    { name: 'non-numeric timestamp', header: `t=soon,v1=${v1}`, expected: fail('malformed') },
    {
      name: 'v1 not a SHA-256 hex digest',
      header: `t=${t},v1=${v1.slice(0, 60)}`,
      expected: fail('malformed'),
    },
    { name: 'not the Stripe format', header: 'sha256=abc', expected: fail('malformed') },
    { name: 'just under the 5-minute tolerance', header: `t=${t},v1=${v1}`, now: t + 300, expected: ok },
    { name: 'stale: older than 5 minutes', header: `t=${t},v1=${v1}`, now: t + 301, expected: fail('stale') },
    {
      name: 'stale: more than 5 minutes in the future',
      header: `t=${t},v1=${v1}`,
      now: t - 301,
      expected: fail('stale'),
    },
    {
      name: 'old and forged is a mismatch, not stale',
      header: `t=${t},v1=${stripeV1(t, stripeEvent, 'whsec_x')}`,
      now: t + 3_600,
      expected: fail('mismatch'),
    },
    {
      name: 'a wider tolerance admits an older delivery',
      header: `t=${t},v1=${v1}`,
      now: t + 600,
      tolerance: 900,
      expected: ok,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      expect(
        verifyStripe(c.body ?? stripeEvent, c.header, stripeSecret, c.now ?? t + 5, c.tolerance),
      ).toEqual(c.expected);
    });
  }

  it('an empty secret never verifies', () => {
    expect(verifyStripe(stripeEvent, `t=${t},v1=${stripeV1(t, stripeEvent, '')}`, '', t)).toEqual(
      fail('mismatch'),
    );
  });
});

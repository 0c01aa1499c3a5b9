// Verifies the signatures stores put on their webhook deliveries, over the raw body exactly as received
// (re-serialised JSON would not match). Pure: the caller passes the clock.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' | 'stale' };

export type RawBody = string | Uint8Array;

/** Stripe's recommended tolerance between the signed timestamp and now. */
export const stripeToleranceSeconds = 300;

const base64Sha256 = /^[A-Za-z0-9+/]{43}=$/;
const hexSha256 = /^[0-9a-f]{64}$/;

/**
 * Shopify: `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the raw body keyed with the app's
 * client secret.
 * @example verifyShopify(rawBody, request.header('x-shopify-hmac-sha256'), secret) // { ok: true }
 */
export function verifyShopify(
  rawBody: RawBody,
  header: string | null | undefined,
  secret: string,
): SignatureCheck {
  return verifyBase64Hmac(rawBody, header, secret);
}

/**
 * WooCommerce: `X-WC-Webhook-Signature` is the base64 HMAC-SHA256 of the raw body keyed with the
 * webhook's secret. (WooCommerce HTML-decodes the secret it stores before signing, so pass the secret as
 * the shop owner typed it.)
 * @example verifyWooCommerce(rawBody, request.header('x-wc-webhook-signature'), secret) // { ok: true }
 */
export function verifyWooCommerce(
  rawBody: RawBody,
  header: string | null | undefined,
  secret: string,
): SignatureCheck {
  return verifyBase64Hmac(rawBody, header, secret);
}

/**
 * Stripe: `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…][,v0=…]`; each `v1` is the hex
 * HMAC-SHA256 of `${t}.${rawBody}` keyed with the endpoint's signing secret (`whsec_…`, used as is).
 * Any matching `v1` passes (Stripe sends several while a secret is being rolled); other schemes are
 * ignored. The signature is checked before the age, so only a genuine but old delivery is `stale`; the
 * age counts both ways (a timestamp more than the tolerance in the future is stale too).
 * @example verifyStripe(rawBody, request.header('stripe-signature'), secret, Math.floor(Date.now() / 1000))
 */
export function verifyStripe(
  rawBody: RawBody,
  header: string | null | undefined,
  secret: string,
  nowSeconds: number,
  toleranceSeconds = stripeToleranceSeconds,
): SignatureCheck {
  if (!header?.trim()) return { ok: false, reason: 'missing' };
  let timestamp: string | undefined;
  const signatures: Buffer[] = [];
  for (const item of header.split(',')) {
    const at = item.indexOf('=');
    if (at === -1) continue;
    const key = item.slice(0, at).trim();
    const value = item.slice(at + 1).trim();
    if (key === 't' && timestamp === undefined) timestamp = value;
    else if (key === 'v1' && hexSha256.test(value.toLowerCase())) signatures.push(Buffer.from(value, 'hex'));
  }
  if (!timestamp || !/^\d{1,15}$/.test(timestamp) || signatures.length === 0) {
    return { ok: false, reason: 'malformed' };
  }
  if (!secret) return { ok: false, reason: 'mismatch' };
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  // Compare against every candidate so the time taken does not depend on which one matched.
  let matched = false;
  for (const signature of signatures) matched = timingSafeEqual(signature, expected) || matched;
  if (!matched) return { ok: false, reason: 'mismatch' };
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return { ok: false, reason: 'stale' };
  return { ok: true };
}

function verifyBase64Hmac(
  rawBody: RawBody,
  header: string | null | undefined,
  secret: string,
): SignatureCheck {
  const value = header?.trim();
  if (!value) return { ok: false, reason: 'missing' };
  if (!base64Sha256.test(value)) return { ok: false, reason: 'malformed' };
  // An empty secret would make the signature computable by anyone: never accept it.
  if (!secret) return { ok: false, reason: 'mismatch' };
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(value, 'base64'), expected)
    ? { ok: true }
    : { ok: false, reason: 'mismatch' };
}

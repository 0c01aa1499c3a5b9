// Signed sample deliveries for the "test delivery" button: the shape each store sends, with the test topic,
// signed with the connection's own secret exactly as the store would sign it.
import { createHmac } from 'node:crypto';
import { testTopics, type WebhookKind } from './webhooks';

export interface SampleDelivery {
  headers: Record<string, string>;
  rawBody: string;
}

const sampleOrder = {
  shopify: {
    id: 9_007_199_254_740_993n.toString(),
    email: 'test.customer@example.com',
    created_at: '2026-01-15T10:30:00-05:00',
    currency: 'USD',
    total_price: '49.00',
    discount_codes: [{ code: 'TESTCODE', amount: '5.00', type: 'fixed_amount' }],
    landing_site: '/?utm_source=troupe&tclid=test',
    referring_site: 'https://www.instagram.com/',
    note_attributes: [],
  },
  woocommerce: {
    id: 1001,
    status: 'processing',
    currency: 'EUR',
    date_created_gmt: '2026-01-15T15:30:00',
    total: '49.00',
    billing: { email: 'test.customer@example.com' },
    coupon_lines: [{ id: 1, code: 'testcode', discount: '5.00' }],
    meta_data: [],
    refunds: [],
  },
};

/** A test delivery for a connection of `kind`, signed with `secret` (Stripe's timestamp is `now`). */
export function buildSampleDelivery(kind: WebhookKind, secret: string, now: Date): SampleDelivery {
  const hmac = (text: string) => createHmac('sha256', secret).update(text);
  switch (kind) {
    case 'shopify': {
      // The id is written as a bare integer past 2^53, as Shopify writes it.
      const rawBody = JSON.stringify(sampleOrder.shopify).replace(
        `"id":"${sampleOrder.shopify.id}"`,
        `"id":${sampleOrder.shopify.id}`,
      );
      return {
        rawBody,
        headers: {
          'content-type': 'application/json',
          'x-shopify-topic': testTopics.shopify,
          'x-shopify-hmac-sha256': hmac(rawBody).digest('base64'),
          'x-shopify-webhook-id': `test-${now.getTime()}`,
        },
      };
    }
    case 'woocommerce': {
      const rawBody = JSON.stringify(sampleOrder.woocommerce);
      return {
        rawBody,
        headers: {
          'content-type': 'application/json',
          'x-wc-webhook-topic': testTopics.woocommerce,
          'x-wc-webhook-signature': hmac(rawBody).digest('base64'),
          'x-wc-webhook-delivery-id': `test-${now.getTime()}`,
        },
      };
    }
    case 'stripe': {
      const t = Math.floor(now.getTime() / 1000);
      const rawBody = JSON.stringify({
        id: `evt_test_${now.getTime()}`,
        object: 'event',
        type: testTopics.stripe,
        created: t,
        data: {
          object: {
            id: 'cs_test_sample',
            object: 'checkout.session',
            created: t,
            amount_total: 4900,
            currency: 'usd',
            client_reference_id: 'test',
            customer_details: { email: 'test.customer@example.com' },
            metadata: { discount_code: 'TESTCODE' },
            payment_intent: 'pi_test_sample',
            payment_status: 'paid',
          },
        },
      });
      return {
        rawBody,
        headers: {
          'content-type': 'application/json',
          'stripe-signature': `t=${t},v1=${hmac(`${t}.${rawBody}`).digest('hex')}`,
        },
      };
    }
  }
}

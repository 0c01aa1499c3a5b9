// A small client for the Shopify REST Admin API (2024-10): a percentage price rule with one discount code
// per ambassador code, and removing it again when the code is rotated. Fixtures of the documented
// responses are in ./fixtures/shopify/. Responses are read with parseJsonLossless: Shopify's ids pass 2^53,
// and a rounded price rule id would make a later DELETE remove someone else's discount.
import { AppError } from '../../lib/app-error';
import { parseJsonLossless } from '../conversions/webhook-payloads';

export const shopifyApiVersion = '2024-10';

/** A shop's own admin domain; anything else would send the admin token to a stranger. */
export const shopDomainPattern = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export interface ShopifyAdminOptions {
  shopDomain: string;
  adminToken: string;
  /** Default `https://<shopDomain>`; tests point it at a local server. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Waits before retrying a 429; tests pass a fast one. */
  sleep?: (ms: number) => Promise<void>;
  /** A 429 asking to wait longer than this is reported instead of retried. */
  maxRetryWaitMs?: number;
}

export interface ShopifyDiscountRef {
  priceRuleId: string;
  discountCodeId: string;
}

interface ShopifyErrorBody {
  errors?: unknown;
  error?: unknown;
}

/** Shopify's `errors` as one sentence: a string, a list, or `{field: [messages]}`. */
export function describeShopifyErrors(body: unknown): string {
  const errors = (body as ShopifyErrorBody | null)?.errors ?? (body as ShopifyErrorBody | null)?.error;
  if (typeof errors === 'string') return errors;
  if (Array.isArray(errors)) return errors.map(String).join('; ');
  if (errors && typeof errors === 'object') {
    return Object.entries(errors as Record<string, unknown>)
      .map(([field, messages]) =>
        field === 'base'
          ? [messages].flat().map(String).join('; ')
          : `${field} ${[messages].flat().map(String).join(', ')}`,
      )
      .join('; ');
  }
  return 'no details given';
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ShopifyAdminClient {
  private readonly base: string;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxRetryWaitMs: number;

  constructor(private readonly options: ShopifyAdminOptions) {
    if (!options.baseUrl && !shopDomainPattern.test(options.shopDomain)) {
      throw new AppError(
        'validation_failed',
        `The Shopify connection's shop domain "${options.shopDomain}" is not a *.myshopify.com address.`,
        { problems: [{ field: 'shopDomain', message: 'must be your-shop.myshopify.com' }] },
      );
    }
    this.base = (options.baseUrl ?? `https://${options.shopDomain}`).replace(/\/$/, '');
    this.fetchImpl = options.fetch ?? fetch;
    this.sleep = options.sleep ?? defaultSleep;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 5000;
  }

  private async call(method: string, path: string, body?: unknown, attempt = 0): Promise<unknown> {
    const url = `${this.base}/admin/api/${shopifyApiVersion}${path}`;
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        method,
        headers: {
          'X-Shopify-Access-Token': this.options.adminToken,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new AppError(
        'bad_request',
        `Could not reach Shopify (${this.options.shopDomain}): ${(error as Error).message}. The code is kept in Troupe; try again later.`,
        { cause: error },
      );
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? parseJsonLossless(text) : null;
    } catch {
      parsed = { errors: text.slice(0, 200) };
    }
    if (res.ok) return parsed;
    const shop = this.options.shopDomain;
    if (res.status === 429) {
      const waitMs = Math.ceil(Number.parseFloat(res.headers.get('retry-after') ?? '2') * 1000) || 2000;
      if (attempt < 2 && waitMs <= this.maxRetryWaitMs) {
        await this.sleep(waitMs);
        return this.call(method, path, body, attempt + 1);
      }
      throw new AppError(
        'rate_limited',
        `Shopify is rate-limiting requests to ${shop}; try again in ${Math.ceil(waitMs / 1000)} seconds.`,
        { extra: { retryAfterSeconds: Math.ceil(waitMs / 1000) } },
      );
    }
    if (res.status === 401 || res.status === 403) {
      throw new AppError(
        'bad_request',
        `Shopify refused the Admin API token of ${shop} (${res.status}: ${describeShopifyErrors(parsed)}). Check the token and that the app has the write_price_rules scope.`,
      );
    }
    if (res.status === 422) {
      throw new AppError('validation_failed', `Shopify refused it: ${describeShopifyErrors(parsed)}.`, {
        problems: [{ field: 'code', message: `Shopify: ${describeShopifyErrors(parsed)}` }],
      });
    }
    throw new AppError(
      'bad_request',
      `Shopify answered ${res.status} for ${shop}: ${describeShopifyErrors(parsed)}. The code is kept in Troupe; try again later.`,
    );
  }

  /**
   * Creates a price rule taking `percent` % off every order for everyone, then its discount code. If the
   * code is refused, the price rule is deleted again so the shop is left as it was.
   */
  async createPercentageCode(input: {
    code: string;
    percent: number;
    title?: string;
  }): Promise<ShopifyDiscountRef> {
    const rule = (await this.call('POST', '/price_rules.json', {
      price_rule: {
        title: input.title ?? input.code,
        target_type: 'line_item',
        target_selection: 'all',
        allocation_method: 'across',
        value_type: 'percentage',
        value: `-${input.percent.toFixed(1)}`,
        customer_selection: 'all',
        starts_at: new Date().toISOString(),
      },
    })) as { price_rule?: { id?: number | string } };
    const priceRuleId = rule?.price_rule?.id;
    if (priceRuleId === undefined)
      throw new AppError('bad_request', 'Shopify answered without a price rule id.');
    try {
      const created = (await this.call('POST', `/price_rules/${priceRuleId}/discount_codes.json`, {
        discount_code: { code: input.code },
      })) as { discount_code?: { id?: number | string } };
      const discountCodeId = created?.discount_code?.id;
      if (discountCodeId === undefined)
        throw new AppError('bad_request', 'Shopify answered without a discount code id.');
      return { priceRuleId: String(priceRuleId), discountCodeId: String(discountCodeId) };
    } catch (error) {
      await this.deletePriceRule(String(priceRuleId)).catch(() => undefined);
      throw error;
    }
  }

  /** Deletes a price rule (and with it its discount codes), so a rotated code stops working in the shop. */
  async deletePriceRule(priceRuleId: string): Promise<void> {
    await this.call('DELETE', `/price_rules/${encodeURIComponent(priceRuleId)}.json`);
  }
}

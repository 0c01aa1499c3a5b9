// Money as stores report it (decimal strings in the currency's major unit) turned into integer minor units.

const digitsCache = new Map<string, number>();

/** How many minor digits an ISO 4217 currency has (USD 2, JPY 0, KWD 3), from the runtime's ICU data. */
export function minorDigits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits as number;
    } catch {
      digits = 2;
    }
    digitsCache.set(code, digits);
  }
  return digits;
}

/**
 * A decimal amount such as `"49.90"` (or a number) in minor units of `currency`, exactly (no floating
 * point): extra digits beyond the currency's precision are refused, not rounded. Null when not a
 * non-negative decimal. A leading minus is dropped (WooCommerce writes refund totals as `"-10.00"`).
 * @example toMinorUnits('49.9', 'USD') // 4990
 */
export function toMinorUnits(
  amount: string | number,
  currency: string,
  allowNegative = false,
): number | null {
  let text = typeof amount === 'number' ? String(amount) : amount.trim();
  if (allowNegative && text.startsWith('-')) text = text.slice(1);
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const digits = minorDigits(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return null;
  const value = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(value) ? value : null;
}

/** Minor units as a decimal string for exports: `4990, 'USD'` → `"49.90"`. */
export function fromMinorUnits(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amountMinor);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

// Formatting of numbers, money and dates for display (the browser's locale, English fallback).

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat(undefined);

/** 12345 → "12.3K"; null → "—". */
export function formatCompact(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : compact.format(n);
}

/** 12345 → "12,345"; null → "—". */
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : whole.format(n);
}

/** A count with its noun: `formatCount(1, 'order')` → "1 order", `formatCount(1200, 'order')` → "1,200 orders". */
export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

/** How many minor units a currency has (USD 2, JPY 0); 2 when the code is unknown. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

export function majorToMinor(major: number, currency: string): number {
  return Math.round(major * 10 ** minorDigits(currency));
}

export function minorToMajor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/** 123450, "USD" → "$1,234.50". */
export function formatMoney(minor: number | null, currency: string): string {
  if (minor === null) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(
      minorToMajor(minor, currency),
    );
  } catch {
    return `${minorToMajor(minor, currency)} ${currency}`;
  }
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso));
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "3 minutes ago", "yesterday", "just now". */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

// Content cadence (B6): what a program asks of each ambassador per month and format, against what they
// published. Pure: the caller passes the month, "today" and the published pieces.

/** One line of a program's cadence: `perMonth` pieces of `format` a month. */
export interface CadenceRequirement<F extends string = string> {
  format: F;
  perMonth: number;
}

/** A published piece: who, which format, when (UTC). */
export interface PublishedPiece<F extends string = string> {
  ambassadorId: string;
  format: F;
  publishedAt: Date;
}

/**
 * - `met`: delivered at least the monthly requirement.
 * - `on_track`: not yet met, but at least the pieces already due by today (see `expectedByNow`).
 * - `behind`: fewer pieces than are due by today; for a past month, fewer than required.
 */
export type CadenceStatus = 'met' | 'on_track' | 'behind';

export interface FormatCadence<F extends string = string> {
  format: F;
  required: number;
  delivered: number;
  /**
   * Pieces due by today: floor(required × elapsed days ÷ days in the month), today counting as elapsed.
   * Rounded down, so nobody is behind for a piece only partly due. A past month: `required`; a future one: 0.
   */
  expectedByNow: number;
  status: CadenceStatus;
}

export interface AmbassadorCadence<F extends string = string> {
  ambassadorId: string;
  formats: FormatCadence<F>[];
  /** The worst of its formats' statuses (behind < on_track < met); `met` when nothing is required. */
  status: CadenceStatus;
  required: number;
  delivered: number;
  /** Pieces still to deliver this month across required formats (never negative). */
  remaining: number;
}

export interface CadenceReport<F extends string = string> {
  month: string;
  /** `past`, `current` or `future` relative to `today`. */
  period: 'past' | 'current' | 'future';
  daysInMonth: number;
  /** Days of the month elapsed by today, today included (0 for a future month, all for a past one). */
  elapsedDays: number;
  ambassadors: AmbassadorCadence<F>[];
  /** Per format: every ambassador's requirement and deliveries added up. */
  cohort: FormatCadence<F>[];
  /** Ambassadors whose status is `behind`, most pieces remaining first. */
  behind: AmbassadorCadence<F>[];
}

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a month written `YYYY-MM`. */
export function isMonth(value: string): boolean {
  return monthPattern.test(value);
}

/** The `YYYY-MM` month (UTC) a moment falls in. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The first moment of the month and of the next one (UTC), for range queries. */
export function monthBounds(month: string): { start: Date; end: Date } {
  const match = monthPattern.exec(month);
  if (!match) throw new Error(`not a month: ${month}`);
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return { start: new Date(Date.UTC(year, index, 1)), end: new Date(Date.UTC(year, index + 1, 1)) };
}

/** Days in a `YYYY-MM` month. */
export function daysInMonth(month: string): number {
  const { start, end } = monthBounds(month);
  return Math.round((end.getTime() - start.getTime()) / 86_400_000);
}

/** Whole days from `today` (UTC) to the month's last day: 0 on the last day. */
export function daysLeftInMonth(today: Date): number {
  const month = monthOf(today);
  return daysInMonth(month) - today.getUTCDate();
}

const rank: Record<CadenceStatus, number> = { behind: 0, on_track: 1, met: 2 };

function statusOf(required: number, delivered: number, expectedByNow: number): CadenceStatus {
  if (delivered >= required) return 'met';
  return delivered >= expectedByNow ? 'on_track' : 'behind';
}

/**
 * Compares each ambassador's published pieces in `month` with the requirement. Pieces outside the month
 * or of other ambassadors are ignored; formats delivered but not required are listed with `required: 0`.
 */
export function computeCadence<F extends string>(input: {
  month: string;
  today: Date;
  requirement: readonly CadenceRequirement<F>[];
  ambassadorIds: readonly string[];
  published: readonly PublishedPiece<F>[];
}): CadenceReport<F> {
  const { start, end } = monthBounds(input.month);
  const days = daysInMonth(input.month);
  const period =
    input.today.getTime() >= end.getTime()
      ? 'past'
      : input.today.getTime() < start.getTime()
        ? 'future'
        : 'current';
  const elapsedDays = period === 'past' ? days : period === 'future' ? 0 : input.today.getUTCDate();

  const required = new Map<F, number>();
  for (const r of input.requirement) required.set(r.format, (required.get(r.format) ?? 0) + r.perMonth);

  const members = new Set(input.ambassadorIds);
  const delivered = new Map<string, Map<F, number>>();
  for (const piece of input.published) {
    const t = piece.publishedAt.getTime();
    if (!members.has(piece.ambassadorId) || t < start.getTime() || t >= end.getTime()) continue;
    const counts = delivered.get(piece.ambassadorId) ?? new Map<F, number>();
    counts.set(piece.format, (counts.get(piece.format) ?? 0) + 1);
    delivered.set(piece.ambassadorId, counts);
  }

  const formatsInOrder: F[] = [...required.keys()];
  for (const counts of delivered.values())
    for (const format of counts.keys()) if (!formatsInOrder.includes(format)) formatsInOrder.push(format);

  const ambassadors = [...members].map((ambassadorId): AmbassadorCadence<F> => {
    const counts = delivered.get(ambassadorId);
    const formats = formatsInOrder.map((format): FormatCadence<F> => {
      const need = required.get(format) ?? 0;
      const got = counts?.get(format) ?? 0;
      const expectedByNow = Math.floor((need * elapsedDays) / days);
      return {
        format,
        required: need,
        delivered: got,
        expectedByNow,
        status: statusOf(need, got, expectedByNow),
      };
    });
    const status = formats.reduce<CadenceStatus>(
      (worst, f) => (rank[f.status] < rank[worst] ? f.status : worst),
      'met',
    );
    return {
      ambassadorId,
      formats,
      status,
      required: formats.reduce((sum, f) => sum + f.required, 0),
      delivered: formats.reduce((sum, f) => sum + f.delivered, 0),
      remaining: formats.reduce((sum, f) => sum + Math.max(0, f.required - f.delivered), 0),
    };
  });

  const cohort = formatsInOrder.map((format): FormatCadence<F> => {
    const lines = ambassadors.map((a) => a.formats.find((f) => f.format === format)!);
    const need = lines.reduce((sum, f) => sum + f.required, 0);
    const got = lines.reduce((sum, f) => sum + f.delivered, 0);
    const expectedByNow = lines.reduce((sum, f) => sum + f.expectedByNow, 0);
    return {
      format,
      required: need,
      delivered: got,
      expectedByNow,
      status: statusOf(need, got, expectedByNow),
    };
  });

  const behind = ambassadors
    .filter((a) => a.status === 'behind')
    .sort((a, b) => b.remaining - a.remaining || a.ambassadorId.localeCompare(b.ambassadorId));
  return { month: input.month, period, daysInMonth: days, elapsedDays, ambassadors, cohort, behind };
}

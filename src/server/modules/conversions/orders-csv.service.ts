// CSV import of orders into a store connection (T3): past orders, or a store without webhooks. Rows are
// checked whole first and named by line and column; with onError=abort nothing is written while any row is
// bad. The import goes through the same ingest as webhooks, so re-importing a file adds nothing.
import type { Db } from '../../db/client';
import { AppError, zodProblems } from '../../lib/app-error';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { escapedFormulaStart, parseCsv } from '../people/creator-csv.service';
import { type ApiOrder, apiOrderSchema, type OrderImportResult } from './conversions.contract';
import { ingestOrders } from './ingest.service';
import { apiOrderToInput, getConnectionOrThrow } from './orders.service';

export const orderCsvColumns = [
  'order_id',
  'occurred_at',
  'amount',
  'currency',
  'customer_email',
  'codes',
  'click_id',
  'landing_url',
  'referrer_url',
] as const;
/** Written by the conversions export; an import ignores them, so an export re-imports. */
const exportOnlyColumns = [
  'connection',
  'ambassador',
  'method',
  'credited_amount',
  'refunded_amount',
  'cancelled_at',
  'rejected_reason',
  'reason',
] as const;

/** The CSV column each API field comes from, to name it in errors. */
const columnOf: Record<string, string> = {
  externalId: 'order_id',
  occurredAt: 'occurred_at',
  amount: 'amount',
  currency: 'currency',
  customerEmail: 'customer_email',
  codes: 'codes',
  clickId: 'click_id',
  landingUrl: 'landing_url',
  referrerUrl: 'referrer_url',
};

function validateOrderCsv(text: string) {
  const records = parseCsv(text);
  const headerRecord = records.shift();
  const errors: OrderImportResult['errors'] = [];
  const rows: Array<{ line: number; order: ApiOrder }> = [];
  if (!headerRecord) {
    throw new AppError(
      'validation_failed',
      `The file is empty: expected a header row (${orderCsvColumns.join(', ')}).`,
    );
  }
  const header = headerRecord.cells.map((h) => h.trim().toLowerCase());
  const known: readonly string[] = [...orderCsvColumns, ...exportOnlyColumns];
  const unknown = header.filter((h) => !known.includes(h));
  const missing = ['order_id', 'occurred_at', 'amount', 'currency'].filter((c) => !header.includes(c));
  if (unknown.length > 0 || missing.length > 0) {
    const problems = [
      unknown.length > 0 ? `unknown column ${unknown.map((c) => `"${c}"`).join(', ')}` : '',
      missing.length > 0 ? `missing column ${missing.map((c) => `"${c}"`).join(', ')}` : '',
    ].filter(Boolean);
    errors.push({
      line: headerRecord.line,
      field: 'header',
      message: `${problems.join('; ')}. Expected columns: ${orderCsvColumns.join(', ')}.`,
    });
    return { rows, errors, total: records.length };
  }
  for (const { line, cells } of records) {
    if (cells.length > header.length) {
      errors.push({
        line,
        field: 'row',
        message: `has ${cells.length} cells but the header has ${header.length}`,
      });
      continue;
    }
    const get = (column: string) => {
      const i = header.indexOf(column);
      const value = i >= 0 ? (cells[i] ?? '').replace(escapedFormulaStart, '').trim() : '';
      return value === '' ? undefined : value;
    };
    const parsed = apiOrderSchema.safeParse({
      externalId: get('order_id') ?? '',
      occurredAt: get('occurred_at') ?? '',
      amount: get('amount') ?? '',
      currency: get('currency') ?? '',
      customerEmail: get('customer_email') ?? null,
      codes: (get('codes') ?? '').split(/[\s,;]+/).filter(Boolean),
      clickId: get('click_id') ?? null,
      landingUrl: get('landing_url') ?? null,
      referrerUrl: get('referrer_url') ?? null,
    });
    if (parsed.success) rows.push({ line, order: parsed.data });
    else {
      for (const p of zodProblems(parsed.error)) {
        const [first, ...rest] = p.field.split('.');
        const column = columnOf[first ?? ''] ?? first ?? 'row';
        errors.push({ line, field: [column, ...rest].join('.'), message: p.message });
      }
    }
  }
  return { rows, errors, total: records.length };
}

class DryRunRollback extends Error {
  constructor(readonly counts: { created: number; duplicates: number; credited: number }) {
    super('dry run');
  }
}

/**
 * Imports orders from CSV into a connection, attributed like any other order. A dry run does the whole
 * import in a transaction it then rolls back, so its counts are exactly what the import would do.
 */
export async function importOrdersCsv(
  db: Db,
  scope: WorkspaceScope,
  connectionId: string,
  text: string,
  options: { onError: 'abort' | 'skip'; dryRun: boolean },
): Promise<OrderImportResult> {
  const connection = await getConnectionOrThrow(db, scope, connectionId);
  if (connection.kind === 'pixel') {
    throw new AppError(
      'validation_failed',
      'Orders from a file cannot go into a pixel connection: its orders count as unverified. Import into a connection of kind “CSV import” or into the store’s own connection.',
      { problems: [{ field: 'connection', message: 'is a pixel connection' }] },
    );
  }
  const { rows, errors, total } = validateOrderCsv(text);
  const base: OrderImportResult = {
    totalRows: total,
    created: 0,
    duplicates: 0,
    credited: 0,
    skipped: total - rows.length,
    written: false,
    dryRun: options.dryRun,
    errors,
  };
  // A check (dry run) counts the good rows even when bad ones would stop the import: it says what
  // importing without the bad rows would do.
  if (
    errors.some((e) => e.field === 'header') ||
    (errors.length > 0 && options.onError === 'abort' && !options.dryRun) ||
    rows.length === 0
  ) {
    return base;
  }
  try {
    const counts = await db.transaction(async (tx) => {
      const result = { created: 0, duplicates: 0, credited: 0 };
      for (let i = 0; i < rows.length; i += 1_000) {
        const batch = await ingestOrders(
          tx,
          connection,
          rows.slice(i, i + 1_000).map((r) => apiOrderToInput(r.order)),
        );
        result.created += batch.created;
        result.duplicates += batch.duplicates;
        result.credited += batch.results.filter((r) => r.outcome === 'created' && r.ambassadorId).length;
      }
      await recordAudit(tx, scope, {
        action: 'orders.imported',
        entityType: 'store_connection',
        entityId: connection.id,
        after: { ...result, skipped: base.skipped },
      });
      if (options.dryRun) throw new DryRunRollback(result);
      return result;
    });
    return { ...base, ...counts, written: true };
  } catch (error) {
    if (error instanceof DryRunRollback) return { ...base, ...error.counts };
    throw error;
  }
}

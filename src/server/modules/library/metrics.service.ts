// Metrics snapshots of published posts (B5): entered by hand, or imported by CSV (matched by submission id
// or post URL). A CSV with a bad row writes nothing unless the caller chose to skip bad rows.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError, notFound, validationError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { submission } from '../content/content.schema';
import { escapedFormulaStart, parseCsv } from '../people/creator-csv.service';
import type { ImportRowError } from '../people/people.contract';
import {
  type MetricField,
  type MetricsImportResult,
  type MetricsInput,
  type MetricsSnapshot,
  metricFields,
} from './library.contract';
import { postMetrics } from './library.schema';
import { metricsBySubmission } from './library-data';
import { checkPostUrl } from './post-url';

export const metricsCsvColumns = ['post_url', 'submission_id', 'captured_at', ...metricFields] as const;

async function getPublishedOrThrow(db: Db, scope: WorkspaceScope, submissionId: string) {
  const [s] = await db
    .select({ id: submission.id, status: submission.status, creatorId: submission.creatorId })
    .from(submission)
    .where(and(eq(submission.workspaceId, scope.workspaceId), eq(submission.id, submissionId)));
  if (!s) throw notFound('submission', submissionId);
  if (s.status !== 'published')
    throw new AppError('conflict', 'Record the post URL first: metrics belong to a published post.');
  return s;
}

/** Adds one snapshot entered by hand; `capturedAt` defaults to now and may not be in the future. */
export async function addMetricsSnapshot(
  db: Db,
  scope: WorkspaceScope,
  submissionId: string,
  input: MetricsInput,
  now = new Date(),
): Promise<MetricsSnapshot> {
  const s = await getPublishedOrThrow(db, scope, submissionId);
  const capturedAt = input.capturedAt ? new Date(input.capturedAt) : now;
  if (capturedAt.getTime() > now.getTime() + 5 * 60_000)
    throw validationError([{ field: 'capturedAt', message: 'must not be in the future' }]);
  const values = Object.fromEntries(metricFields.map((f) => [f, input[f] ?? null])) as Record<
    MetricField,
    number | null
  >;
  const id = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(postMetrics)
      .where(and(eq(postMetrics.submissionId, s.id), eq(postMetrics.capturedAt, capturedAt)));
    // One snapshot per post and moment: entering the same moment again corrects it.
    const [row] = await tx
      .insert(postMetrics)
      .values({
        id: newId('postMetrics'),
        workspaceId: scope.workspaceId,
        submissionId: s.id,
        capturedAt,
        ...values,
        source: 'manual',
      })
      .onConflictDoUpdate({
        target: [postMetrics.submissionId, postMetrics.capturedAt],
        set: { ...values, source: 'manual' },
      })
      .returning({ id: postMetrics.id });
    await recordAudit(tx, scope, {
      action: 'submission.metrics_recorded',
      entityType: 'submission',
      entityId: s.id,
      creatorId: s.creatorId,
      ...(existing
        ? {
            before: {
              capturedAt: existing.capturedAt.toISOString(),
              ...Object.fromEntries(metricFields.map((f) => [f, existing[f]])),
            },
          }
        : {}),
      after: { capturedAt: capturedAt.toISOString(), ...values },
    });
    return row!.id;
  });
  const list = await listMetrics(db, scope, s.id);
  return list.find((m) => m.id === id)!;
}

/** A submission's snapshots, oldest first. */
export async function listMetrics(db: Db, scope: WorkspaceScope, submissionId: string) {
  const [s] = await db
    .select({ id: submission.id })
    .from(submission)
    .where(and(eq(submission.workspaceId, scope.workspaceId), eq(submission.id, submissionId)));
  if (!s) throw notFound('submission', submissionId);
  return (await metricsBySubmission(db, scope.workspaceId, [s.id])).get(s.id) ?? [];
}

interface MetricsRow {
  line: number;
  submissionId: string;
  capturedAt: Date;
  values: Record<MetricField, number | null>;
}

/**
 * Imports snapshots from CSV. Columns (header case-insensitive): post_url or submission_id, captured_at
 * (ISO date or date-time), likes, comments, shares, saves, views, reach (non-negative whole numbers, at
 * least one per row). Rows name a published submission of the workspace.
 */
export async function importMetricsCsv(
  db: Db,
  scope: WorkspaceScope,
  text: string,
  options: { onError: 'abort' | 'skip'; dryRun: boolean },
  now = new Date(),
): Promise<MetricsImportResult> {
  const records = parseCsv(text);
  const headerRecord = records.shift();
  if (!headerRecord)
    throw new AppError(
      'validation_failed',
      `The file is empty: expected a header row (${metricsCsvColumns.join(', ')}).`,
    );
  const header = headerRecord.cells.map((h) => h.trim().toLowerCase());
  const errors: ImportRowError[] = [];
  const unknown = header.filter((h) => !(metricsCsvColumns as readonly string[]).includes(h));
  const missing = [
    ...(!header.includes('post_url') && !header.includes('submission_id')
      ? ['post_url or submission_id']
      : []),
    ...(!header.includes('captured_at') ? ['captured_at'] : []),
  ];
  const base = {
    totalRows: records.length,
    imported: 0,
    updated: 0,
    skipped: records.length,
    written: false,
    dryRun: options.dryRun,
    errors,
  };
  if (unknown.length > 0 || missing.length > 0) {
    const parts = [
      ...(unknown.length > 0 ? [`unknown column ${unknown.map((c) => `"${c}"`).join(', ')}`] : []),
      ...(missing.length > 0 ? [`missing column ${missing.join(', ')}`] : []),
    ];
    errors.push({
      line: headerRecord.line,
      field: 'header',
      message: `${parts.join('; ')}. Expected columns: ${metricsCsvColumns.join(', ')}.`,
    });
    return base;
  }

  // Every submission a row may name, looked up once.
  const published = await db
    .select({ id: submission.id, postUrl: submission.postUrl, platform: submission.platform })
    .from(submission)
    .where(and(eq(submission.workspaceId, scope.workspaceId), eq(submission.status, 'published')));
  const byId = new Map(published.map((s) => [s.id, s]));
  const byUrl = new Map(published.filter((s) => s.postUrl).map((s) => [s.postUrl!, s]));

  const rows: MetricsRow[] = [];
  for (const { line, cells } of records) {
    const get = (column: string) => {
      const i = header.indexOf(column);
      const value = i >= 0 ? (cells[i] ?? '').replace(escapedFormulaStart, '').trim() : '';
      return value === '' ? undefined : value;
    };
    const rowErrors: ImportRowError[] = [];
    if (cells.length > header.length)
      rowErrors.push({
        line,
        field: 'row',
        message: `has ${cells.length} cells but the header has ${header.length}`,
      });
    let target: { id: string } | undefined;
    const id = get('submission_id');
    const url = get('post_url');
    if (id) {
      target = byId.get(id);
      if (!target) rowErrors.push({ line, field: 'submission_id', message: `no published submission ${id}` });
    } else if (url) {
      const normalized = checkPostUrl(url, 'other');
      target = 'url' in normalized ? byUrl.get(normalized.url) : undefined;
      if (!target) rowErrors.push({ line, field: 'post_url', message: 'matches no published post' });
    } else {
      rowErrors.push({ line, field: 'post_url', message: 'give a post_url or a submission_id' });
    }
    const rawDate = get('captured_at');
    const capturedAt =
      rawDate && /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(rawDate)
        ? new Date(rawDate.length === 10 ? `${rawDate}T00:00:00Z` : rawDate)
        : null;
    if (!capturedAt || Number.isNaN(capturedAt.getTime()))
      rowErrors.push({
        line,
        field: 'captured_at',
        message: 'must be a date such as 2026-11-20 or 2026-11-20T09:30:00Z',
      });
    else if (capturedAt.getTime() > now.getTime() + 5 * 60_000)
      rowErrors.push({ line, field: 'captured_at', message: 'must not be in the future' });
    const values = {} as Record<MetricField, number | null>;
    for (const field of metricFields) {
      const raw = get(field);
      if (raw === undefined) {
        values[field] = null;
        continue;
      }
      const n = Number(raw.replace(/[,_\s]/g, ''));
      if (!Number.isInteger(n) || n < 0 || n > 2_000_000_000) {
        rowErrors.push({ line, field, message: 'must be a non-negative whole number' });
        values[field] = null;
      } else values[field] = n;
    }
    if (
      metricFields.every((f) => values[f] === null) &&
      !rowErrors.some((e) => metricFields.includes(e.field as MetricField))
    )
      rowErrors.push({ line, field: 'likes', message: `give at least one of ${metricFields.join(', ')}` });
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else rows.push({ line, submissionId: target!.id, capturedAt: capturedAt!, values });
  }

  // One snapshot per post and moment: a row for a moment that already has one (stored, or earlier in this
  // file) replaces it and counts as updated; within the file the last such row wins.
  const latest = new Map<string, MetricsRow>();
  for (const r of rows) latest.set(`${r.submissionId} ${r.capturedAt.toISOString()}`, r);
  const unique = [...latest.values()];
  const stored = new Set<string>();
  const submissionIds = [...new Set(unique.map((r) => r.submissionId))];
  for (let i = 0; i < submissionIds.length; i += 500) {
    const found = await db
      .select({ submissionId: postMetrics.submissionId, capturedAt: postMetrics.capturedAt })
      .from(postMetrics)
      .where(
        and(
          eq(postMetrics.workspaceId, scope.workspaceId),
          inArray(postMetrics.submissionId, submissionIds.slice(i, i + 500)),
        ),
      );
    for (const f of found) stored.add(`${f.submissionId} ${f.capturedAt.toISOString()}`);
  }
  const added = unique.filter((r) => !stored.has(`${r.submissionId} ${r.capturedAt.toISOString()}`)).length;
  const result = {
    ...base,
    imported: added,
    updated: rows.length - added,
    skipped: records.length - rows.length,
  };
  if (errors.length > 0 && options.onError === 'abort') return base;
  if (rows.length === 0 || options.dryRun) return result;
  await db.transaction(async (tx) => {
    for (let i = 0; i < unique.length; i += 1_000)
      await tx
        .insert(postMetrics)
        .values(
          unique.slice(i, i + 1_000).map((r) => ({
            id: newId('postMetrics'),
            workspaceId: scope.workspaceId,
            submissionId: r.submissionId,
            capturedAt: r.capturedAt,
            ...r.values,
            source: 'csv' as const,
          })),
        )
        .onConflictDoUpdate({
          target: [postMetrics.submissionId, postMetrics.capturedAt],
          set: {
            ...Object.fromEntries(metricFields.map((f) => [f, sql.raw(`excluded."${postMetrics[f].name}"`)])),
            source: sql`excluded.source`,
          },
        });
    await recordAudit(tx, scope, {
      action: 'metrics.imported',
      entityType: 'workspace',
      entityId: scope.workspaceId,
      after: {
        imported: result.imported,
        updated: result.updated,
        skipped: result.skipped,
        submissions: submissionIds.length,
      },
    });
  });
  return { ...result, written: true };
}

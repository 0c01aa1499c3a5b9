// Prospect CSV import (rows matched to creators by platform + handle, then email) and export of a list.
import { stringify } from 'csv-stringify/sync';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { AppError, zodProblems } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { type AuditInput, recordAudits } from '../audit/audit.service';
import { escapedFormulaStart, formulaStart, parseCsv } from '../people/creator-csv.service';
import {
  creatorInputSchema,
  handleSchema,
  type ImportRowError,
  socialAccountInputSchema,
} from '../people/people.contract';
import { creator, socialAccount } from '../people/people.schema';
import { platforms } from '../programs/programs.contract';
import type { ProspectImportResult } from './prospects.contract';
import { prospectListEntry } from './prospects.schema';
import { getListRowOrThrow, listEntries } from './prospects.service';

export const prospectCsvColumns = [
  'platform',
  'handle',
  'email',
  'name',
  'followers',
  'source',
  'country',
] as const;
/** Written by the export for reference; an import ignores them, so an exported list re-imports. */
const exportOnlyColumns = ['stage', 'vetting_score', 'vetting_verdict'] as const;

const prospectRowSchema = z
  .object({
    platform: z.enum(platforms, { error: `must be one of ${platforms.join(', ')}` }).optional(),
    handle: handleSchema.optional(),
    email: creatorInputSchema.shape.email,
    name: z.string().trim().max(200).default(''),
    followers: socialAccountInputSchema.shape.followers,
    source: z.string().trim().max(200).default(''),
    country: creatorInputSchema.shape.country,
  })
  .superRefine((row, ctx) => {
    if (row.handle && !row.platform)
      ctx.addIssue({ code: 'custom', path: ['platform'], message: 'is required with a handle' });
    if (!row.handle && !row.email)
      ctx.addIssue({
        code: 'custom',
        path: ['handle'],
        message: 'give a handle (with its platform) or an email',
      });
  });
type ProspectRow = z.output<typeof prospectRowSchema>;

function validateProspectCsv(text: string) {
  const records = parseCsv(text);
  const headerRecord = records.shift();
  if (!headerRecord)
    throw new AppError(
      'validation_failed',
      `The file is empty: expected a header row (${prospectCsvColumns.join(', ')}).`,
    );
  const header = headerRecord.cells.map((h) => h.trim().toLowerCase());
  const known: readonly string[] = [...prospectCsvColumns, ...exportOnlyColumns];
  const unknown = header.filter((h) => !known.includes(h));
  const errors: ImportRowError[] = [];
  if (unknown.length > 0 || (!header.includes('handle') && !header.includes('email'))) {
    errors.push({
      line: headerRecord.line,
      field: 'header',
      message: `${unknown.length > 0 ? `unknown column ${unknown.map((c) => `"${c}"`).join(', ')}` : 'needs a "handle" or an "email" column'}. Expected columns: ${prospectCsvColumns.join(', ')}.`,
    });
    return { rows: [] as Array<{ line: number; row: ProspectRow }>, errors, total: records.length };
  }
  const rows: Array<{ line: number; row: ProspectRow }> = [];
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
    const followers = get('followers');
    const n = followers === undefined ? null : Number(followers.replace(/[,_\s]/g, ''));
    const parsed = prospectRowSchema.safeParse({
      platform: get('platform')?.toLowerCase(),
      handle: get('handle'),
      email: get('email') ?? null,
      name: get('name'),
      followers: n === null || Number.isFinite(n) ? n : followers,
      source: get('source'),
      country: get('country') ?? null,
    });
    if (parsed.success) rows.push({ line, row: parsed.data });
    else for (const p of zodProblems(parsed.error)) errors.push({ line, field: p.field, message: p.message });
  }
  return { rows, errors, total: records.length };
}

/** Thrown inside a dry run's transaction so the database rolls back everything the run did. */
class DryRunRollback extends Error {
  constructor(
    readonly counts: { added: number; duplicates: number; mergedIntoExisting: number; created: number },
  ) {
    super('dry run');
  }
}

/** Finds the creator a row names (handle, then email) or makes one; returns whether it already existed. */
async function findOrCreateCreator(
  tx: Tx,
  scope: WorkspaceScope,
  row: ProspectRow,
  audits: AuditInput[],
): Promise<{ creatorId: string; existed: boolean }> {
  if (row.handle && row.platform) {
    const [byHandle] = await tx
      .select({ creatorId: socialAccount.creatorId })
      .from(socialAccount)
      .where(
        and(
          eq(socialAccount.workspaceId, scope.workspaceId),
          eq(socialAccount.platform, row.platform),
          sql`lower(${socialAccount.handle}) = ${row.handle.toLowerCase()}`,
        ),
      );
    if (byHandle) return { creatorId: byHandle.creatorId, existed: true };
  }
  const account = row.handle && row.platform ? { platform: row.platform, handle: row.handle } : null;
  if (row.email) {
    const [byEmail] = await tx
      .select({ id: creator.id })
      .from(creator)
      .where(and(eq(creator.workspaceId, scope.workspaceId), sql`lower(${creator.email}) = ${row.email}`));
    if (byEmail) {
      if (account) {
        await tx.insert(socialAccount).values({
          id: newId('socialAccount'),
          workspaceId: scope.workspaceId,
          creatorId: byEmail.id,
          ...account,
          followers: row.followers,
        });
        audits.push({
          action: 'creator.social_account_added',
          entityType: 'creator',
          entityId: byEmail.id,
          creatorId: byEmail.id,
          after: account,
        });
      }
      return { creatorId: byEmail.id, existed: true };
    }
  }
  const id = newId('creator');
  await tx.insert(creator).values({
    id,
    workspaceId: scope.workspaceId,
    name: row.name || row.handle || row.email?.split('@')[0] || 'Prospect',
    email: row.email,
    country: row.country,
    tags: [],
  });
  if (account) {
    await tx.insert(socialAccount).values({
      id: newId('socialAccount'),
      workspaceId: scope.workspaceId,
      creatorId: id,
      ...account,
      followers: row.followers,
    });
  }
  audits.push({ action: 'creator.imported', entityType: 'creator', entityId: id, creatorId: id });
  return { creatorId: id, existed: false };
}

/**
 * Imports a prospect CSV into a list: each row is found or created as a creator and added to the list.
 * Bad rows are named by line; with onError=abort nothing is written if any row is bad. A dry run does
 * the whole import in a transaction it then rolls back, so its counts are exactly what an import would do.
 */
export async function importProspectsCsv(
  db: Db,
  scope: WorkspaceScope,
  listId: string,
  text: string,
  options: { onError: 'abort' | 'skip'; dryRun: boolean },
): Promise<ProspectImportResult> {
  const list = await getListRowOrThrow(db, scope, listId);
  const { rows, errors, total } = validateProspectCsv(text);
  const base = {
    totalRows: total,
    added: 0,
    duplicates: 0,
    mergedIntoExisting: 0,
    created: 0,
    skipped: total - rows.length,
    written: false,
    dryRun: options.dryRun,
    errors,
  };
  if (
    errors.some((e) => e.field === 'header') ||
    (errors.length > 0 && options.onError === 'abort') ||
    rows.length === 0
  )
    return base;
  try {
    const counts = await db.transaction(async (tx) => {
      const counts = { added: 0, duplicates: 0, mergedIntoExisting: 0, created: 0 };
      const audits: AuditInput[] = [];
      const createdHere = new Set<string>();
      for (const { row } of rows) {
        const { creatorId, existed } = await findOrCreateCreator(tx, scope, row, audits);
        if (!existed) {
          createdHere.add(creatorId);
          counts.created++;
        } else if (!createdHere.has(creatorId)) counts.mergedIntoExisting++;
        const inserted = await tx
          .insert(prospectListEntry)
          .values({ listId: list.id, creatorId, workspaceId: scope.workspaceId, source: row.source })
          .onConflictDoNothing()
          .returning({ creatorId: prospectListEntry.creatorId });
        if (inserted.length > 0) counts.added++;
        else counts.duplicates++;
      }
      audits.push({
        action: 'prospect_list.imported',
        entityType: 'prospect_list',
        entityId: list.id,
        after: { ...counts, skipped: base.skipped },
      });
      await recordAudits(tx, scope, audits);
      if (options.dryRun) throw new DryRunRollback(counts);
      return counts;
    });
    return { ...base, ...counts, written: true };
  } catch (error) {
    if (error instanceof DryRunRollback) return { ...base, ...error.counts };
    throw error;
  }
}

/** The list as CSV (the import's columns plus stage and latest vetting), safe to open in a spreadsheet. */
export async function exportProspectsCsv(db: Db, scope: WorkspaceScope, listId: string): Promise<string> {
  const list = await getListRowOrThrow(db, scope, listId);
  const entries = await listEntries(db, scope, list);
  const rows = entries.map((e) => [
    e.platform ?? '',
    e.handle ?? '',
    e.email ?? '',
    e.name,
    e.followers === null ? '' : String(e.followers),
    e.source,
    e.country ?? '',
    e.stage ?? '',
    e.vetting ? String(e.vetting.score) : '',
    e.vetting?.verdict ?? '',
  ]);
  const safe = rows.map((row) => row.map((cell) => (formulaStart.test(cell) ? `'${cell}` : cell)));
  return stringify([[...prospectCsvColumns, ...exportOnlyColumns], ...safe]);
}

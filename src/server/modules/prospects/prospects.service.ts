// Prospect lists (PRODUCT R2/R3). Prospects are creators: an imported row is matched to an existing
// creator by platform + handle, then by email, and only otherwise becomes a new creator. Imports, bulk
// vetting and bulk invitations each run in one transaction.
import { stringify } from 'csv-stringify/sync';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Stage } from '../../../core/pipeline/stages';
import { stageLabels } from '../../../core/pipeline/stages';
import { parseCreatorInput, type CreatorInput as VettingInput } from '../../../core/vetting';
import type { Db, Tx } from '../../db/client';
import { AppError, type FieldProblem, notFound, validationError, zodProblems } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { type AuditInput, recordAudit, recordAudits } from '../audit/audit.service';
import type { Mailer } from '../outbox/outbox.service';
import type { RecipientInput } from '../outreach/outreach.contract';
import { prepareSend, recordSend } from '../outreach/outreach.service';
import { addAmbassador, moveAmbassadorStage } from '../people/ambassadors.service';
import { escapedFormulaStart, formulaStart, parseCsv } from '../people/creator-csv.service';
import {
  creatorInputSchema,
  handleSchema,
  type ImportRowError,
  socialAccountInputSchema,
} from '../people/people.contract';
import { ambassador, creator, socialAccount } from '../people/people.schema';
import { platforms } from '../programs/programs.contract';
import { program } from '../programs/programs.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import { vettingReport } from '../vetting/vetting.schema';
import { vetOne } from '../vetting/vetting.service';
import type {
  BulkVetResult,
  InviteResult,
  ListInput,
  ProspectEntry,
  ProspectImportResult,
  ProspectList,
  ProspectListDetail,
} from './prospects.contract';
import { prospectList, prospectListEntry } from './prospects.schema';

type ListRow = typeof prospectList.$inferSelect;

// ── Lists ────────────────────────────────────────────────────────────────────────────────────────────

async function getListRowOrThrow(db: Db | Tx, scope: WorkspaceScope, id: string): Promise<ListRow> {
  const [row] = await db
    .select()
    .from(prospectList)
    .where(and(eq(prospectList.id, id), eq(prospectList.workspaceId, scope.workspaceId)));
  if (!row) throw notFound('prospect list', id);
  return row;
}

async function toLists(db: Db | Tx, rows: ListRow[]): Promise<ProspectList[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db
    .select({ listId: prospectListEntry.listId, n: count() })
    .from(prospectListEntry)
    .where(inArray(prospectListEntry.listId, ids))
    .groupBy(prospectListEntry.listId);
  const programIds = [...new Set(rows.flatMap((r) => (r.programId ? [r.programId] : [])))];
  const programs =
    programIds.length > 0
      ? await db
          .select({ id: program.id, name: program.name })
          .from(program)
          .where(inArray(program.id, programIds))
      : [];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    source: r.source,
    programId: r.programId,
    programName: programs.find((p) => p.id === r.programId)?.name ?? null,
    entryCount: counts.find((c) => c.listId === r.id)?.n ?? 0,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listProspectLists(db: Db, scope: WorkspaceScope): Promise<ProspectList[]> {
  const rows = await db
    .select()
    .from(prospectList)
    .where(eq(prospectList.workspaceId, scope.workspaceId))
    .orderBy(desc(prospectList.createdAt));
  return toLists(db, rows);
}

export async function createProspectList(
  db: Db,
  scope: WorkspaceScope,
  input: ListInput,
): Promise<ProspectList> {
  const id = newId('prospectList');
  await db.transaction(async (tx) => {
    if (input.programId) await getProgramRowOrThrow(tx, scope, input.programId);
    await tx.insert(prospectList).values({ id, workspaceId: scope.workspaceId, ...input });
    await recordAudit(tx, scope, {
      action: 'prospect_list.created',
      entityType: 'prospect_list',
      entityId: id,
      after: input,
    });
  });
  const [list] = await toLists(db, [await getListRowOrThrow(db, scope, id)]);
  return list!;
}

export async function updateProspectList(
  db: Db,
  scope: WorkspaceScope,
  id: string,
  input: ListInput,
): Promise<ProspectList> {
  await db.transaction(async (tx) => {
    const before = await getListRowOrThrow(tx, scope, id);
    if (input.programId) await getProgramRowOrThrow(tx, scope, input.programId);
    await tx.update(prospectList).set(input).where(eq(prospectList.id, id));
    await recordAudit(tx, scope, {
      action: 'prospect_list.updated',
      entityType: 'prospect_list',
      entityId: id,
      before: { name: before.name, source: before.source, programId: before.programId },
      after: input,
    });
  });
  const [list] = await toLists(db, [await getListRowOrThrow(db, scope, id)]);
  return list!;
}

/** Deletes a list and its entries; the creators stay in the workspace. */
export async function deleteProspectList(db: Db, scope: WorkspaceScope, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getListRowOrThrow(tx, scope, id);
    await tx.delete(prospectList).where(eq(prospectList.id, id));
    await recordAudit(tx, scope, {
      action: 'prospect_list.deleted',
      entityType: 'prospect_list',
      entityId: id,
      before: { name: before.name },
    });
  });
}

async function listEntries(db: Db | Tx, scope: WorkspaceScope, list: ListRow): Promise<ProspectEntry[]> {
  const rows = await db
    .select({
      creatorId: creator.id,
      name: creator.name,
      email: creator.email,
      country: creator.country,
      source: prospectListEntry.source,
      addedAt: prospectListEntry.addedAt,
    })
    .from(prospectListEntry)
    .innerJoin(creator, eq(creator.id, prospectListEntry.creatorId))
    .where(and(eq(prospectListEntry.listId, list.id), eq(prospectListEntry.workspaceId, scope.workspaceId)))
    .orderBy(asc(prospectListEntry.addedAt), asc(creator.name));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.creatorId);
  const accounts = await db
    .select({
      creatorId: socialAccount.creatorId,
      platform: socialAccount.platform,
      handle: socialAccount.handle,
      followers: socialAccount.followers,
    })
    .from(socialAccount)
    .where(inArray(socialAccount.creatorId, ids));
  const memberships = list.programId
    ? await db
        .select({ id: ambassador.id, creatorId: ambassador.creatorId, stage: ambassador.stage })
        .from(ambassador)
        .where(and(eq(ambassador.programId, list.programId), inArray(ambassador.creatorId, ids)))
    : [];
  const reports = await db
    .select({
      id: vettingReport.id,
      creatorId: vettingReport.creatorId,
      score: vettingReport.score,
      verdict: vettingReport.verdict,
      createdAt: vettingReport.createdAt,
    })
    .from(vettingReport)
    .where(and(eq(vettingReport.workspaceId, scope.workspaceId), inArray(vettingReport.creatorId, ids)))
    .orderBy(desc(vettingReport.createdAt));
  return rows.map((r) => {
    const top = accounts
      .filter((a) => a.creatorId === r.creatorId)
      .sort((a, b) => (b.followers ?? -1) - (a.followers ?? -1))[0];
    const membership = memberships.find((m) => m.creatorId === r.creatorId);
    const report = reports.find((v) => v.creatorId === r.creatorId);
    return {
      creatorId: r.creatorId,
      name: r.name,
      email: r.email,
      country: r.country,
      platform: top?.platform ?? null,
      handle: top?.handle ?? null,
      followers: top?.followers ?? null,
      source: r.source,
      addedAt: r.addedAt.toISOString(),
      ambassadorId: membership?.id ?? null,
      stage: membership?.stage ?? null,
      vetting: report
        ? {
            reportId: report.id,
            score: report.score,
            verdict: report.verdict,
            createdAt: report.createdAt.toISOString(),
          }
        : null,
    };
  });
}

export async function getProspectListOrThrow(
  db: Db,
  scope: WorkspaceScope,
  id: string,
): Promise<ProspectListDetail> {
  const row = await getListRowOrThrow(db, scope, id);
  const [list] = await toLists(db, [row]);
  return { ...list!, entries: await listEntries(db, scope, row) };
}

// ── CSV import and export ────────────────────────────────────────────────────────────────────────────

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

// ── Bulk vetting ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Vets a JSONL file of vetting inputs (docs/vetting-input.schema.json) against the list: each line is
 * matched to a prospect by platform + handle and vetted (against the list's program when it has one).
 * Any invalid line refuses the whole file (422 naming the line); lines matching nobody are reported.
 */
export async function bulkVetList(
  db: Db,
  scope: WorkspaceScope,
  listId: string,
  text: string,
): Promise<BulkVetResult> {
  const list = await getListRowOrThrow(db, scope, listId);
  const inputs: Array<{ line: number; input: VettingInput }> = [];
  const problems: FieldProblem[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        problems.push({ field: `line ${i + 1}`, message: `not valid JSON (${(error as Error).message})` });
        return;
      }
      const parsed = parseCreatorInput(value);
      if (parsed.success) inputs.push({ line: i + 1, input: parsed.data });
      else problems.push(...zodProblems(parsed.error, `line ${i + 1}`));
    });
  if (problems.length > 0) throw validationError(problems);
  if (inputs.length === 0)
    throw validationError([
      { field: '(body)', message: 'the file has no creators (one JSON object per line)' },
    ]);

  const accounts = await db
    .select({
      creatorId: socialAccount.creatorId,
      platform: socialAccount.platform,
      handle: socialAccount.handle,
    })
    .from(socialAccount)
    .innerJoin(
      prospectListEntry,
      and(eq(prospectListEntry.creatorId, socialAccount.creatorId), eq(prospectListEntry.listId, list.id)),
    );
  const byKey = new Map(accounts.map((a) => [`${a.platform}:${a.handle.toLowerCase()}`, a.creatorId]));
  const result: BulkVetResult = { vetted: [], unmatched: [] };
  await db.transaction(async (tx) => {
    for (const { line, input } of inputs) {
      const handle = input.handle.replace(/^@/, '');
      const creatorId = byKey.get(`${input.platform}:${handle.toLowerCase()}`);
      if (!creatorId) {
        result.unmatched.push({ line, platform: input.platform, handle });
        continue;
      }
      const report = await vetOne(tx, scope, { input, programId: list.programId ?? undefined, creatorId });
      result.vetted.push({
        line,
        creatorId,
        handle,
        platform: input.platform,
        reportId: report.id,
        score: report.score,
        verdict: report.verdict,
      });
    }
    await recordAudit(tx, scope, {
      action: 'prospect_list.vetted',
      entityType: 'prospect_list',
      entityId: list.id,
      after: { vetted: result.vetted.length, unmatched: result.unmatched.length },
    });
  });
  return result;
}

// ── Bulk invitation ──────────────────────────────────────────────────────────────────────────────────

/**
 * Invites prospects of the list to its program and sends each the template, all or nothing: refused
 * (422) while any recipient has an unfilled placeholder or no email, or is past the invitation stage.
 * Those not yet in the program join it as invited; prospects move to invited; the invited stay.
 * The stages are checked inside the transaction, after locking the program row as every stage change
 * does, so a concurrent move (say, to Applied) cannot slip in between the check and the invitation.
 */
export async function inviteFromList(
  db: Db,
  scope: WorkspaceScope,
  mailer: Mailer,
  listId: string,
  input: { templateId: string; recipients: RecipientInput[] },
): Promise<InviteResult> {
  const list = await getListRowOrThrow(db, scope, listId);
  if (!list.programId)
    throw validationError([
      {
        field: 'programId',
        message: 'this list has no target program: choose the program to invite them to first',
      },
    ]);
  const programId = list.programId;
  const creatorIds = input.recipients.map((r) => r.creatorId);

  const { invited, outboxIds } = await db.transaction(async (tx) => {
    await getProgramRowOrThrow(tx, scope, programId, { lock: true });
    const entries = await tx
      .select({ creatorId: prospectListEntry.creatorId })
      .from(prospectListEntry)
      .where(and(eq(prospectListEntry.listId, list.id), inArray(prospectListEntry.creatorId, creatorIds)));
    const problems: FieldProblem[] = [];
    input.recipients.forEach((r, i) => {
      if (!entries.some((e) => e.creatorId === r.creatorId))
        problems.push({ field: `recipients.${i}.creatorId`, message: `${r.creatorId} is not in this list` });
    });
    const memberships = await tx
      .select({
        id: ambassador.id,
        creatorId: ambassador.creatorId,
        stage: ambassador.stage,
        name: creator.name,
      })
      .from(ambassador)
      .innerJoin(creator, eq(creator.id, ambassador.creatorId))
      .where(and(eq(ambassador.programId, programId), inArray(ambassador.creatorId, creatorIds)));
    input.recipients.forEach((r, i) => {
      const m = memberships.find((x) => x.creatorId === r.creatorId);
      if (m && m.stage !== 'prospect' && m.stage !== 'invited')
        problems.push({
          field: `recipients.${i}.creatorId`,
          message: `${m.name} is already past the invitation (stage: ${stageLabels[m.stage]})`,
        });
    });
    if (problems.length > 0) throw validationError(problems);
    const prepared = await prepareSend(tx, scope, { ...input, programId });

    const invited: Array<{
      creatorId: string;
      ambassadorId: string;
      outcome: 'added' | 'moved' | 'already_invited';
    }> = [];
    for (const r of input.recipients) {
      const m = memberships.find((x) => x.creatorId === r.creatorId);
      if (!m) {
        const added = await addAmbassador(tx, scope, programId, {
          creatorId: r.creatorId,
          stage: 'invited' satisfies Stage,
          tierId: null,
        });
        invited.push({ creatorId: r.creatorId, ambassadorId: added.id, outcome: 'added' });
      } else if (m.stage === 'prospect') {
        await moveAmbassadorStage(tx, scope, m.id, {
          to: 'invited',
          reason: `Invited from list “${list.name}”`,
        });
        invited.push({ creatorId: r.creatorId, ambassadorId: m.id, outcome: 'moved' });
      } else invited.push({ creatorId: r.creatorId, ambassadorId: m.id, outcome: 'already_invited' });
    }
    const sent = await recordSend(tx, scope, mailer, prepared);
    return {
      invited: invited.map((x, i) => ({ ...x, messageId: sent.messageIds[i]! })),
      outboxIds: sent.outboxIds,
    };
  });
  await mailer.deliver(db, outboxIds);
  return { invited };
}

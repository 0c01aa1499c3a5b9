// CSV import and export of creators. An import is validated whole first; it writes nothing unless every
// row is valid or the user chose to skip bad rows, and then writes everything in one transaction.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError, zodProblems } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { type AuditInput, recordAudits } from '../audit/audit.service';
import { platforms } from '../programs/programs.contract';
import { getProgramRowOrThrow } from '../programs/programs.service';
import { creatorColumns, insertSocialAccountsOfCreators, listCreators } from './creators.service';
import {
  type CreatorInputParsed,
  creatorInputSchema,
  type ImportResult,
  type ImportRowError,
} from './people.contract';
import { ambassador, creator, socialAccount } from './people.schema';

const socialPlatforms = platforms.filter((p) => p !== 'other');
export const creatorCsvColumns = [
  'name',
  'email',
  'phone',
  'country',
  'tags',
  'notes',
  ...socialPlatforms.flatMap((p) => [p, `${p}_followers`]),
] as const;
/** Written by the export for reference; an import accepts and ignores them, so an export re-imports. */
const exportOnlyColumns = ['id', 'programs'] as const;
const requiredColumns = ['name'];
const batchSize = 500;
// A cell starting with = + - @ (or a tab or carriage return) could run as a spreadsheet formula: the export
// prefixes it with ' and the import takes that prefix off again, so an exported file re-imports unchanged.
export const formulaStart = /^[=+\-@\t\r]/;
export const escapedFormulaStart = /^'(?=[=+\-@\t\r])/;

interface ParsedRow {
  line: number;
  input: CreatorInputParsed;
}

/** Parses CSV text into records with their line numbers; invalid CSV is a 422 naming the line. */
export function parseCsv(text: string): Array<{ line: number; cells: string[] }> {
  try {
    const records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    throw new AppError(
      'validation_failed',
      `The file is not valid CSV${lines ? ` (line ${lines})` : ''}: ${(error as Error).message}`,
    );
  }
}

function toInput(header: string[], cells: string[]): Record<string, unknown> {
  const get = (column: string) => {
    const i = header.indexOf(column);
    const value = i >= 0 ? (cells[i] ?? '').replace(escapedFormulaStart, '').trim() : '';
    return value === '' ? undefined : value;
  };
  const followers = (column: string) => {
    const raw = get(column);
    if (raw === undefined) return null;
    const n = Number(raw.replace(/[,_\s]/g, ''));
    return Number.isFinite(n) ? n : raw; // a non-number reaches zod, which names the field
  };
  return {
    name: get('name') ?? '',
    email: get('email') ?? null,
    phone: get('phone') ?? null,
    country: get('country') ?? null,
    tags: (get('tags') ?? '')
      .split(/[;|]/)
      .map((t) => t.trim())
      .filter(Boolean),
    notes: get('notes') ?? '',
    socialAccounts: socialPlatforms
      .filter((p) => get(p) !== undefined)
      .map((p) => ({ platform: p, handle: get(p), followers: followers(`${p}_followers`) })),
  };
}

/** Names a zod path by the CSV column the user wrote: `socialAccounts.0.followers` → `tiktok_followers`. */
function columnOf(path: string, raw: Record<string, unknown>): string {
  const m = /^socialAccounts\.(\d+)\.(\w+)$/.exec(path);
  if (!m) return path;
  const accounts = raw.socialAccounts as Array<{ platform: string }>;
  const platform = accounts[Number(m[1])]?.platform ?? 'social';
  return m[2] === 'followers' ? `${platform}_followers` : platform;
}

/** Validates every row; returns the good rows and line-numbered errors for the bad ones. */
async function validateRows(db: Db, scope: WorkspaceScope, text: string) {
  const records = parseCsv(text);
  const errors: ImportRowError[] = [];
  const headerRecord = records.shift();
  if (!headerRecord)
    throw new AppError('validation_failed', 'The file is empty: expected a header row with at least "name".');
  const header = headerRecord.cells.map((h) => h.trim().toLowerCase());
  const known: readonly string[] = [...creatorCsvColumns, ...exportOnlyColumns];
  const unknown = header.filter((h) => !known.includes(h));
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (unknown.length > 0 || missing.length > 0) {
    const parts = [
      missing.length ? `missing column ${missing.map((c) => `"${c}"`).join(', ')}` : '',
      unknown.length ? `unknown column ${unknown.map((c) => `"${c}"`).join(', ')}` : '',
    ].filter(Boolean);
    errors.push({
      line: headerRecord.line,
      field: 'header',
      message: `${parts.join('; ')}. Expected columns: ${creatorCsvColumns.join(', ')} (an export's ${exportOnlyColumns.join(' and ')} columns are ignored).`,
    });
    return { rows: [] as ParsedRow[], errors, total: records.length };
  }

  const rows: ParsedRow[] = [];
  const seenEmail = new Map<string, number>();
  const seenHandle = new Map<string, number>();
  for (const { line, cells } of records) {
    if (cells.length > header.length) {
      errors.push({
        line,
        field: 'row',
        message: `has ${cells.length} cells but the header has ${header.length}`,
      });
      continue;
    }
    const raw = toInput(header, cells);
    const parsed = creatorInputSchema.safeParse(raw);
    if (!parsed.success) {
      for (const p of zodProblems(parsed.error))
        errors.push({ line, field: columnOf(p.field, raw), message: p.message });
      continue;
    }
    const input = parsed.data;
    let isDuplicate = false;
    if (input.email) {
      const first = seenEmail.get(input.email);
      if (first) {
        errors.push({ line, field: 'email', message: `${input.email} is a duplicate of line ${first}` });
        isDuplicate = true;
      } else seenEmail.set(input.email, line);
    }
    for (const a of input.socialAccounts) {
      const key = `${a.platform}:${a.handle.toLowerCase()}`;
      const first = seenHandle.get(key);
      if (first) {
        errors.push({ line, field: a.platform, message: `@${a.handle} is a duplicate of line ${first}` });
        isDuplicate = true;
      } else seenHandle.set(key, line);
    }
    if (!isDuplicate) rows.push({ line, input });
  }

  // Clashes with creators already in the workspace.
  const emails = rows.flatMap((r) => (r.input.email ? [r.input.email] : []));
  const takenEmails = new Set<string>();
  for (let i = 0; i < emails.length; i += batchSize) {
    const found = await db
      .select({ email: sql<string>`lower(${creator.email})` })
      .from(creator)
      .where(
        and(
          eq(creator.workspaceId, scope.workspaceId),
          inArray(sql`lower(${creator.email})`, emails.slice(i, i + batchSize)),
        ),
      );
    for (const f of found) takenEmails.add(f.email);
  }
  const handles = rows.flatMap((r) =>
    r.input.socialAccounts.map((a) => `${a.platform}:${a.handle.toLowerCase()}`),
  );
  const takenHandles = new Set<string>();
  for (let i = 0; i < handles.length; i += batchSize) {
    const found = await db
      .select({ key: sql<string>`${socialAccount.platform} || ':' || lower(${socialAccount.handle})` })
      .from(socialAccount)
      .where(
        and(
          eq(socialAccount.workspaceId, scope.workspaceId),
          inArray(
            sql`${socialAccount.platform} || ':' || lower(${socialAccount.handle})`,
            handles.slice(i, i + batchSize),
          ),
        ),
      );
    for (const f of found) takenHandles.add(f.key);
  }
  const goodRows = rows.filter((r) => {
    let ok = true;
    if (r.input.email && takenEmails.has(r.input.email)) {
      errors.push({
        line: r.line,
        field: 'email',
        message: `${r.input.email} already belongs to a creator in this workspace`,
      });
      ok = false;
    }
    for (const a of r.input.socialAccounts) {
      if (takenHandles.has(`${a.platform}:${a.handle.toLowerCase()}`)) {
        errors.push({
          line: r.line,
          field: a.platform,
          message: `@${a.handle} already belongs to a creator in this workspace`,
        });
        ok = false;
      }
    }
    return ok;
  });
  errors.sort((a, b) => a.line - b.line);
  return { rows: goodRows, errors, total: records.length };
}

/** Imports creators from CSV text, optionally adding each to a program as a prospect. */
export async function importCreatorsCsv(
  db: Db,
  scope: WorkspaceScope,
  text: string,
  options: { onError: 'abort' | 'skip'; dryRun: boolean; programId?: string | undefined },
): Promise<ImportResult> {
  const prg = options.programId ? await getProgramRowOrThrow(db, scope, options.programId) : null;
  const { rows, errors, total } = await validateRows(db, scope, text);
  const result: ImportResult = {
    totalRows: total,
    validRows: rows.length,
    created: 0,
    skipped: total - rows.length,
    written: false,
    dryRun: options.dryRun,
    errors,
  };
  const headerBroken = errors.some((e) => e.field === 'header');
  if (
    options.dryRun ||
    headerBroken ||
    (errors.length > 0 && options.onError === 'abort') ||
    rows.length === 0
  ) {
    return result;
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize).map((r) => ({ ...r, id: newId('creator') }));
      await tx
        .insert(creator)
        .values(
          batch.map(({ id, input }) => ({ id, workspaceId: scope.workspaceId, ...creatorColumns(input) })),
        );
      await insertSocialAccountsOfCreators(
        tx,
        scope,
        batch.map(({ id, input }) => ({ creatorId: id, accounts: input.socialAccounts })),
      );
      const audits: AuditInput[] = batch.map(({ id, line }) => ({
        action: 'creator.imported',
        entityType: 'creator',
        entityId: id,
        creatorId: id,
        after: { line },
      }));
      if (prg) {
        const ambassadors = batch.map(({ id }) => ({
          id: newId('ambassador'),
          workspaceId: scope.workspaceId,
          programId: prg.id,
          creatorId: id,
          stage: 'prospect' as const,
        }));
        await tx.insert(ambassador).values(ambassadors);
        for (const a of ambassadors) {
          audits.push({
            action: 'ambassador.added',
            entityType: 'ambassador',
            entityId: a.id,
            creatorId: a.creatorId,
            after: { programId: prg.id, programName: prg.name, stage: 'prospect' },
          });
        }
      }
      await recordAudits(tx, scope, audits);
    }
  });
  // PGlite has no autovacuum: refresh planner statistics after a bulk load so later queries plan well.
  if (rows.length >= 1000) await db.execute(sql`analyze creator, social_account, ambassador, audit_event`);
  return { ...result, created: rows.length, written: true };
}

/** Exports creators (optionally only one program's, with their stage) as CSV text. */
export async function exportCreatorsCsv(
  db: Db,
  scope: WorkspaceScope,
  filter: { programId?: string | undefined; stage?: string | undefined; q?: string | undefined },
): Promise<string> {
  if (filter.programId) await getProgramRowOrThrow(db, scope, filter.programId);
  const header = [...creatorCsvColumns, ...exportOnlyColumns];
  const out: string[][] = [];
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const { items } = await listCreators(db, scope, { ...filter, limit: pageSize, offset });
    for (const c of items) {
      const account = (p: string) => c.socialAccounts.find((a) => a.platform === p);
      out.push([
        c.name,
        c.email ?? '',
        c.phone ?? '',
        c.country ?? '',
        c.tags.join(';'),
        c.notes,
        ...socialPlatforms.flatMap((p) => [account(p)?.handle ?? '', String(account(p)?.followers ?? '')]),
        c.id,
        c.programs.map((m) => `${m.programName}: ${m.stage}`).join('; '),
      ]);
    }
    if (items.length < pageSize) break;
  }
  const safe = out.map((row) => row.map((cell) => (formulaStart.test(cell) ? `'${cell}` : cell)));
  return stringify([header, ...safe]);
}

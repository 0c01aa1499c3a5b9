// Outreach templates (PRODUCT R4): create, update, delete, and each template's threads and response rate.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { unknownFieldsIn } from '../../../core/outreach/merge';
import type { Db, Tx } from '../../db/client';
import { type FieldProblem, notFound, validationError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { program } from '../programs/programs.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import type { OutreachTemplate, TemplateInput } from './outreach.contract';
import { outreachMessage, outreachTemplate } from './outreach.schema';

export type TemplateRow = typeof outreachTemplate.$inferSelect;

/** Refuses a template whose subject or bodies use a field that is not a merge field, naming it. */
function assertKnownFields(input: TemplateInput) {
  const problems: FieldProblem[] = [];
  for (const field of ['subject', 'body', 'followUpBody'] as const) {
    for (const name of unknownFieldsIn(input[field])) {
      problems.push({
        field,
        message: `{{${name}}} is not a merge field; use one of the fields in the cheat sheet (e.g. {{firstName}}, {{recentPost}}, {{offer.fee}})`,
      });
    }
  }
  if (input.followUpDays !== null && input.followUpBody === '') {
    problems.push({ field: 'followUpBody', message: 'is required when a follow-up is scheduled' });
  }
  if (problems.length > 0) throw validationError(problems);
}

async function templateStats(db: Db | Tx, scope: WorkspaceScope, templateIds: string[]) {
  if (templateIds.length === 0) return new Map<string, { threads: number; replied: number }>();
  const rows = await db
    .select({
      templateId: outreachMessage.templateId,
      threads: sql<number>`count(*)::int`,
      // The outer table is named in full: drizzle may print its columns unqualified, which inside the
      // subquery would bind to the inner alias.
      replied: sql<number>`(count(*) filter (where exists (
        select 1 from outreach_message r
        where r.workspace_id = "outreach_message"."workspace_id"
          and (r.id = "outreach_message"."id" or r.thread_id = "outreach_message"."id")
          and r.replied_at is not null)))::int`,
    })
    .from(outreachMessage)
    .where(
      and(
        eq(outreachMessage.workspaceId, scope.workspaceId),
        eq(outreachMessage.kind, 'initial'),
        inArray(outreachMessage.templateId, templateIds),
      ),
    )
    .groupBy(outreachMessage.templateId);
  return new Map(rows.map((r) => [r.templateId ?? '', { threads: r.threads, replied: r.replied }]));
}

async function toTemplates(db: Db | Tx, scope: WorkspaceScope, rows: TemplateRow[]) {
  const stats = await templateStats(
    db,
    scope,
    rows.map((r) => r.id),
  );
  const programIds = [...new Set(rows.flatMap((r) => (r.programId ? [r.programId] : [])))];
  const programs =
    programIds.length > 0
      ? await db
          .select({ id: program.id, name: program.name })
          .from(program)
          .where(inArray(program.id, programIds))
      : [];
  return rows.map((r): OutreachTemplate => {
    const s = stats.get(r.id) ?? { threads: 0, replied: 0 };
    return {
      id: r.id,
      name: r.name,
      subject: r.subject,
      body: r.body,
      programId: r.programId,
      programName: programs.find((p) => p.id === r.programId)?.name ?? null,
      offer: r.offer,
      followUpDays: r.followUpDays,
      followUpBody: r.followUpBody,
      stats: { ...s, responseRate: s.threads > 0 ? s.replied / s.threads : null },
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

export async function getTemplateRowOrThrow(
  db: Db | Tx,
  scope: WorkspaceScope,
  id: string,
): Promise<TemplateRow> {
  const [row] = await db
    .select()
    .from(outreachTemplate)
    .where(and(eq(outreachTemplate.id, id), eq(outreachTemplate.workspaceId, scope.workspaceId)));
  if (!row) throw notFound('outreach template', id);
  return row;
}

export async function listTemplates(db: Db, scope: WorkspaceScope): Promise<OutreachTemplate[]> {
  const rows = await db
    .select()
    .from(outreachTemplate)
    .where(eq(outreachTemplate.workspaceId, scope.workspaceId))
    .orderBy(desc(outreachTemplate.createdAt));
  return toTemplates(db, scope, rows);
}

export async function getTemplateOrThrow(
  db: Db,
  scope: WorkspaceScope,
  id: string,
): Promise<OutreachTemplate> {
  const [t] = await toTemplates(db, scope, [await getTemplateRowOrThrow(db, scope, id)]);
  return t!;
}

export async function createTemplate(db: Db, scope: WorkspaceScope, input: TemplateInput) {
  assertKnownFields(input);
  const id = newId('outreachTemplate');
  await db.transaction(async (tx) => {
    if (input.programId) await getProgramRowOrThrow(tx, scope, input.programId);
    await tx.insert(outreachTemplate).values({ id, workspaceId: scope.workspaceId, ...input });
    await recordAudit(tx, scope, {
      action: 'outreach_template.created',
      entityType: 'outreach_template',
      entityId: id,
      after: { name: input.name, subject: input.subject },
    });
  });
  return getTemplateOrThrow(db, scope, id);
}

export async function updateTemplate(db: Db, scope: WorkspaceScope, id: string, input: TemplateInput) {
  assertKnownFields(input);
  await db.transaction(async (tx) => {
    const before = await getTemplateRowOrThrow(tx, scope, id);
    if (input.programId) await getProgramRowOrThrow(tx, scope, input.programId);
    await tx
      .update(outreachTemplate)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(outreachTemplate.id, id));
    await recordAudit(tx, scope, {
      action: 'outreach_template.updated',
      entityType: 'outreach_template',
      entityId: id,
      before: { name: before.name, subject: before.subject, body: before.body },
      after: { name: input.name, subject: input.subject, body: input.body },
    });
  });
  return getTemplateOrThrow(db, scope, id);
}

/** Deletes a template; messages already sent with it stay (without their template link). */
export async function deleteTemplate(db: Db, scope: WorkspaceScope, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getTemplateRowOrThrow(tx, scope, id);
    await tx.delete(outreachTemplate).where(eq(outreachTemplate.id, id));
    await recordAudit(tx, scope, {
      action: 'outreach_template.deleted',
      entityType: 'outreach_template',
      entityId: id,
      before: { name: before.name },
    });
  });
}

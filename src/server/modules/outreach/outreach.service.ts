// Outreach (PRODUCT R4): templates, per-recipient rendering, sending through the Mailer, replies,
// follow-ups and response rates. A send is refused as a whole while any recipient has an unfilled
// placeholder or no email address; otherwise every message, its outbox record and its audit event are
// written in one transaction and delivered over SMTP after the commit.
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  firstNameOf,
  formatCommission,
  formatFee,
  type MergeValues,
  renderMerge,
  unknownFieldsIn,
} from '../../../core/outreach/merge';
import type { Db, Tx } from '../../db/client';
import { AppError, type FieldProblem, notFound, validationError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { type AuditInput, recordAudit, recordAudits } from '../audit/audit.service';
import { outboxMessage } from '../outbox/outbox.schema';
import type { Mailer } from '../outbox/outbox.service';
import { ambassador, creator, socialAccount } from '../people/people.schema';
import { program } from '../programs/programs.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import { vettingReport } from '../vetting/vetting.schema';
import { workspace } from '../workspaces/workspaces.schema';
import type {
  DueFollowUp,
  OutreachMessage,
  OutreachTemplate,
  PreviewItem,
  RecipientInput,
  TemplateInput,
} from './outreach.contract';
import { outreachMessage, outreachTemplate } from './outreach.schema';

type TemplateRow = typeof outreachTemplate.$inferSelect;
type MessageKind = 'initial' | 'follow_up';

const platformLabels: Record<string, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  other: 'social media',
};

// ── Templates ────────────────────────────────────────────────────────────────────────────────────────

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

async function getTemplateRowOrThrow(db: Db | Tx, scope: WorkspaceScope, id: string): Promise<TemplateRow> {
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

// ── Rendering ────────────────────────────────────────────────────────────────────────────────────────

interface RecipientContext {
  creatorId: string;
  name: string;
  email: string | null;
  handle: string | null;
  platform: string | null;
  recentPostSuggestion: string | null;
}

/** The most recent post in a stored vetting input, as a starting point for the personal line. */
function recentPostOf(input: unknown): string | null {
  const posts = (input as { posts?: Array<{ id?: string; postedAt?: string; caption?: string }> })?.posts;
  if (!Array.isArray(posts) || posts.length === 0) return null;
  const latest = [...posts].sort((a, b) =>
    String(b.postedAt ?? '').localeCompare(String(a.postedAt ?? '')),
  )[0];
  const caption = latest?.caption?.trim();
  if (caption) return caption.length > 140 ? `${caption.slice(0, 137).trimEnd()}…` : caption;
  return latest?.id ? `your post ${latest.id}` : null;
}

/** Loads what the merge fields need about each creator; unknown ids are a 404 naming the first. */
async function loadRecipients(
  db: Db | Tx,
  scope: WorkspaceScope,
  creatorIds: string[],
): Promise<Map<string, RecipientContext>> {
  const ids = [...new Set(creatorIds)];
  const people = await db
    .select({ id: creator.id, name: creator.name, email: creator.email })
    .from(creator)
    .where(and(eq(creator.workspaceId, scope.workspaceId), inArray(creator.id, ids)));
  const missing = ids.find((id) => !people.some((p) => p.id === id));
  if (missing) throw notFound('creator', missing);
  const accounts = await db
    .select({
      creatorId: socialAccount.creatorId,
      handle: socialAccount.handle,
      platform: socialAccount.platform,
      followers: socialAccount.followers,
    })
    .from(socialAccount)
    .where(inArray(socialAccount.creatorId, ids));
  const reports = await db
    .select({ creatorId: vettingReport.creatorId, input: vettingReport.input })
    .from(vettingReport)
    .where(and(eq(vettingReport.workspaceId, scope.workspaceId), inArray(vettingReport.creatorId, ids)))
    .orderBy(desc(vettingReport.createdAt));
  const out = new Map<string, RecipientContext>();
  for (const p of people) {
    const top = accounts
      .filter((a) => a.creatorId === p.id)
      .sort((a, b) => (b.followers ?? -1) - (a.followers ?? -1))[0];
    const report = reports.find((r) => r.creatorId === p.id);
    out.set(p.id, {
      creatorId: p.id,
      name: p.name,
      email: p.email,
      handle: top?.handle ?? null,
      platform: top?.platform ?? null,
      recentPostSuggestion: report ? recentPostOf(report.input) : null,
    });
  }
  return out;
}

interface SendContext {
  template: TemplateRow;
  programId: string | null;
  programName: string | null;
  brandName: string;
}

async function loadSendContext(
  db: Db | Tx,
  scope: WorkspaceScope,
  templateId: string,
  programId: string | null | undefined,
): Promise<SendContext> {
  const template = await getTemplateRowOrThrow(db, scope, templateId);
  const chosen = programId ?? template.programId;
  const prg = chosen ? await getProgramRowOrThrow(db, scope, chosen) : null;
  const [ws] = await db
    .select({ name: workspace.name })
    .from(workspace)
    .where(eq(workspace.id, scope.workspaceId));
  return { template, programId: prg?.id ?? null, programName: prg?.name ?? null, brandName: ws?.name ?? '' };
}

function mergeValues(
  ctx: SendContext,
  person: RecipientContext,
  recentPost: string | undefined,
): MergeValues {
  const { offer } = ctx.template;
  return {
    firstName: firstNameOf(person.name),
    name: person.name,
    handle: person.handle ? `@${person.handle}` : null,
    platform: person.platform ? platformLabels[person.platform] : null,
    recentPost,
    programName: ctx.programName,
    brandName: ctx.brandName,
    'offer.fee': formatFee(offer.feeMinor, offer.currency),
    'offer.commission': formatCommission(offer.commissionPercent),
    'offer.product': offer.product,
  };
}

function render(
  ctx: SendContext,
  kind: MessageKind,
  person: RecipientContext,
  recentPost: string | undefined,
) {
  const values = mergeValues(ctx, person, recentPost);
  const subject = renderMerge(ctx.template.subject, values);
  const body = renderMerge(kind === 'initial' ? ctx.template.body : ctx.template.followUpBody, values);
  // A follow-up reuses the thread's subject, so only its body can leave fields unfilled.
  const unfilled = kind === 'initial' ? [...new Set([...subject.unfilled, ...body.unfilled])] : body.unfilled;
  return {
    subject: kind === 'initial' ? subject.text : `Re: ${subject.text}`,
    body: body.text,
    unfilled,
  };
}

function previewFor(
  ctx: SendContext,
  kind: MessageKind,
  people: Map<string, RecipientContext>,
  recipients: RecipientInput[],
): PreviewItem[] {
  return recipients.map((r) => {
    const person = people.get(r.creatorId)!;
    return {
      creatorId: person.creatorId,
      name: person.name,
      handle: person.handle,
      to: person.email,
      ...render(ctx, kind, person, r.recentPost),
      recentPostSuggestion: person.recentPostSuggestion,
    };
  });
}

/** Renders the template for each recipient without sending; `unfilled` says what is still missing. */
export async function previewOutreach(
  db: Db,
  scope: WorkspaceScope,
  input: { templateId: string; programId?: string | null | undefined; recipients: RecipientInput[] },
): Promise<PreviewItem[]> {
  const ctx = await loadSendContext(db, scope, input.templateId, input.programId);
  const people = await loadRecipients(
    db,
    scope,
    input.recipients.map((r) => r.creatorId),
  );
  return previewFor(ctx, 'initial', people, input.recipients);
}

/** Throws one 422 naming every recipient with an unfilled placeholder or without an email address. */
function assertSendable(items: PreviewItem[]) {
  const problems: FieldProblem[] = [];
  const refused: Array<{ creatorId: string; name: string; unfilled: string[]; hasEmail: boolean }> = [];
  items.forEach((item, i) => {
    const who = `${item.name}${item.handle ? ` (@${item.handle})` : ''}`;
    for (const field of item.unfilled)
      problems.push({ field: `recipients.${i}.${field}`, message: `${who}: {{${field}}} is not filled` });
    if (!item.to)
      problems.push({
        field: `recipients.${i}.email`,
        message: `${who} has no email address: add one on their profile first`,
      });
    if (item.unfilled.length > 0 || !item.to)
      refused.push({
        creatorId: item.creatorId,
        name: item.name,
        unfilled: item.unfilled,
        hasEmail: !!item.to,
      });
  });
  if (problems.length === 0) return;
  const detail = `Nothing was sent. ${refused
    .map(
      (r) =>
        `${r.name}: ${[
          r.unfilled.length ? `unfilled ${r.unfilled.map((f) => `{{${f}}}`).join(', ')}` : '',
          r.hasEmail ? '' : 'no email address',
        ]
          .filter(Boolean)
          .join('; ')}`,
    )
    .join('. ')}.`;
  throw new AppError('validation_failed', detail, { problems, extra: { refused } });
}

// ── Sending ──────────────────────────────────────────────────────────────────────────────────────────

export interface PreparedSend {
  ctx: SendContext;
  kind: MessageKind;
  items: Array<PreviewItem & { to: string; threadId: string | null }>;
}

/**
 * Renders every message and refuses (422, nothing written) while any recipient has an unfilled
 * placeholder or no email. Call before opening the transaction that records the send.
 */
export async function prepareSend(
  db: Db | Tx,
  scope: WorkspaceScope,
  input: { templateId: string; programId?: string | null | undefined; recipients: RecipientInput[] },
): Promise<PreparedSend> {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  input.recipients.forEach((r, i) => {
    if (seen.has(r.creatorId))
      problems.push({ field: `recipients.${i}.creatorId`, message: `repeats ${r.creatorId}` });
    seen.add(r.creatorId);
  });
  if (problems.length > 0) throw validationError(problems);
  const ctx = await loadSendContext(db, scope, input.templateId, input.programId);
  const people = await loadRecipients(
    db,
    scope,
    input.recipients.map((r) => r.creatorId),
  );
  const items = previewFor(ctx, 'initial', people, input.recipients);
  assertSendable(items);
  return { ctx, kind: 'initial', items: items.map((item) => ({ ...item, to: item.to!, threadId: null })) };
}

/**
 * Records a prepared send inside the caller's transaction: one outbox message, one outreach message and
 * one audit event per recipient. Returns the outreach and outbox ids; deliver the outbox ids after commit.
 */
export async function recordSend(
  tx: Tx,
  scope: WorkspaceScope,
  mailer: Mailer,
  prepared: PreparedSend,
): Promise<{ messageIds: string[]; outboxIds: string[] }> {
  const { ctx, kind } = prepared;
  const creatorIds = prepared.items.map((i) => i.creatorId);
  const memberships = ctx.programId
    ? await tx
        .select({ id: ambassador.id, creatorId: ambassador.creatorId })
        .from(ambassador)
        .where(and(eq(ambassador.programId, ctx.programId), inArray(ambassador.creatorId, creatorIds)))
    : [];
  const messageIds: string[] = [];
  const outboxIds: string[] = [];
  const audits: AuditInput[] = [];
  const sentAt = new Date();
  for (const item of prepared.items) {
    const [outboxId] = await mailer.record(tx, {
      workspaceIds: [scope.workspaceId],
      to: item.to,
      subject: item.subject,
      text: item.body,
      kind: kind === 'initial' ? 'outreach.initial' : 'outreach.follow_up',
      readableBy: 'manager',
    });
    const id = newId('outreachMessage');
    await tx.insert(outreachMessage).values({
      id,
      workspaceId: scope.workspaceId,
      templateId: ctx.template.id,
      creatorId: item.creatorId,
      programId: ctx.programId,
      ambassadorId: memberships.find((m) => m.creatorId === item.creatorId)?.id ?? null,
      kind,
      threadId: item.threadId,
      to: item.to,
      subject: item.subject,
      body: item.body,
      outboxMessageId: outboxId ?? null,
      sentBy: scope.userId === 'system' ? null : scope.userId,
      sentAt,
    });
    messageIds.push(id);
    if (outboxId) outboxIds.push(outboxId);
    audits.push({
      action: kind === 'initial' ? 'outreach.sent' : 'outreach.follow_up_sent',
      entityType: 'outreach_message',
      entityId: id,
      creatorId: item.creatorId,
      after: {
        templateId: ctx.template.id,
        templateName: ctx.template.name,
        to: item.to,
        subject: item.subject,
      },
    });
  }
  await recordAudits(tx, scope, audits);
  return { messageIds, outboxIds };
}

/** Sends a template to each recipient (all or nothing; see `prepareSend`). */
export async function sendOutreach(
  db: Db,
  scope: WorkspaceScope,
  mailer: Mailer,
  input: { templateId: string; programId?: string | null | undefined; recipients: RecipientInput[] },
): Promise<OutreachMessage[]> {
  const prepared = await prepareSend(db, scope, input);
  const sent = await db.transaction((tx) => recordSend(tx, scope, mailer, prepared));
  await mailer.deliver(db, sent.outboxIds);
  return listMessagesByIds(db, scope, sent.messageIds);
}

// ── Messages, replies and follow-ups ─────────────────────────────────────────────────────────────────

async function queryMessages(db: Db | Tx, scope: WorkspaceScope, where: ReturnType<typeof and>) {
  const rows = await db
    .select({
      m: outreachMessage,
      creatorName: creator.name,
      templateName: outreachTemplate.name,
      followUpDays: outreachTemplate.followUpDays,
      outboxStatus: outboxMessage.status,
    })
    .from(outreachMessage)
    .innerJoin(creator, eq(creator.id, outreachMessage.creatorId))
    .leftJoin(outreachTemplate, eq(outreachTemplate.id, outreachMessage.templateId))
    .leftJoin(outboxMessage, eq(outboxMessage.id, outreachMessage.outboxMessageId))
    .where(and(eq(outreachMessage.workspaceId, scope.workspaceId), where))
    .orderBy(desc(outreachMessage.sentAt), desc(outreachMessage.createdAt))
    .limit(500);
  return rows.map((r) => ({
    followUpDays: r.followUpDays,
    message: {
      id: r.m.id,
      templateId: r.m.templateId,
      templateName: r.templateName,
      creatorId: r.m.creatorId,
      creatorName: r.creatorName,
      programId: r.m.programId,
      ambassadorId: r.m.ambassadorId,
      kind: r.m.kind,
      threadId: r.m.threadId ?? r.m.id,
      to: r.m.to,
      subject: r.m.subject,
      body: r.m.body,
      outboxMessageId: r.m.outboxMessageId,
      outboxStatus: r.outboxStatus,
      sentAt: r.m.sentAt.toISOString(),
      repliedAt: r.m.repliedAt?.toISOString() ?? null,
      replyNote: r.m.replyNote,
    } satisfies OutreachMessage,
  }));
}

async function listMessagesByIds(db: Db, scope: WorkspaceScope, ids: string[]) {
  if (ids.length === 0) return [];
  return (await queryMessages(db, scope, inArray(outreachMessage.id, ids))).map((r) => r.message);
}

export async function listMessages(
  db: Db,
  scope: WorkspaceScope,
  filter: { templateId?: string | undefined; creatorId?: string | undefined },
): Promise<OutreachMessage[]> {
  const rows = await queryMessages(
    db,
    scope,
    and(
      filter.templateId ? eq(outreachMessage.templateId, filter.templateId) : undefined,
      filter.creatorId ? eq(outreachMessage.creatorId, filter.creatorId) : undefined,
    ),
  );
  return rows.map((r) => r.message);
}

async function getMessageRowOrThrow(db: Db | Tx, scope: WorkspaceScope, id: string) {
  const [row] = await db
    .select()
    .from(outreachMessage)
    .where(and(eq(outreachMessage.id, id), eq(outreachMessage.workspaceId, scope.workspaceId)));
  if (!row) throw notFound('outreach message', id);
  return row;
}

/** Records (or corrects) the reply to a message, entered by hand from the team's inbox. */
export async function recordReply(
  db: Db,
  scope: WorkspaceScope,
  id: string,
  input: { repliedAt: string; note: string },
): Promise<OutreachMessage> {
  const repliedAt = new Date(input.repliedAt);
  await db.transaction(async (tx) => {
    const before = await getMessageRowOrThrow(tx, scope, id);
    if (repliedAt.getTime() < before.sentAt.getTime() - 86_400_000) {
      throw validationError([{ field: 'repliedAt', message: 'is before the message was sent' }]);
    }
    await tx
      .update(outreachMessage)
      .set({ repliedAt, replyNote: input.note })
      .where(eq(outreachMessage.id, id));
    await recordAudit(tx, scope, {
      action: 'outreach.reply_recorded',
      entityType: 'outreach_message',
      entityId: id,
      creatorId: before.creatorId,
      before: { repliedAt: before.repliedAt?.toISOString() ?? null, note: before.replyNote },
      after: { repliedAt: repliedAt.toISOString(), note: input.note },
    });
  });
  const [message] = await listMessagesByIds(db, scope, [id]);
  return message!;
}

/** Threads whose template schedules a follow-up, sent that many days ago, unanswered and not followed up. */
export async function listDueFollowUps(
  db: Db,
  scope: WorkspaceScope,
  now = new Date(),
): Promise<DueFollowUp[]> {
  const rows = await queryMessages(
    db,
    scope,
    and(
      eq(outreachMessage.kind, 'initial'),
      isNull(outreachMessage.repliedAt),
      sql`${outreachTemplate.followUpDays} is not null`,
      sql`${outreachMessage.sentAt} <= ${now.toISOString()}::timestamptz - make_interval(days => ${outreachTemplate.followUpDays})`,
      sql`not exists (select 1 from outreach_message f where f.thread_id = "outreach_message"."id")`,
    ),
  );
  return rows
    .map((r) => ({
      message: r.message,
      followUpDays: r.followUpDays!,
      dueSince: new Date(new Date(r.message.sentAt).getTime() + r.followUpDays! * 86_400_000).toISOString(),
    }))
    .reverse();
}

/**
 * Sends a thread's follow-up (its template's follow-up body), refused like a first send. The checks run
 * inside the transaction that records it, under a lock on the thread's first message, so of two
 * concurrent requests for one thread only one sends; the other gets 409.
 */
export async function sendFollowUp(
  db: Db,
  scope: WorkspaceScope,
  mailer: Mailer,
  messageId: string,
  input: { recentPost?: string | undefined },
): Promise<OutreachMessage> {
  const sent = await db.transaction(async (tx) => {
    const [root] = await tx
      .select()
      .from(outreachMessage)
      .where(and(eq(outreachMessage.id, messageId), eq(outreachMessage.workspaceId, scope.workspaceId)))
      .for('update');
    if (!root) throw notFound('outreach message', messageId);
    if (root.kind !== 'initial' || root.threadId)
      throw new AppError('conflict', 'Follow up on the first message of a thread.');
    if (!root.templateId) throw new AppError('conflict', 'The template of this message was deleted.');
    const ctx = await loadSendContext(tx, scope, root.templateId, root.programId);
    if (ctx.template.followUpDays === null || ctx.template.followUpBody === '')
      throw new AppError('conflict', `The template “${ctx.template.name}” has no follow-up.`);
    const [existing] = await tx
      .select({ sentAt: outreachMessage.sentAt })
      .from(outreachMessage)
      .where(and(eq(outreachMessage.threadId, root.id), eq(outreachMessage.kind, 'follow_up')));
    if (existing)
      throw new AppError(
        'conflict',
        `This thread already has a follow-up (sent ${existing.sentAt.toISOString()}): nothing was sent.`,
      );
    const replied = await tx
      .select({ id: outreachMessage.id })
      .from(outreachMessage)
      .where(
        and(
          or(eq(outreachMessage.id, root.id), eq(outreachMessage.threadId, root.id)),
          sql`${outreachMessage.repliedAt} is not null`,
        ),
      );
    if (replied.length > 0) throw new AppError('conflict', 'They already replied: no follow-up needed.');
    const people = await loadRecipients(tx, scope, [root.creatorId]);
    const [item] = previewFor(ctx, 'follow_up', people, [
      { creatorId: root.creatorId, recentPost: input.recentPost },
    ]);
    // A follow-up goes to the thread's address, even if the profile's email changed since.
    const prepared: PreparedSend = {
      ctx,
      kind: 'follow_up',
      items: [{ ...item!, to: root.to, subject: `Re: ${root.subject}`, threadId: root.id }],
    };
    assertSendable(prepared.items);
    return recordSend(tx, scope, mailer, prepared);
  });
  await mailer.deliver(db, sent.outboxIds);
  const [message] = await listMessagesByIds(db, scope, sent.messageIds);
  return message!;
}

// Outreach messages (PRODUCT R4): sending through the Mailer (all or nothing), listing, replies and follow-ups.
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { AppError, type FieldProblem, notFound, validationError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { type AuditInput, recordAudit, recordAudits } from '../audit/audit.service';
import { outboxMessage } from '../outbox/outbox.schema';
import type { Mailer } from '../outbox/outbox.service';
import { ambassador, creator } from '../people/people.schema';
import type { DueFollowUp, OutreachMessage, PreviewItem, RecipientInput } from './outreach.contract';
import { outreachMessage, outreachTemplate } from './outreach.schema';
import {
  assertSendable,
  loadRecipients,
  loadSendContext,
  type MessageKind,
  previewFor,
  type SendContext,
} from './outreach-render.service';

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

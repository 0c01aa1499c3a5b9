// Cadence (B6): each active ambassador's published pieces this month against the program's cadence, and
// reminders to those behind — once per ambassador per month (the cadence_reminder row enforces it), recorded
// in the outbox inside the transaction and delivered after the commit.
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import {
  type AmbassadorCadence,
  computeCadence,
  daysLeftInMonth,
  monthBounds,
  monthOf,
} from '../../../core/cadence';
import type { Db } from '../../db/client';
import { notFound } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import { systemScope, type WorkspaceScope } from '../../lib/scope';
import { recordAudits } from '../audit/audit.service';
import { submission } from '../content/content.schema';
import type { Mailer } from '../outbox/outbox.service';
import { ambassador, creator } from '../people/people.schema';
import { program } from '../programs/programs.schema';
import { workspace } from '../workspaces/workspaces.schema';
import type { AmbassadorCadenceView, CadenceReportView, ReminderResult } from './library.contract';
import { cadenceReminder } from './library.schema';
import { accountsByCreator, handleOn } from './library-data';

/** The sweep reminds ambassadors behind cadence from this many days before the month's last day. */
export const reminderDaysBeforeMonthEnd = 5;

const formatLabels: Record<string, string> = {
  feed: 'feed post',
  story: 'story',
  reel: 'reel',
  video: 'video',
  short: 'short',
  review: 'review',
};

async function loadProgram(db: Db, workspaceId: string, programId: string) {
  const [row] = await db
    .select({ p: program, workspaceName: workspace.name })
    .from(program)
    .innerJoin(workspace, eq(workspace.id, program.workspaceId))
    .where(and(eq(program.workspaceId, workspaceId), eq(program.id, programId)));
  if (!row) throw notFound('program', programId);
  return row;
}

async function buildReport(
  db: Db,
  workspaceId: string,
  programRow: Awaited<ReturnType<typeof loadProgram>>,
  month: string,
  now: Date,
): Promise<CadenceReportView> {
  const { p } = programRow;
  const members = await db
    .select({
      ambassadorId: ambassador.id,
      creatorId: creator.id,
      name: creator.name,
      email: creator.email,
      stage: ambassador.stage,
    })
    .from(ambassador)
    .innerJoin(creator, eq(creator.id, ambassador.creatorId))
    .where(
      and(
        eq(ambassador.workspaceId, workspaceId),
        eq(ambassador.programId, p.id),
        eq(ambassador.stage, 'active'),
      ),
    )
    .orderBy(asc(creator.name));
  const ids = members.map((m) => m.ambassadorId);
  const { start, end } = monthBounds(month);
  const [published, reminders, accounts] = await Promise.all([
    ids.length === 0
      ? []
      : db
          .select({
            ambassadorId: submission.ambassadorId,
            format: submission.format,
            publishedAt: submission.publishedAt,
          })
          .from(submission)
          .where(
            and(
              eq(submission.workspaceId, workspaceId),
              eq(submission.programId, p.id),
              eq(submission.status, 'published'),
              inArray(submission.ambassadorId, ids),
              gte(submission.publishedAt, start),
              lt(submission.publishedAt, end),
            ),
          ),
    ids.length === 0
      ? []
      : db
          .select({ ambassadorId: cadenceReminder.ambassadorId, createdAt: cadenceReminder.createdAt })
          .from(cadenceReminder)
          .where(
            and(
              eq(cadenceReminder.workspaceId, workspaceId),
              eq(cadenceReminder.month, month),
              inArray(cadenceReminder.ambassadorId, ids),
            ),
          ),
    accountsByCreator(
      db,
      workspaceId,
      members.map((m) => m.creatorId),
    ),
  ]);
  const report = computeCadence({
    month,
    today: now,
    requirement: p.cadence,
    ambassadorIds: ids,
    published: published.map((r) => ({ ...r, publishedAt: r.publishedAt! })),
  });
  const byId = new Map(members.map((m) => [m.ambassadorId, m]));
  const remindedAt = new Map(reminders.map((r) => [r.ambassadorId, r.createdAt.toISOString()]));
  const view = (a: AmbassadorCadence): AmbassadorCadenceView => {
    const m = byId.get(a.ambassadorId)!;
    const platform = accounts.get(m.creatorId)?.[0]?.platform ?? 'instagram';
    return {
      ...a,
      creatorId: m.creatorId,
      name: m.name,
      email: m.email,
      stage: m.stage,
      handle: handleOn(accounts.get(m.creatorId), platform),
      remindedAt: remindedAt.get(a.ambassadorId) ?? null,
    };
  };
  return {
    programId: p.id,
    programName: p.name,
    month,
    period: report.period,
    daysInMonth: report.daysInMonth,
    elapsedDays: report.elapsedDays,
    requirement: p.cadence,
    cohort: report.cohort,
    ambassadors: report.ambassadors.map(view),
    behind: report.behind.map(view),
  };
}

/** A program's cadence for `month` (default: the current month), active ambassadors only. */
export async function getCadence(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  month?: string,
  now = new Date(),
): Promise<CadenceReportView> {
  const programRow = await loadProgram(db, scope.workspaceId, programId);
  return buildReport(db, scope.workspaceId, programRow, month ?? monthOf(now), now);
}

function monthName(month: string): string {
  return monthBounds(month).start.toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function reminderMail(
  report: CadenceReportView,
  a: AmbassadorCadenceView,
  brand: string,
  portalUrl: string,
  now: Date,
) {
  const plural = (n: number, format: string) => `${n} ${formatLabels[format] ?? format}${n === 1 ? '' : 's'}`;
  const asked = report.requirement.map((r) => plural(r.perMonth, r.format)).join(', ');
  const done = a.formats.filter((f) => f.delivered > 0).map((f) => plural(f.delivered, f.format));
  const daysLeft = report.period === 'current' ? daysLeftInMonth(now) : 0;
  const firstName = a.name.split(/\s+/)[0] || a.name;
  return {
    subject: `${report.programName}: ${a.remaining} more ${a.remaining === 1 ? 'piece' : 'pieces'} for ${monthName(report.month)}`,
    text: [
      `Hi ${firstName},`,
      '',
      `A friendly nudge from ${brand}: for ${report.programName} we agreed on ${asked} a month.`,
      `So far in ${monthName(report.month)} we have ${done.length > 0 ? done.join(', ') : 'nothing published yet'}${daysLeft > 0 ? `, with ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} to go` : ''}.`,
      '',
      `If something is in the way, just reply — we would rather hear it than guess. Your brief and drafts are in the portal: ${portalUrl}`,
      '',
      `— ${brand}`,
    ].join('\n'),
  };
}

/**
 * Emails the named ambassadors of `report` who are behind and not yet reminded this month. Each reminder
 * row, its outbox message and its audit event commit together; mail is delivered after the commit.
 */
async function remind(
  db: Db,
  scope: WorkspaceScope,
  mailer: Mailer,
  report: CadenceReportView,
  brand: string,
  portalUrl: string,
  ambassadorIds: string[],
  now: Date,
): Promise<ReminderResult> {
  const sent: ReminderResult['sent'] = [];
  const skipped: ReminderResult['skipped'] = [];
  const targets: AmbassadorCadenceView[] = [];
  for (const id of [...new Set(ambassadorIds)]) {
    const a = report.ambassadors.find((x) => x.ambassadorId === id);
    if (!a) skipped.push({ ambassadorId: id, reason: 'is not an active ambassador of this program' });
    else if (a.status !== 'behind')
      skipped.push({ ambassadorId: id, reason: `is not behind cadence (${a.status.replace('_', ' ')})` });
    else if (!a.email) skipped.push({ ambassadorId: id, reason: 'has no email address' });
    else targets.push(a);
  }
  if (targets.length === 0) return { month: report.month, sent, skipped };
  const outboxIds = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(cadenceReminder)
      .values(
        targets.map((a) => ({
          id: newId('cadenceReminder'),
          workspaceId: scope.workspaceId,
          ambassadorId: a.ambassadorId,
          month: report.month,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: cadenceReminder.id, ambassadorId: cadenceReminder.ambassadorId });
    const fresh = new Map(inserted.map((r) => [r.ambassadorId, r.id]));
    const ids: string[] = [];
    const audits = [];
    for (const a of targets) {
      const reminderId = fresh.get(a.ambassadorId);
      if (!reminderId) {
        skipped.push({ ambassadorId: a.ambassadorId, reason: `was already reminded for ${report.month}` });
        continue;
      }
      const mail = reminderMail(report, a, brand, portalUrl, now);
      const [messageId] = await mailer.record(tx, {
        workspaceIds: [scope.workspaceId],
        to: a.email!,
        subject: mail.subject,
        text: mail.text,
        kind: 'cadence.reminder',
        readableBy: 'manager',
      });
      await tx
        .update(cadenceReminder)
        .set({ outboxMessageId: messageId! })
        .where(eq(cadenceReminder.id, reminderId));
      ids.push(messageId!);
      sent.push({ ambassadorId: a.ambassadorId, messageId: messageId! });
      audits.push({
        action: 'ambassador.cadence_reminder_sent',
        entityType: 'ambassador',
        entityId: a.ambassadorId,
        creatorId: a.creatorId,
        after: { month: report.month, delivered: a.delivered, required: a.required },
      });
    }
    await recordAudits(tx, scope, audits);
    return ids;
  });
  await mailer.deliver(db, outboxIds);
  return { month: report.month, sent, skipped };
}

/** "Send reminder" from the cadence page: the current month only, behind ambassadors only, once a month. */
export async function sendCadenceReminders(
  db: Db,
  scope: WorkspaceScope,
  mailer: Mailer,
  programId: string,
  ambassadorIds: string[],
  portalUrl: string,
  now = new Date(),
): Promise<ReminderResult> {
  const programRow = await loadProgram(db, scope.workspaceId, programId);
  const report = await buildReport(db, scope.workspaceId, programRow, monthOf(now), now);
  return remind(db, scope, mailer, report, programRow.workspaceName, portalUrl, ambassadorIds, now);
}

/**
 * The sweep's work: from `reminderDaysBeforeMonthEnd` days before the month's last day, every active
 * program with a cadence reminds each ambassador behind it, once for the month. Returns how many were sent.
 */
export async function runCadenceReminders(
  db: Db,
  mailer: Mailer,
  portalUrl: string,
  now = new Date(),
): Promise<number> {
  if (daysLeftInMonth(now) > reminderDaysBeforeMonthEnd) return 0;
  const programs = await db
    .select({ id: program.id, workspaceId: program.workspaceId })
    .from(program)
    .where(and(eq(program.status, 'active'), sql`jsonb_array_length(${program.cadence}) > 0`));
  let sent = 0;
  for (const p of programs) {
    const scope = systemScope(p.workspaceId);
    const programRow = await loadProgram(db, p.workspaceId, p.id);
    const report = await buildReport(db, p.workspaceId, programRow, monthOf(now), now);
    const due = report.behind.filter((a) => a.remindedAt === null).map((a) => a.ambassadorId);
    if (due.length === 0) continue;
    const result = await remind(db, scope, mailer, report, programRow.workspaceName, portalUrl, due, now);
    sent += result.sent.length;
  }
  return sent;
}

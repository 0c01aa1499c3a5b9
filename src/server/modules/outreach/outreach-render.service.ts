// Outreach rendering: merge values per recipient, previews, and the check that refuses unfillable sends.
import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  firstNameOf,
  formatCommission,
  formatFee,
  type MergeValues,
  renderMerge,
} from '../../../core/outreach/merge';
import type { Db, Tx } from '../../db/client';
import { AppError, type FieldProblem, notFound } from '../../lib/app-error';
import type { WorkspaceScope } from '../../lib/scope';
import { creator, socialAccount } from '../people/people.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import { vettingReport } from '../vetting/vetting.schema';
import { workspace } from '../workspaces/workspaces.schema';
import type { PreviewItem, RecipientInput } from './outreach.contract';
import { getTemplateRowOrThrow, type TemplateRow } from './outreach-templates.service';

export type MessageKind = 'initial' | 'follow_up';

const platformLabels: Record<string, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  other: 'social media',
};
export interface RecipientContext {
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
export async function loadRecipients(
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

export interface SendContext {
  template: TemplateRow;
  programId: string | null;
  programName: string | null;
  brandName: string;
}

export async function loadSendContext(
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

export function previewFor(
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
export function assertSendable(items: PreviewItem[]) {
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

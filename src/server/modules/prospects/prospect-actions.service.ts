// Bulk actions on a prospect list: vetting a JSONL file of inputs, and inviting prospects with a template.
import { and, eq, inArray } from 'drizzle-orm';
import type { Stage } from '../../../core/pipeline/stages';
import { stageLabels } from '../../../core/pipeline/stages';
import { parseCreatorInput, type CreatorInput as VettingInput } from '../../../core/vetting';
import type { Db } from '../../db/client';
import { type FieldProblem, validationError, zodProblems } from '../../lib/app-error';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import type { Mailer } from '../outbox/outbox.service';
import type { RecipientInput } from '../outreach/outreach.contract';
import { prepareSend, recordSend } from '../outreach/outreach-messages.service';
import { addAmbassador, moveAmbassadorStage } from '../people/ambassadors.service';
import { ambassador, creator, socialAccount } from '../people/people.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import { vetOne } from '../vetting/vetting.service';
import type { BulkVetResult, InviteResult } from './prospects.contract';
import { prospectListEntry } from './prospects.schema';
import { getListRowOrThrow } from './prospects.service';

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

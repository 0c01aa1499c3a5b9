// Applications (PRODUCT R1): the public application page and what a submission writes — creator, ambassador
// in `applied` (or `waitlisted` when the cohort is full), the application with its consent, audit — in one
// transaction, then the acknowledgement email. Plus the team's read of applications and the page settings.
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Stage, seatStages } from '../../../core/pipeline/stages';
import { checkAnswers } from '../../../core/recruitment/answers';
import type { Db } from '../../db/client';
import { AppError, validationError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import { systemScope, type WorkspaceScope } from '../../lib/scope';
import { type AuditInput, recordAudit, recordAudits } from '../audit/audit.service';
import type { Mailer } from '../outbox/outbox.service';
import { applyStageChange } from '../people/ambassadors.service';
import { ambassador, creator, socialAccount } from '../people/people.schema';
import { type ApplicationForm, platforms } from '../programs/programs.contract';
import { program } from '../programs/programs.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import { workspace } from '../workspaces/workspaces.schema';
import type {
  Application,
  ApplicationReceipt,
  ApplicationSubmissionParsed,
  PublicApplicationPage,
} from './applications.contract';
import { application } from './applications.schema';

const closedPage = () =>
  new AppError('not_found', 'This application page does not exist or is not taking applications.');

/** The program behind `/apply/<slug>` with its brand, when its page is open; 404 otherwise. */
async function getOpenProgramBySlug(db: Db, slug: string) {
  const [row] = await db
    .select({ program, brandName: workspace.name })
    .from(program)
    .innerJoin(workspace, eq(workspace.id, program.workspaceId))
    .where(eq(program.slug, slug));
  if (!row || row.program.status === 'archived' || !row.program.applicationForm.open) throw closedPage();
  return row;
}

async function seatsTaken(db: Db, programId: string): Promise<number> {
  const [seats] = await db
    .select({ n: count() })
    .from(ambassador)
    .where(and(eq(ambassador.programId, programId), inArray(ambassador.stage, [...seatStages])));
  return seats?.n ?? 0;
}

const isFull = (capacity: number | null, taken: number) => capacity !== null && taken >= capacity;

export async function getPublicApplicationPage(db: Db, slug: string): Promise<PublicApplicationPage> {
  const { program: p, brandName } = await getOpenProgramBySlug(db, slug);
  const form = p.applicationForm;
  return {
    programName: p.name,
    brandName,
    headline: form.headline,
    intro: form.intro,
    accentColor: form.accentColor,
    consentText: form.consentText,
    questions: form.questions.map(({ id, label, type, required, options, help }) => ({
      id,
      label,
      type,
      required,
      options,
      help,
    })),
    platforms: p.persona.platforms.length > 0 ? p.persona.platforms : [...platforms],
    full: isFull(p.capacity, await seatsTaken(db, p.id)),
  };
}

/** Stages in which a person has been approached but has not applied: applying moves them on. */
const invitableStages: readonly Stage[] = ['prospect', 'invited'];

function receipt(isWaitlisted: boolean, programName: string): ApplicationReceipt {
  return isWaitlisted
    ? {
        status: 'waitlisted',
        message: `${programName} is full right now, so you are on the waitlist. We will reply by email when a seat opens.`,
      }
    : { status: 'received', message: `Thanks for applying to ${programName}. We will reply by email.` };
}

// The address is not verified and the name is whatever the form was sent with, so the mail carries no
// applicant-written text: the brand's SMTP must not relay a stranger's words to any address.
function acknowledgement(input: { programName: string; brandName: string; isWaitlisted: boolean }) {
  const greeting = 'Hello,';
  const sign = `— ${input.brandName}`;
  if (input.isWaitlisted) {
    return {
      subject: `You're on the waitlist for ${input.programName}`,
      text: [
        greeting,
        '',
        `Thank you for applying to ${input.programName}. Every seat in the program is taken at the moment, so we have put you on the waitlist.`,
        'We will email you as soon as a seat opens up. There is nothing else you need to do.',
        '',
        sign,
      ].join('\n'),
    };
  }
  return {
    subject: `We received your application to ${input.programName}`,
    text: [
      greeting,
      '',
      `Thank you for applying to ${input.programName}. We read every application and will reply to this address once we have reviewed yours.`,
      '',
      sign,
    ].join('\n'),
  };
}

/**
 * Handles a submission from the public page. Answers are checked against the program's questions (each
 * problem names its field, and nothing is written). A bot that filled the hidden field, or an email that
 * already applied to this program, gets the same answer as a real first application but nothing is
 * stored or sent, so the form reveals nothing about who applied.
 *
 * An email that already belongs to a creator in the workspace reuses that creator and leaves their record
 * as it is (the application keeps what was typed). Handles go onto a new creator only when no other
 * creator in the workspace holds them; a handle someone else holds is kept in the application and noted in
 * the audit log for the team to look at, since the public form cannot prove who owns an account.
 */
export async function submitApplication(
  db: Db,
  mailer: Mailer,
  slug: string,
  input: ApplicationSubmissionParsed,
): Promise<ApplicationReceipt> {
  const { program: found, brandName } = await getOpenProgramBySlug(db, slug);
  if (input.website.trim() !== '') {
    return receipt(isFull(found.capacity, await seatsTaken(db, found.id)), found.name);
  }
  const checked = checkAnswers(found.applicationForm.questions, input.answers);
  if (!checked.ok) throw validationError(checked.problems);

  const scope = systemScope(found.workspaceId, `${input.name} (applicant)`);
  const outcome = await db.transaction(async (tx) => {
    // Locking the program serialises submissions (and stage moves) per program: the seat count read
    // below stays true, and the same email submitted twice at once cannot make two ambassadors.
    const prg = await getProgramRowOrThrow(tx, scope, found.id, { lock: true });
    const [seats] = await tx
      .select({ n: count() })
      .from(ambassador)
      .where(and(eq(ambassador.programId, prg.id), inArray(ambassador.stage, [...seatStages])));
    const taken = seats?.n ?? 0;
    const isWaitlisted = isFull(prg.capacity, taken);

    const [known] = await tx
      .select({ id: creator.id })
      .from(creator)
      .where(and(eq(creator.workspaceId, scope.workspaceId), sql`lower(${creator.email}) = ${input.email}`));
    // Someone the brand invited (or listed as a prospect) applies through the page: that is their
    // application, so it moves them on. Anyone further along, or who already applied, is a repeat.
    let invitedAmbassadorId: string | null = null;
    if (known) {
      const [already] = await tx
        .select({ id: ambassador.id, stage: ambassador.stage, applicationId: application.id })
        .from(ambassador)
        .leftJoin(application, eq(application.ambassadorId, ambassador.id))
        .where(and(eq(ambassador.programId, prg.id), eq(ambassador.creatorId, known.id)));
      if (already) {
        const canApply = already.applicationId === null && invitableStages.includes(already.stage);
        if (!canApply) return { isDuplicate: true as const, isWaitlisted };
        invitedAmbassadorId = already.id;
      }
    }

    const audits: AuditInput[] = [];
    const creatorId = known?.id ?? newId('creator');
    const heldByOthers: Array<{ platform: string; handle: string }> = [];
    if (!known) {
      await tx.insert(creator).values({
        id: creatorId,
        workspaceId: scope.workspaceId,
        name: input.name,
        email: input.email,
        country: input.country,
        tags: [],
      });
      const free = [];
      for (const h of input.handles) {
        const [holder] = await tx
          .select({ id: socialAccount.id })
          .from(socialAccount)
          .where(
            and(
              eq(socialAccount.workspaceId, scope.workspaceId),
              eq(socialAccount.platform, h.platform),
              sql`lower(${socialAccount.handle}) = ${h.handle.toLowerCase()}`,
            ),
          );
        if (holder) heldByOthers.push({ platform: h.platform, handle: h.handle });
        else free.push(h);
      }
      if (free.length > 0) {
        await tx.insert(socialAccount).values(
          free.map((h) => ({
            id: newId('socialAccount'),
            workspaceId: scope.workspaceId,
            creatorId,
            platform: h.platform,
            handle: h.handle,
            followers: h.followers,
          })),
        );
      }
      audits.push({
        action: 'creator.created',
        entityType: 'creator',
        entityId: creatorId,
        creatorId,
        after: { name: input.name, email: input.email, country: input.country, socialAccounts: free },
        reason: `Applied to ${prg.name} on the public page`,
      });
    }

    const stage = isWaitlisted ? 'waitlisted' : 'applied';
    const fullReason = isWaitlisted ? `program full (${taken} of ${prg.capacity} seats taken)` : '';
    const ambassadorId = invitedAmbassadorId ?? newId('ambassador');
    if (invitedAmbassadorId) {
      await applyStageChange(tx, scope, ambassadorId, {
        to: 'applied',
        reason: 'Applied on the public page',
      });
      if (isWaitlisted)
        await applyStageChange(tx, scope, ambassadorId, { to: 'waitlisted', reason: fullReason });
    } else {
      await tx.insert(ambassador).values({
        id: ambassadorId,
        workspaceId: scope.workspaceId,
        programId: prg.id,
        creatorId,
        stage,
      });
      audits.push({
        action: 'ambassador.added',
        entityType: 'ambassador',
        entityId: ambassadorId,
        creatorId,
        after: { programId: prg.id, programName: prg.name, stage, source: 'application' },
        reason: fullReason,
      });
    }

    const applicationId = newId('application');
    const form: ApplicationForm = prg.applicationForm;
    await tx.insert(application).values({
      id: applicationId,
      workspaceId: scope.workspaceId,
      programId: prg.id,
      ambassadorId,
      creatorId,
      answers: checked.answers,
      handles: input.handles,
      consentText: form.consentText,
      consentedAt: new Date(),
      source: 'form',
    });
    audits.push({
      action: 'application.submitted',
      entityType: 'application',
      entityId: applicationId,
      creatorId,
      after: {
        programId: prg.id,
        programName: prg.name,
        ambassadorId,
        stage,
        ...(known ? { existingCreator: true } : {}),
        ...(heldByOthers.length > 0 ? { handlesHeldByOtherCreators: heldByOthers } : {}),
      },
      reason:
        heldByOthers.length > 0
          ? `Handles already on another creator, not linked: ${heldByOthers.map((h) => `${h.platform} @${h.handle}`).join(', ')}`
          : '',
    });
    await recordAudits(tx, scope, audits);
    // Recorded with the application (both or neither); delivered after the commit, not awaited, so the
    // answer takes as long for a new application as for a repeat and a slow mail server holds nothing.
    const mail = acknowledgement({ programName: prg.name, brandName, isWaitlisted });
    const mailIds = await mailer.record(tx, {
      workspaceIds: [scope.workspaceId],
      to: input.email,
      ...mail,
      kind: isWaitlisted ? 'application.waitlisted' : 'application.received',
    });
    return { isDuplicate: false as const, isWaitlisted, mailIds };
  });

  if (!outcome.isDuplicate) mailer.deliverInBackground(db, outcome.mailIds);
  return receipt(outcome.isWaitlisted, found.name);
}

/** The workspace's applications, newest first, optionally for one program, ambassador or creator. */
export async function listApplications(
  db: Db,
  scope: WorkspaceScope,
  filter: {
    programId?: string | undefined;
    ambassadorId?: string | undefined;
    creatorId?: string | undefined;
    limit: number;
  },
): Promise<Application[]> {
  const conditions = [eq(application.workspaceId, scope.workspaceId)];
  if (filter.programId) conditions.push(eq(application.programId, filter.programId));
  if (filter.ambassadorId) conditions.push(eq(application.ambassadorId, filter.ambassadorId));
  if (filter.creatorId) conditions.push(eq(application.creatorId, filter.creatorId));
  const rows = await db
    .select({ a: application, programName: program.name })
    .from(application)
    .innerJoin(program, eq(program.id, application.programId))
    .where(and(...conditions))
    .orderBy(desc(application.createdAt))
    .limit(filter.limit);
  return rows.map(({ a, programName }) => ({
    id: a.id,
    programId: a.programId,
    programName,
    ambassadorId: a.ambassadorId,
    creatorId: a.creatorId,
    answers: a.answers,
    handles: a.handles,
    consentText: a.consentText,
    consentedAt: a.consentedAt.toISOString(),
    source: a.source,
    createdAt: a.createdAt.toISOString(),
  }));
}

/**
 * Saves a program's application page on its own, so the program editor's PUT and this section do not
 * overwrite each other's unsaved work. `updatedAt` is left alone: it keys the program editor's form.
 */
export async function updateApplicationForm(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  form: ApplicationForm,
): Promise<ApplicationForm> {
  await db.transaction(async (tx) => {
    const before = await getProgramRowOrThrow(tx, scope, programId, { lock: true });
    await tx.update(program).set({ applicationForm: form }).where(eq(program.id, programId));
    await recordAudit(tx, scope, {
      action:
        before.applicationForm.open === form.open
          ? 'program.application_form_updated'
          : form.open
            ? 'program.application_form_opened'
            : 'program.application_form_closed',
      entityType: 'program',
      entityId: programId,
      before: before.applicationForm,
      after: form,
    });
  });
  return form;
}

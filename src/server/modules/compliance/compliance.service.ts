// Runs the compliance check (core/compliance) for a caller: an inline brief or raw rules, or a program's
// live standing brief and competitors. Shared by the API and `troupe check-caption`.
import { and, eq, inArray, or } from 'drizzle-orm';
import { type ComplianceRulesInput, checkCaption } from '../../../core/compliance';
import type { Db } from '../../db/client';
import { AppError } from '../../lib/app-error';
import { type BriefContent, briefRules } from '../briefs/briefs.contract';
import { findStandingBriefContent } from '../briefs/briefs.service';
import { program } from '../programs/programs.schema';
import { member } from '../workspaces/workspaces.schema';
import type { ComplianceCheckParsed, ComplianceCheckResult } from './compliance.contract';

export interface ProgramRef {
  id: string;
  workspaceId: string;
  competitors: string[];
}

/**
 * The program `programId` if it is in one of `userId`'s workspaces (optionally only `workspaceId`);
 * otherwise 404, the same answer as a program that does not exist.
 */
export async function findProgramForUser(
  db: Db,
  userId: string,
  programId: string,
  workspaceId?: string,
): Promise<ProgramRef> {
  const memberships = db.select({ id: member.workspaceId }).from(member).where(eq(member.userId, userId));
  const [row] = await db
    .select({ id: program.id, workspaceId: program.workspaceId, competitors: program.competitors })
    .from(program)
    .where(
      and(
        eq(program.id, programId),
        inArray(program.workspaceId, memberships),
        workspaceId ? eq(program.workspaceId, workspaceId) : undefined,
      ),
    );
  if (!row)
    throw new AppError('not_found', `No program with id ${programId} in your workspaces.`, {
      problems: [{ field: 'programId', message: 'no such program in your workspaces' }],
    });
  return row;
}

/**
 * Checks a caption; `target` is the already-authorised program (if any). `db` is read only for the
 * program's brief, so a check without a program may pass null.
 */
export async function checkCaptionFor(
  db: Db | null,
  target: ProgramRef | null,
  input: Omit<ComplianceCheckParsed, 'programId' | 'workspaceId'>,
): Promise<ComplianceCheckResult> {
  let rules: ComplianceRulesInput = {};
  let checkedAgainst: NonNullable<ComplianceCheckResult['checkedAgainst']>;
  let trackingMissing = false;
  if (input.rules) {
    rules = input.rules;
    checkedAgainst = { programId: null, briefId: null, version: null, source: 'rules' };
  } else {
    let content: BriefContent | null = input.brief ?? null;
    let briefId: string | null = null;
    let version: number | null = null;
    if (db && target && !input.brief) {
      const stored = await findStandingBriefContent(db, target.workspaceId, target.id);
      if (stored) ({ content, briefId, version } = stored);
    }
    const built = briefRules(content, {
      programCompetitors: target?.competitors ?? [],
      ...(input.tracking ? { tracking: input.tracking } : {}),
    });
    rules = built.rules;
    trackingMissing = built.trackingMissing;
    checkedAgainst = {
      programId: target?.id ?? null,
      briefId,
      version,
      source: input.brief ? 'inline' : content ? 'program' : 'defaults',
    };
  }
  let result: ReturnType<typeof checkCaption>;
  try {
    result = checkCaption({ platform: input.platform, caption: input.caption, rules });
  } catch (error) {
    // A stored or inline brief whose terms the check refuses (e.g. a term of punctuation only).
    const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
    if (!issues) throw error;
    throw new AppError('validation_failed', issues.map((i) => i.message).join('; '), {
      problems: issues.map((i) => ({
        field: ['rules', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    });
  }
  const rulesOut = [...result.rules];
  if (trackingMissing) {
    rulesOut.push({
      id: 'tracking.present',
      passed: false,
      severity: 'should',
      message:
        'The brief asks for the ambassador’s own tracking link or discount code. It is not checked here: ' +
        'each ambassador’s drafts are checked against the link and code issued to them.',
    });
  }
  return { passed: result.passed, rules: rulesOut, checkedAgainst };
}

/** A program found by id or slug in any workspace, for the CLI (whoever runs it holds the database). */
export async function findProgramByIdOrSlug(
  db: Db,
  idOrSlug: string,
): Promise<(ProgramRef & { slug: string }) | null> {
  const [row] = await db
    .select({
      id: program.id,
      slug: program.slug,
      workspaceId: program.workspaceId,
      competitors: program.competitors,
    })
    .from(program)
    .where(or(eq(program.id, idOrSlug), eq(program.slug, idOrSlug.toLowerCase())));
  return row ?? null;
}

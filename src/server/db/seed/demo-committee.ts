// Demo data for the committee (R5): the suggested rubric on the demo program and two committee members
// who have scored the first applicants, so the demo manager sees a queue where the scores stay hidden
// until they score too. Written through the committee service, so the stage moves and audit are real.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { suggestedRubric } from '../../../core/committee/default-rubric';
import { reviewableStages } from '../../../core/committee/review-stages';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { user } from '../../modules/auth/auth.schema';
import { submitReview, updateRubric } from '../../modules/committee/committee-decisions.service';
import { ambassador } from '../../modules/people/people.schema';
import { member } from '../../modules/workspaces/workspaces.schema';
import type { Db } from '../client';

/** Committee members without a password: they exist to have scored, not to sign in. */
const demoReviewers = [
  { name: 'Priya Raman', email: 'priya.reviewer@demo.troupe.invalid' },
  { name: 'Tomás Ortega', email: 'tomas.reviewer@demo.troupe.invalid' },
] as const;

type Sheet = [Record<string, number>, string];

/** Per applicant, each reviewer's scores (audience, content, brand, engagement, professionalism) and note. */
const sheets: Array<Array<Sheet | null>> = [
  [
    [
      {
        audience_fit: 5,
        content_quality: 4,
        brand_alignment: 5,
        engagement_authenticity: 4,
        professionalism: 4,
      },
      'Already posts about SPF every week; her followers ask where to buy.',
    ],
    [
      {
        audience_fit: 4,
        content_quality: 4,
        brand_alignment: 4,
        engagement_authenticity: 5,
        professionalism: 5,
      },
      'Replied to outreach within a day, comments are real conversations.',
    ],
  ],
  [
    [
      {
        audience_fit: 2,
        content_quality: 4,
        brand_alignment: 3,
        engagement_authenticity: 2,
        professionalism: 3,
      },
      'Lovely photos, but most of the audience is outside our shipping countries.',
    ],
    [
      {
        audience_fit: 4,
        content_quality: 3,
        brand_alignment: 3,
        engagement_authenticity: 3,
        professionalism: 4,
      },
      'Audience looks fine to me; worth a trial.',
    ],
  ],
  [
    [
      {
        audience_fit: 3,
        content_quality: 3,
        brand_alignment: 4,
        engagement_authenticity: 3,
        professionalism: 3,
      },
      'Solid but unremarkable; waitlist material.',
    ],
    null,
  ],
];

export async function seedDemoCommittee(db: Db, scope: WorkspaceScope, programId: string): Promise<void> {
  await updateRubric(
    db,
    scope,
    programId,
    suggestedRubric.map((c) => ({ ...c })),
  );
  const reviewers: WorkspaceScope[] = [];
  for (const r of demoReviewers) {
    // A re-run after a failed seed finds them already there (the cleanup removes only the workspace).
    await db
      .insert(user)
      .values({ id: randomUUID(), name: r.name, email: r.email, emailVerified: true })
      .onConflictDoNothing();
    const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, r.email));
    if (!row) throw new Error(`The demo reviewer ${r.email} is missing.`);
    await db
      .insert(member)
      .values({ id: newId('member'), workspaceId: scope.workspaceId, userId: row.id, role: 'reviewer' });
    reviewers.push({ workspaceId: scope.workspaceId, userId: row.id, role: 'reviewer', actorName: r.name });
  }
  const applicants = await db
    .select({ id: ambassador.id })
    .from(ambassador)
    .where(and(eq(ambassador.programId, programId), inArray(ambassador.stage, [...reviewableStages])))
    .orderBy(asc(ambassador.stageChangedAt))
    .limit(sheets.length);
  for (const [i, applicant] of applicants.entries()) {
    for (const [j, reviewer] of reviewers.entries()) {
      const sheet = sheets[i]?.[j];
      if (!sheet) continue;
      await submitReview(db, reviewer, programId, applicant.id, { scores: sheet[0], comment: sheet[1] });
    }
  }
}

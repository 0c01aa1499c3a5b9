// Demo data for R1: the demo program's public application page (open, three questions) and the
// applications behind the people who came in through it and are still being decided on.
import { and, eq, inArray } from 'drizzle-orm';
import { checkAnswers } from '../../../core/recruitment/answers';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { application } from '../../modules/applications/applications.schema';
import { updateApplicationForm } from '../../modules/applications/applications.service';
import { ambassador, creator, socialAccount } from '../../modules/people/people.schema';
import { type ApplicationForm, applicationFormSchema } from '../../modules/programs/programs.contract';
import type { Db } from '../client';
import type { DemoPerson } from './demo-data';

export const demoApplicationForm: ApplicationForm = applicationFormSchema.parse({
  open: true,
  headline: 'Join the Glow Circle',
  intro:
    'We are looking for a small circle of creators with sensitive skin who already talk honestly about what ' +
    'works for them. Ambassadors get products before launch, a 15% commission and, from 10K followers, a ' +
    'monthly fee.\n\nWe read every application and reply within two weeks. More about us: https://example.com/glow-circle',
  accentColor: '#d6336c',
  consentText:
    'I agree that Glow & Co. may store my answers and social handles to review my application and contact me about Glow Circle.',
  questions: [
    {
      id: 'skin-type',
      label: 'What is your skin type?',
      type: 'choice',
      required: true,
      options: ['Sensitive', 'Dry', 'Oily', 'Combination', 'Normal'],
    },
    {
      id: 'routine-post',
      label: 'Link to a post where you show your skincare routine',
      type: 'url',
      required: true,
      help: 'Any platform; we look at how you talk to your audience, not at the numbers.',
    },
    {
      id: 'why',
      label: 'Why Glow Circle?',
      type: 'text',
      help: 'A few sentences are plenty.',
    },
  ],
});

const demoAnswers: Array<{ skin: string; why: string }> = [
  {
    skin: 'Sensitive',
    why: 'Your cleanser is the first one that did not sting. My followers ask about it weekly.',
  },
  { skin: 'Combination', why: 'I review fragrance-free products and yours keep coming up in my comments.' },
  { skin: 'Dry', why: 'I have rosacea and share what calms it down; a lot of my audience does too.' },
  { skin: 'Sensitive', why: '' },
  { skin: 'Oily', why: 'I would love to show a full 90-day routine rather than one-off posts.' },
];

/**
 * Opens the demo program's application page and records an application for each person who applied
 * (route `application`) and is still being decided on: applied, in review or waitlisted.
 */
export async function seedDemoApplications(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  people: DemoPerson[],
): Promise<void> {
  await updateApplicationForm(db, scope, programId, demoApplicationForm);
  const pending = people.filter(
    (p) => p.route === 'application' && ['applied', 'in_review', 'waitlisted'].includes(p.stage),
  );
  const names = pending.map((p) => p.name);
  const rows = await db
    .select({
      ambassadorId: ambassador.id,
      creatorId: creator.id,
      name: creator.name,
      since: ambassador.createdAt,
    })
    .from(ambassador)
    .innerJoin(creator, eq(creator.id, ambassador.creatorId))
    .where(and(eq(ambassador.programId, programId), inArray(creator.name, names)));
  const accounts = await db
    .select()
    .from(socialAccount)
    .where(
      inArray(
        socialAccount.creatorId,
        rows.map((r) => r.creatorId),
      ),
    );
  await db.transaction(async (tx) => {
    for (const [i, row] of rows.entries()) {
      const answer = demoAnswers[i % demoAnswers.length]!;
      const handle = accounts.find((a) => a.creatorId === row.creatorId);
      const checked = checkAnswers(demoApplicationForm.questions, {
        'skin-type': answer.skin,
        'routine-post': `https://www.instagram.com/p/${(handle?.handle ?? 'post').replace(/[^a-z0-9]/gi, '')}${i}/`,
        why: answer.why,
      });
      if (!checked.ok)
        throw new Error(`Demo application of ${row.name}: ${JSON.stringify(checked.problems)}`);
      await tx.insert(application).values({
        id: newId('application'),
        workspaceId: scope.workspaceId,
        programId,
        ambassadorId: row.ambassadorId,
        creatorId: row.creatorId,
        answers: checked.answers,
        handles: accounts
          .filter((a) => a.creatorId === row.creatorId)
          .map((a) => ({ platform: a.platform, handle: a.handle, followers: a.followers })),
        consentText: demoApplicationForm.consentText,
        consentedAt: row.since,
        source: 'form',
        createdAt: row.since,
      });
    }
  });
}

// Demo prospect list and outreach (R2–R4): the program's prospects imported as a customer list (matched
// to the existing creators, so no one is duplicated), a personalised template, two messages sent and one
// reply recorded, so the Prospects and Outreach pages show their real states.

import { stringify } from 'csv-stringify/sync';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { WorkspaceScope } from '../../lib/scope';
import type { Mailer } from '../../modules/outbox/outbox.service';
import { outreachMessage } from '../../modules/outreach/outreach.schema';
import { recordReply, sendOutreach } from '../../modules/outreach/outreach-messages.service';
import { createTemplate } from '../../modules/outreach/outreach-templates.service';
import { listAmbassadors } from '../../modules/people/ambassadors.service';
import { importProspectsCsv } from '../../modules/prospects/prospect-csv.service';
import { createProspectList } from '../../modules/prospects/prospects.service';

const recentPosts = ['your SPF beach-day reel', 'the five-minute morning routine you posted on Sunday'];

export async function seedDemoOutreach(db: Db, scope: WorkspaceScope, mailer: Mailer, programId: string) {
  const prospects = (await listAmbassadors(db, scope, programId)).filter(
    (a) => a.stage === 'prospect' && a.creator.handle && a.creator.email,
  );
  const list = await createProspectList(db, scope, {
    name: 'Shopify repeat customers',
    source: 'customers',
    programId,
  });
  const csv = stringify([
    ['platform', 'handle', 'email', 'name', 'followers', 'source'],
    ...prospects.map((a) => [
      a.creator.platform,
      a.creator.handle,
      a.creator.email,
      a.creator.name,
      a.creator.followers ?? '',
      'Shopify: 3+ orders',
    ]),
  ]);
  const imported = await importProspectsCsv(db, scope, list.id, csv, { onError: 'abort', dryRun: false });
  if (prospects.length > 0 && !imported.written)
    throw new Error(`The demo prospects did not import: ${JSON.stringify(imported.errors)}`);

  const template = await createTemplate(db, scope, {
    name: 'Warm customer invite',
    subject: '{{firstName}}, join {{programName}}?',
    body: 'Hi {{firstName}},\n\nWe loved {{recentPost}} — it is exactly how we hope people feel about our SPF.\n\nWould you like to join {{programName}}? You would get {{offer.product}} and {{offer.commission}} commission on every order through your link.\n\n— The {{brandName}} team',
    programId,
    offer: { feeMinor: null, currency: 'USD', commissionPercent: 10, product: 'the full summer kit' },
    followUpDays: 5,
    followUpBody:
      'Hi {{firstName}}, just checking you saw our note about {{programName}}. No pressure at all!',
  });
  const recipients = prospects.slice(0, recentPosts.length);
  if (recipients.length === 0) return;
  const sent = await sendOutreach(db, scope, mailer, {
    templateId: template.id,
    programId,
    recipients: recipients.map((a, i) => ({ creatorId: a.creatorId, recentPost: recentPosts[i] })),
  });
  // The second message went out a week ago, so it shows as due a follow-up.
  if (sent[1])
    await db
      .update(outreachMessage)
      .set({ sentAt: new Date(Date.now() - 7 * 86_400_000) })
      .where(eq(outreachMessage.id, sent[1].id));
  if (sent[0])
    await recordReply(db, scope, sent[0].id, {
      repliedAt: new Date().toISOString(),
      note: 'Loves the idea; asked whether the kit includes the tinted SPF.',
    });
}

// The demo workspace: a manager, a skincare brand's program and forty people in every pipeline stage,
// written through the real services (validation, capacity checks, audit), so its history is real.
import { stringify } from 'csv-stringify/sync';
import { count, eq, sql } from 'drizzle-orm';
import type { Stage } from '../../../core/pipeline/stages';
import { seededRandom } from '../../../core/seeded-random';
import type { Services } from '../../http/context';
import { baseUrlOf } from '../../lib/env';
import type { WorkspaceScope } from '../../lib/scope';
import { user } from '../../modules/auth/auth.schema';
import { addAmbassador, moveAmbassadorStage } from '../../modules/people/ambassadors.service';
import { creatorCsvColumns, importCreatorsCsv } from '../../modules/people/creator-csv.service';
import { listCreators } from '../../modules/people/creators.service';
import { type platforms, programInputSchema } from '../../modules/programs/programs.contract';
import { createProgram } from '../../modules/programs/programs.service';
import { workspace } from '../../modules/workspaces/workspaces.schema';
import { createWorkspace } from '../../modules/workspaces/workspaces.service';
import type { Db } from '../client';
import { seedDemoApplications } from './demo-applications';
import { seedDemoBriefs } from './demo-briefs';
import { seedDemoCodes } from './demo-codes';
import { seedDemoCommittee } from './demo-committee';
import { seedDemoContent } from './demo-content';
import { seedDemoConversions } from './demo-conversions';
import {
  type DemoPerson,
  demoAmbassadorEmail,
  demoNotes,
  demoPath,
  demoPeople,
  demoProgram,
  demoReasons,
  demoTags,
  demoUser,
  demoWorkspaceName,
} from './demo-data';
import { seedDemoLibrary } from './demo-library';
import { seedDemoLinks } from './demo-links';
import { seedDemoOutreach } from './demo-outreach';
import { seedDemoStores } from './demo-stores';
import { seedDemoVetting } from './demo-vetting';

export { demoAmbassadorEmail, demoUser, demoWorkspaceName } from './demo-data';

export interface DemoSeedResult {
  email: string;
  password: string;
  workspaceId: string;
  workspaceName: string;
  workspaceSlug: string;
  programId: string;
  programName: string;
  creators: number;
  /** The active ambassador whose portal can be tried with an emailed sign-in link. */
  ambassadorEmail: string;
  /** Where to sign in. */
  url?: string;
}

/** The demo manager's user id, or null when the demo has not been seeded. */
export async function findDemoUser(db: Db): Promise<{ id: string } | null> {
  const [row] = await db
    .select({ id: user.id })
    .from(user)
    .where(sql`lower(${user.email}) = ${demoUser.email}`);
  return row ?? null;
}

/** Whether the database holds any workspace at all (an empty embedded install gets the demo). */
export async function hasAnyWorkspace(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(workspace);
  return (row?.n ?? 0) > 0;
}

type Platform = (typeof platforms)[number];
type SocialPlatform = Exclude<Platform, 'other'>;

export interface DemoCreatorRow {
  person: DemoPerson;
  email: string;
  tags: string[];
  notes: string;
  accounts: Array<{ platform: SocialPlatform; handle: string; followers: number }>;
}

function asciiWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/** Same people, same numbers, every time: the PRNG's seed is fixed. */
export function buildDemoCreators(): DemoCreatorRow[] {
  const random = seededRandom(20260401);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const takenHandles = new Set<string>();
  return demoPeople.map((person) => {
    const words = asciiWords(person.name);
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const styles = [
      `${first}.${last}`,
      `${first}${last}`,
      `${first}_skin`,
      `glowwith${first}`,
      `${first}.${last}.beauty`,
    ];
    let handle = pick(styles);
    while (takenHandles.has(handle)) handle = `${handle}${Math.floor(random() * 10)}`;
    takenHandles.add(handle);

    // Follower counts spread evenly on a log scale across the micro range.
    const primaryFollowers =
      Math.round(Math.exp(Math.log(1200) + random() * Math.log(95000 / 1200)) / 10) * 10;
    const primary = pick<SocialPlatform>(['instagram', 'instagram', 'tiktok', 'youtube']);
    const accounts: DemoCreatorRow['accounts'] = [{ platform: primary, handle, followers: primaryFollowers }];
    for (const platform of ['instagram', 'tiktok', 'youtube'] as const) {
      if (platform !== primary && random() < 0.45) {
        accounts.push({
          platform,
          handle,
          followers: Math.round((primaryFollowers * (0.1 + random() * 0.7)) / 10) * 10,
        });
      }
    }

    const tags = new Set<string>(person.route === 'outreach' ? ['customer'] : []);
    const wanted = tags.size + 2 + Math.floor(random() * 2);
    while (tags.size < wanted) tags.add(pick(demoTags.filter((t) => t !== 'customer')));

    const domain = random() < 0.7 ? 'example.com' : 'example.org';
    return {
      person,
      email: person.email ?? `${first}.${last}@${domain}`,
      tags: [...tags],
      notes: pick(demoNotes),
      accounts,
    };
  });
}

/** The creators as the CSV a manager would import from their customer list (PRODUCT R2). */
function creatorsCsv(rows: DemoCreatorRow[]): string {
  const header = [...creatorCsvColumns];
  const lines = rows.map((r) =>
    header.map((column) => {
      const account = (p: string) => r.accounts.find((a) => a.platform === p);
      switch (column) {
        case 'name':
          return r.person.name;
        case 'email':
          return r.email;
        case 'country':
          return r.person.country;
        case 'tags':
          return r.tags.join(';');
        case 'notes':
          return r.notes;
        case 'phone':
          return '';
        default: {
          const [platform, suffix] = column.split('_');
          const a = account(platform!);
          if (!a) return '';
          return suffix === 'followers' ? String(a.followers) : a.handle;
        }
      }
    }),
  );
  return stringify([header, ...lines]);
}

/**
 * Seeds the demo workspace and returns how to sign in to it.
 *
 * The workspace is created in one transaction; the program, the import and every pipeline move then run
 * in the services' own transactions, so each audit event gets its own timestamp and timelines read in
 * order (inside one outer transaction they would all share its start time). If anything fails, the
 * workspace (everything in it cascades) and the demo user are removed, so a failed seed can be re-run.
 */
export async function seedDemo(services: Services): Promise<DemoSeedResult> {
  const { auth, database } = services;
  const { db } = database;
  const signedUp = await auth.api.signUpEmail({
    body: { name: demoUser.name, email: demoUser.email, password: demoUser.password },
  });
  const manager = signedUp.user;
  let workspaceId: string | null = null;
  try {
    const ws = await db.transaction((tx) =>
      createWorkspace(tx, { userId: manager.id, name: manager.name }, demoWorkspaceName),
    );
    workspaceId = ws.id;
    // The demo shows a manager's history, so the manager (not "Troupe") is the actor of every event.
    const scope: WorkspaceScope = {
      workspaceId: ws.id,
      userId: manager.id,
      role: 'owner',
      actorName: manager.name,
    };
    const prg = await createProgram(db, scope, programInputSchema.parse(demoProgram));

    const rows = buildDemoCreators();
    const imported = await importCreatorsCsv(db, scope, creatorsCsv(rows), {
      onError: 'abort',
      dryRun: false,
    });
    if (!imported.written) {
      const problems = imported.errors.map((e) => `line ${e.line}, ${e.field}: ${e.message}`).join('; ');
      throw new Error(`The demo creators did not import: ${problems}`);
    }
    const { items } = await listCreators(db, scope, { limit: 500, offset: 0 });
    const creatorIdByEmail = new Map(items.map((c) => [c.email, c.id]));

    const tierFor = (followers: number) =>
      prg.tiers.find(
        (t) => (t.followerMin ?? 0) <= followers && followers < (t.followerMax ?? Number.POSITIVE_INFINITY),
      ) ?? prg.tiers[prg.tiers.length - 1];
    const reasonUses = new Map<string, number>();
    const reasonFor = (from: Stage, to: Stage) => {
      const key = `${from}>${to}`;
      const options = demoReasons[key] ?? [''];
      const used = reasonUses.get(key) ?? 0;
      reasonUses.set(key, used + 1);
      return options[used % options.length]!;
    };

    for (const row of rows) {
      const creatorId = creatorIdByEmail.get(row.email);
      if (!creatorId) throw new Error(`The demo creator ${row.email} is missing after the import.`);
      const { entry, steps } = demoPath(row.person);
      const topFollowers = Math.max(...row.accounts.map((a) => a.followers));
      const added = await addAmbassador(db, scope, prg.id, {
        creatorId,
        stage: entry,
        tierId: tierFor(topFollowers)?.id ?? null,
      });
      let from: Stage = entry;
      for (const [i, to] of steps.entries()) {
        const isLast = i === steps.length - 1;
        const reason = isLast && row.person.because ? row.person.because : reasonFor(from, to);
        const moved = await moveAmbassadorStage(db, scope, added.id, { to, reason });
        if (moved.outcome !== 'moved')
          throw new Error(`Demo move of ${row.person.name} to ${to}: ${moved.message}`);
        from = to;
      }
    }
    await seedDemoCommittee(db, scope, prg.id);
    await seedDemoApplications(db, scope, prg.id, demoPeople);
    await seedDemoVetting(db, scope, prg.id, items);
    await seedDemoOutreach(db, scope, services.mailer, prg.id);
    await seedDemoStores(db, scope, prg.id, baseUrlOf(services.env));
    await seedDemoLinks(db, scope, prg.id, baseUrlOf(services.env));
    await seedDemoCodes(db, scope, prg.id);
    await seedDemoConversions(db, scope, prg.id);
    await seedDemoBriefs(db, scope, prg.id);
    await seedDemoContent(services, scope, prg.id);
    await seedDemoLibrary(services, scope, prg.id);
    return {
      email: demoUser.email,
      password: demoUser.password,
      workspaceId: ws.id,
      workspaceName: ws.name,
      workspaceSlug: ws.slug,
      programId: prg.id,
      programName: prg.name,
      creators: rows.length,
      ambassadorEmail: demoAmbassadorEmail,
      url: baseUrlOf(services.env),
    };
  } catch (error) {
    if (workspaceId) await db.delete(workspace).where(eq(workspace.id, workspaceId));
    await db.delete(user).where(eq(user.id, manager.id));
    throw error;
  }
}

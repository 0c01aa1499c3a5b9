// A program's tracking settings, with defaults until someone saves them.
import { and, eq } from 'drizzle-orm';
import { defaultAttributionRules } from '../../../core/attribution';
import { linksChanged } from '../../../redirector/changes';
import type { Db, Tx } from '../../db/client';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { getProgramRowOrThrow } from '../programs/programs.service';
import type { TrackingSettingsInput, TrackingSettingsView } from './tracking.contract';
import { trackingSettings, type UtmTemplate } from './tracking.schema';

export type TrackingSettings = Omit<typeof trackingSettings.$inferSelect, 'updatedAt'>;

export const defaultUtmTemplate: UtmTemplate = {
  source: 'troupe',
  medium: 'ambassador',
  campaign: '{program}',
  content: '',
};

/** The defaults a program has before its settings are first saved. */
export function defaultTrackingSettings(workspaceId: string, programId: string): TrackingSettings {
  return {
    programId,
    workspaceId,
    allowedDomains: [],
    utmTemplate: defaultUtmTemplate,
    attributionRules: defaultAttributionRules,
    codePattern: '{HANDLE}{PERCENT}',
    codePercent: '15',
    codeDescription: '',
  };
}

/** The program's settings (defaults when never saved). The caller has checked the program is in scope. */
export async function getTrackingSettings(
  db: Db | Tx,
  scope: Pick<WorkspaceScope, 'workspaceId'>,
  programId: string,
): Promise<TrackingSettings> {
  const [row] = await db
    .select()
    .from(trackingSettings)
    .where(
      and(eq(trackingSettings.workspaceId, scope.workspaceId), eq(trackingSettings.programId, programId)),
    );
  if (!row) return defaultTrackingSettings(scope.workspaceId, programId);
  const { updatedAt: _updatedAt, ...settings } = row;
  return { ...settings, attributionRules: { ...defaultAttributionRules, ...settings.attributionRules } };
}

/** The settings as the API shows them, with when they were last saved (null: defaults). */
export async function getTrackingSettingsView(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
): Promise<TrackingSettingsView> {
  await getProgramRowOrThrow(db, scope, programId);
  const settings = await getTrackingSettings(db, scope, programId);
  const [row] = await db
    .select({ updatedAt: trackingSettings.updatedAt })
    .from(trackingSettings)
    .where(
      and(eq(trackingSettings.workspaceId, scope.workspaceId), eq(trackingSettings.programId, programId)),
    );
  const { workspaceId: _ws, ...rest } = settings;
  return { ...rest, updatedAt: row?.updatedAt.toISOString() ?? null };
}

/** Saves a program's tracking settings (audited); the redirectors of this process drop their cache. */
export async function saveTrackingSettings(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  input: TrackingSettingsInput,
): Promise<TrackingSettingsView> {
  await db.transaction(async (tx) => {
    await getProgramRowOrThrow(tx, scope, programId, { lock: true });
    const before = await getTrackingSettings(tx, scope, programId);
    const values = { ...input, updatedAt: new Date() };
    await tx
      .insert(trackingSettings)
      .values({ programId, workspaceId: scope.workspaceId, ...values })
      .onConflictDoUpdate({ target: trackingSettings.programId, set: values });
    const { workspaceId: _ws, programId: _p, ...beforeValues } = before;
    await recordAudit(tx, scope, {
      action: 'tracking.updated',
      entityType: 'program',
      entityId: programId,
      before: beforeValues,
      after: input,
    });
  });
  linksChanged();
  return getTrackingSettingsView(db, scope, programId);
}

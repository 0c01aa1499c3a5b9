// A program's tracking settings, with defaults until someone saves them.
import { and, eq } from 'drizzle-orm';
import { defaultAttributionRules } from '../../../core/attribution';
import type { Db, Tx } from '../../db/client';
import type { WorkspaceScope } from '../../lib/scope';
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

// Export of library assets (B7) for an intended use: a ZIP of the media files and a manifest.csv with
// credits and rights. Refused as a whole when any asset lacks a current right for the channel, so an
// expired asset is never exported for paid use. Entry names come from ids only, never from user text.
import { stringify } from 'csv-stringify/sync';
import { strToU8, type Zippable, zipSync } from 'fflate';
import type { Db } from '../../db/client';
import { AppError, validationError } from '../../lib/app-error';
import type { WorkspaceScope } from '../../lib/scope';
import type { MediaStorage } from '../../lib/storage';
import { recordAudit } from '../audit/audit.service';
import { formulaStart } from '../people/creator-csv.service';
import type { usageChannels } from '../programs/programs.contract';
import { getAssetDetails } from './assets.service';
import type { ExportInput } from './library.contract';
import { dayOf } from './usage-rights';

export const manifestColumns = [
  'asset_id',
  'ambassador',
  'handle',
  'platform',
  'format',
  'post_url',
  'published',
  'products',
  'rights',
  'credit_line',
  'files',
] as const;

/** The channels as people name them, for the refusal message (the API's `channel` field keeps the id). */
const channelNames: Record<(typeof usageChannels)[number], string> = {
  organic_social: 'Organic social',
  paid_social: 'Paid social',
  email: 'Email',
  website: 'Website',
  print: 'Print',
};

const safeExtension = /^[a-z0-9]{1,8}$/;

/** The file's extension from its generated storage key (`<workspace>/<id>.<ext>`), or `bin`. */
function extensionOf(storageKey: string): string {
  const ext = storageKey.slice(storageKey.lastIndexOf('.') + 1);
  return safeExtension.test(ext) ? ext : 'bin';
}

/**
 * Builds the export ZIP, or refuses (422) naming every asset that may not be used on the channel and why.
 * Each asset's files are `<asset id>/<n>-<media id>.<ext>`; a file missing from storage is listed as missing.
 */
export async function exportAssets(
  db: Db,
  storage: MediaStorage,
  scope: WorkspaceScope,
  input: ExportInput,
  now = new Date(),
): Promise<{ zip: Uint8Array; filename: string; count: number }> {
  const ids = [...new Set(input.assetIds)];
  const assets = await getAssetDetails(db, scope, ids, now);
  const found = new Map(assets.map((a) => [a.id, a]));
  const problems: Array<{ field: string; message: string }> = [];
  const refused: Array<{ assetId: string; reason: string }> = [];
  ids.forEach((id, i) => {
    const a = found.get(id);
    let reason: string | null = null;
    const channel = channelNames[input.channel];
    if (!a) reason = 'is not an asset of this workspace';
    else {
      const right = a.rights.find((r) => r.channel === input.channel);
      if (!right) reason = `has no ${channel.toLowerCase()} right`;
      else if (right.status === 'expired') reason = `${channel} right expired on ${right.endsOn}`;
      else if (right.status === 'upcoming') reason = `${channel} right starts on ${right.startsOn}`;
    }
    if (reason) {
      refused.push({ assetId: id, reason });
      problems.push({ field: `assetIds.${i}`, message: `${id} ${reason}` });
    }
  });
  if (problems.length > 0) {
    const error = validationError(problems);
    throw new AppError(
      'validation_failed',
      `${refused.length} of ${ids.length} assets cannot be exported for ${channelNames[input.channel].toLowerCase()}: ${refused.map((r) => `${r.assetId} ${r.reason}`).join('; ')}. Expired assets cannot be exported for paid use.`,
      { problems: error.problems, extra: { refused } },
    );
  }

  const files: Zippable = {};
  const manifest: string[][] = [];
  for (const a of ids.map((id) => found.get(id)!)) {
    const names: string[] = [];
    let n = 0;
    for (const m of a.storage) {
      n++;
      const bytes = await storage.get(m.storageKey);
      const name = `${a.id}/${n}-${m.id}.${extensionOf(m.storageKey)}`;
      if (!bytes) {
        names.push(`${name} (missing from storage)`);
        continue;
      }
      files[name] = [bytes, { level: 0 }];
      names.push(name);
    }
    manifest.push([
      a.id,
      a.creatorName,
      a.handle ?? '',
      a.platform,
      a.format,
      a.postUrl ?? '',
      a.publishedAt.slice(0, 10),
      a.products.join('; '),
      a.rights.map((r) => `${r.channel} ${r.startsOn}–${r.endsOn ?? 'no end'}`).join('; '),
      a.creditLine,
      names.join('; '),
    ]);
  }
  const safe = manifest.map((row) => row.map((cell) => (formulaStart.test(cell) ? `'${cell}` : cell)));
  files['manifest.csv'] = strToU8(stringify([[...manifestColumns], ...safe]));
  const zip = zipSync(files, { level: 6 });
  await recordAudit(db, scope, {
    action: 'assets.exported',
    entityType: 'workspace',
    entityId: scope.workspaceId,
    after: { channel: input.channel, assetIds: ids },
  });
  return { zip, filename: `troupe-assets-${input.channel}-${dayOf(now)}.zip`, count: ids.length };
}

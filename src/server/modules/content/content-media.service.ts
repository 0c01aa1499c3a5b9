// Uploaded media of a draft round: checked (count, real type by content, declared type, size) before
// anything is written, stored under a generated key, and read back only through a scope that may see it.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { AppError, type FieldProblem } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { AmbassadorScope, WorkspaceScope } from '../../lib/scope';
import type { MediaStorage } from '../../lib/storage';
import type { MediaType, UploadLimits } from './content.contract';
import { mediaFile, submission, submissionRound } from './content.schema';
import { isDeclaredTypeConsistent, isVideo, mediaExtensions, sniffMediaType } from './media-sniff';

/** A file as it arrived in the request. */
export interface Upload {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface PreparedMedia {
  id: string;
  key: string;
  originalName: string;
  contentType: MediaType;
  sizeBytes: number;
  sha256: string;
  bytes: Uint8Array;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The file's own name without any folder part or control characters: it is only ever shown as text. */
export function cleanFileName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'file').slice(0, 255);
}

/**
 * Checks every upload of one round and gives each a generated id and storage key; throws an AppError
 * naming each bad file (422 for a type, 413 for a size) before anything is stored.
 */
export function prepareUploads(
  workspaceId: string,
  uploads: Upload[],
  limits: UploadLimits,
): PreparedMedia[] {
  if (uploads.length > limits.maxFiles) {
    throw new AppError('validation_failed', `At most ${limits.maxFiles} files per round.`, {
      problems: [
        { field: 'media', message: `has ${uploads.length} files; at most ${limits.maxFiles} are allowed` },
      ],
    });
  }
  const typeProblems: FieldProblem[] = [];
  const sizeProblems: FieldProblem[] = [];
  const prepared: PreparedMedia[] = [];
  let total = 0;
  for (const [i, upload] of uploads.entries()) {
    const field = `media[${i}]`;
    const name = cleanFileName(upload.name);
    const sniffed = sniffMediaType(upload.bytes);
    if (!sniffed) {
      typeProblems.push({
        field,
        message: `“${name}” is not an accepted image or video (accepted: JPEG, PNG, WebP, GIF, MP4, MOV, WebM)`,
      });
      continue;
    }
    if (!isDeclaredTypeConsistent(upload.type, sniffed)) {
      typeProblems.push({
        field,
        message: `“${name}” is declared as ${upload.type || 'no type'} but its content is ${sniffed}`,
      });
      continue;
    }
    const max = isVideo(sniffed) ? limits.maxVideoBytes : limits.maxImageBytes;
    if (upload.bytes.byteLength > max) {
      sizeProblems.push({
        field,
        message: `“${name}” is ${megabytes(upload.bytes.byteLength)}; ${isVideo(sniffed) ? 'videos' : 'images'} may be at most ${megabytes(max)}`,
      });
      continue;
    }
    total += upload.bytes.byteLength;
    const id = newId('mediaFile');
    prepared.push({
      id,
      key: `${workspaceId}/${id}.${mediaExtensions[sniffed]}`,
      originalName: name,
      contentType: sniffed,
      sizeBytes: upload.bytes.byteLength,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      bytes: upload.bytes,
    });
  }
  if (typeProblems.length > 0) {
    const detail = typeProblems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new AppError('validation_failed', detail, { problems: [...typeProblems, ...sizeProblems] });
  }
  if (sizeProblems.length === 0 && total > limits.maxTotalBytes) {
    sizeProblems.push({
      field: 'media',
      message: `the files come to ${megabytes(total)}; one round may upload at most ${megabytes(limits.maxTotalBytes)}`,
    });
  }
  if (sizeProblems.length > 0) {
    const detail = sizeProblems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new AppError('payload_too_large', detail, { problems: sizeProblems });
  }
  return prepared;
}

/** Writes the files; if one fails, removes those already written and rethrows. */
export async function storeMedia(storage: MediaStorage, media: PreparedMedia[]): Promise<void> {
  const written: string[] = [];
  try {
    for (const m of media) {
      await storage.put(m.key, m.bytes, m.contentType);
      written.push(m.key);
    }
  } catch (error) {
    await discardMedia(storage, written);
    throw error;
  }
}

/** Best-effort removal of files whose rows were never committed. */
export async function discardMedia(storage: MediaStorage, keys: string[]): Promise<void> {
  await Promise.allSettled(keys.map((key) => storage.delete(key)));
}

export async function insertMediaRows(tx: Tx, workspaceId: string, roundId: string, media: PreparedMedia[]) {
  if (media.length === 0) return;
  await tx.insert(mediaFile).values(
    media.map((m) => ({
      id: m.id,
      workspaceId,
      roundId,
      storageKey: m.key,
      originalName: m.originalName,
      contentType: m.contentType,
      sizeBytes: m.sizeBytes,
      sha256: m.sha256,
    })),
  );
}

export interface MediaContent {
  bytes: Uint8Array;
  contentType: string;
  originalName: string;
}

async function readRow(storage: MediaStorage, row: typeof mediaFile.$inferSelect | undefined, id: string) {
  if (!row) throw new AppError('not_found', `No media file with id ${id}.`);
  const bytes = await storage.get(row.storageKey);
  if (!bytes) throw new AppError('not_found', `The file of media ${id} is missing from storage.`);
  return { bytes, contentType: row.contentType, originalName: row.originalName };
}

/** A media file of any submission in the caller's workspace. */
export async function readWorkspaceMedia(
  db: Db,
  storage: MediaStorage,
  scope: WorkspaceScope,
  id: string,
): Promise<MediaContent> {
  const [row] = await db
    .select()
    .from(mediaFile)
    .where(and(eq(mediaFile.id, id), eq(mediaFile.workspaceId, scope.workspaceId)));
  return readRow(storage, row, id);
}

/** A media file of one of the ambassador's own submissions. */
export async function readAmbassadorMedia(
  db: Db,
  storage: MediaStorage,
  scope: AmbassadorScope,
  id: string,
): Promise<MediaContent> {
  const [row] = await db
    .select({ m: mediaFile })
    .from(mediaFile)
    .innerJoin(submissionRound, eq(submissionRound.id, mediaFile.roundId))
    .innerJoin(submission, eq(submission.id, submissionRound.submissionId))
    .where(
      and(
        eq(mediaFile.id, id),
        eq(mediaFile.workspaceId, scope.workspaceId),
        eq(submission.creatorId, scope.creatorId),
      ),
    );
  return readRow(storage, row?.m, id);
}

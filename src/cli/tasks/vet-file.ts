import { extname } from 'node:path';
import type { z } from 'zod';
import {
  type CreatorInput,
  parseCreatorInput,
  type VettingOptions,
  vetCreator,
  vetPool,
} from '../../core/vetting';
import { findProgramVettingOptions } from '../../server/modules/vetting/vetting.service';
import type { CommandContext } from '../command';
import { UsageError } from '../errors';
import { println } from '../io';
import { withDatabase } from '../open';
import { readUserFile } from '../read-user-file';
import { formatPoolReport, formatVettingReport } from './vet-report-text';

export interface VetRequest {
  input: string;
  /** A program's id or slug: vet against its persona, competitors and exclusivity window. */
  program?: string | undefined;
  /** Read the file as JSONL even when it is not named .jsonl. */
  pool: boolean;
  json: boolean;
}

/** `posts.3.likes: posts.likes must be a number`, plus how many other problems there are. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues;
  if (!first) return 'invalid creator';
  const path = first.path.map(String).join('.');
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${path === '' ? 'creator' : path}: ${first.message}${more}`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

function validate(value: unknown, where: string): CreatorInput {
  const parsed = parseCreatorInput(value);
  if (!parsed.success) throw new UsageError('vet', `${where}${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** One creator per non-blank line; errors name the line (1-based, counting blank lines). */
function parseJsonLines(text: string, file: string): CreatorInput[] {
  const creators: CreatorInput[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const json = parseJson(line);
    if (!json.ok) throw new UsageError('vet', `${file} line ${i + 1}: not valid JSON (${json.message})`);
    creators.push(validate(json.value, `${file} line ${i + 1}: `));
  });
  if (creators.length === 0)
    throw new UsageError('vet', `${file} has no creators (one JSON object per line)`);
  return creators;
}

/** The input file's creators, checked; `isPool` when the file holds several. */
function readCreators(request: VetRequest, text: string): { creators: CreatorInput[]; isPool: boolean } {
  const isPool = request.pool || extname(request.input).toLowerCase() === '.jsonl';
  if (isPool) return { creators: parseJsonLines(text, request.input), isPool };

  const json = parseJson(text.replace(/^\uFEFF/, ''));
  if (!json.ok) throw new UsageError('vet', `${request.input} is not valid JSON (${json.message})`);
  if (Array.isArray(json.value)) {
    if (json.value.length === 0) throw new UsageError('vet', `${request.input} is an empty list`);
    const creators = json.value.map((item, i) => validate(item, `${request.input} item ${i + 1}: `));
    return { creators, isPool: true };
  }
  return { creators: [validate(json.value, `${request.input}: `)], isPool: false };
}

/** The engine options of `--program`, read from the database; an unknown program is a usage error. */
async function programOptions(ctx: CommandContext, idOrSlug: string): Promise<VettingOptions> {
  return withDatabase(ctx, async ({ db }) => {
    const found = await findProgramVettingOptions(db, idOrSlug);
    if (!found) {
      throw new UsageError(
        'vet',
        `--program: no program with id or slug "${idOrSlug}" (the slug is in the program's page address)`,
      );
    }
    return found.options;
  });
}

export async function vetFile(request: VetRequest, ctx: CommandContext): Promise<number> {
  const text = readUserFile(ctx.io.cwd, request.input);
  // The input is checked before the database is opened: a bad file fails fast, whatever the program.
  const { creators, isPool } = readCreators(request, text);
  const options = request.program ? await programOptions(ctx, request.program) : {};
  if (isPool) {
    const report = vetPool(creators, options);
    if (request.json) println(ctx.io.stdout, JSON.stringify(report, null, 2));
    else ctx.io.stdout.write(formatPoolReport(report));
    return 0;
  }
  const report = vetCreator(creators[0]!, options);
  ctx.io.stdout.write(request.json ? `${JSON.stringify(report, null, 2)}\n` : formatVettingReport(report));
  return 0;
}

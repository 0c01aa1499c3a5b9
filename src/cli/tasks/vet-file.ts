import { extname } from 'node:path';
import type { z } from 'zod';
import { type CreatorInput, parseCreatorInput, vetCreator, vetPool } from '../../core/vetting';
import type { CommandContext } from '../command';
import { UsageError } from '../errors';
import { println } from '../io';
import { readUserFile } from '../read-user-file';
import { formatPoolReport, formatVettingReport } from './vet-report-text';

export interface VetRequest {
  input: string;
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

export async function vetFile(request: VetRequest, ctx: CommandContext): Promise<number> {
  const text = readUserFile(ctx.io.cwd, request.input);
  const isPool = request.pool || extname(request.input).toLowerCase() === '.jsonl';
  if (isPool) return printPool(parseJsonLines(text, request.input), request, ctx);

  const json = parseJson(text.replace(/^\uFEFF/, ''));
  if (!json.ok) throw new UsageError('vet', `${request.input} is not valid JSON (${json.message})`);
  if (Array.isArray(json.value)) {
    if (json.value.length === 0) throw new UsageError('vet', `${request.input} is an empty list`);
    const creators = json.value.map((item, i) => validate(item, `${request.input} item ${i + 1}: `));
    return printPool(creators, request, ctx);
  }
  const report = vetCreator(validate(json.value, `${request.input}: `));
  ctx.io.stdout.write(request.json ? `${JSON.stringify(report, null, 2)}\n` : formatVettingReport(report));
  return 0;
}

function printPool(creators: CreatorInput[], request: VetRequest, ctx: CommandContext): number {
  const report = vetPool(creators);
  if (request.json) println(ctx.io.stdout, JSON.stringify(report, null, 2));
  else ctx.io.stdout.write(formatPoolReport(report));
  return 0;
}

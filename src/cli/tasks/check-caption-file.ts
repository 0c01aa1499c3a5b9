import { checkCaptionInputSchema, compliancePlatforms } from '../../core/compliance';
import type { ComplianceCheckResult } from '../../server/modules/compliance/compliance.contract';
import { checkCaptionFor, findProgramByIdOrSlug } from '../../server/modules/compliance/compliance.service';
import type { CommandContext } from '../command';
import { UsageError } from '../errors';
import { println } from '../io';
import { withDatabase } from '../open';
import { readUserFile } from '../read-user-file';

export interface CheckCaptionRequest {
  platform: string;
  /** A file, or `-` for standard input. */
  captionFile: string;
  program?: string | undefined;
  json: boolean;
}

async function readCaption(request: CheckCaptionRequest, ctx: CommandContext): Promise<string> {
  if (request.captionFile !== '-') return readUserFile(ctx.io.cwd, request.captionFile);
  if (!ctx.io.readStdin) throw new UsageError('check-caption', '--caption-file -: no standard input here');
  return ctx.io.readStdin();
}

/** The caption as the check reads it: the file's text without its BOM and final line break. */
function captionOf(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
}

/** One line per rule: ✓/✗, severity, id, message; then where the span points. */
export function formatCheckResult(result: ComplianceCheckResult, caption: string, heading: string): string {
  const width = Math.max(...result.rules.map((r) => r.id.length), 4);
  const lines = [`${heading}: ${result.passed ? 'PASSED' : 'FAILED'}`, ''];
  for (const rule of result.rules) {
    const mark = rule.passed ? '✓' : '✗';
    lines.push(`  ${mark} ${rule.severity.padEnd(6)} ${rule.id.padEnd(width)}  ${rule.message}`);
    if (rule.span) {
      const quoted = caption.slice(rule.span.start, rule.span.end).replace(/\s+/g, ' ');
      lines.push(`  ${' '.repeat(9 + width)}  at ${rule.span.start}–${rule.span.end}: “${quoted}”`);
    }
  }
  const failedMust = result.rules.filter((r) => !r.passed && r.severity === 'must').length;
  const failedShould = result.rules.filter((r) => !r.passed && r.severity === 'should').length;
  lines.push(
    '',
    `${failedMust} must rule${failedMust === 1 ? '' : 's'} failed, ${failedShould} to weigh (should).`,
  );
  return `${lines.join('\n')}\n`;
}

export async function checkCaptionFile(request: CheckCaptionRequest, ctx: CommandContext): Promise<number> {
  const platform = compliancePlatforms.find((p) => p === request.platform.toLowerCase());
  if (!platform)
    throw new UsageError(
      'check-caption',
      `--platform: "${request.platform}" is not a platform; use one of ${compliancePlatforms.join(', ')}`,
    );
  const caption = captionOf(await readCaption(request, ctx));
  // Checked before the database is opened: bad input fails fast, whatever the program.
  const parsed = checkCaptionInputSchema.safeParse({ platform, caption });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError('check-caption', `--caption-file: ${issue.message}`);
  }
  let result: ComplianceCheckResult;
  let heading = `Caption check (${platform}, default rules)`;
  if (request.program) {
    const idOrSlug = request.program;
    ({ result, heading } = await withDatabase(ctx, async ({ db }) => {
      const target = await findProgramByIdOrSlug(db, idOrSlug);
      if (!target)
        throw new UsageError(
          'check-caption',
          `--program: no program with id or slug "${idOrSlug}" (the slug is in the program's page address)`,
        );
      const checked = await checkCaptionFor(db, target, { platform, caption });
      const against = checked.checkedAgainst?.version
        ? `brief v${checked.checkedAgainst.version}`
        : 'no brief yet, competitors only';
      return { result: checked, heading: `Caption check (${platform}, ${target.slug}: ${against})` };
    }));
  } else {
    // No database: the API's answer for a caption without a program or brief.
    result = await checkCaptionFor(null, null, { platform, caption });
  }
  if (request.json)
    println(ctx.io.stdout, JSON.stringify({ passed: result.passed, rules: result.rules }, null, 2));
  else ctx.io.stdout.write(formatCheckResult(result, caption, heading));
  return result.passed ? 0 : 1;
}

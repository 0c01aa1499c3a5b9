// A vetting report as text for a 100-column terminal: headline, one line per check, flags with evidence.
import type { Evidence, Flag, PoolReport, VettingReport } from '../../core/vetting';

const width = 100;
const evidenceShown = 3;

function pct(value: number | null | undefined, isShare = true): string {
  if (value === null || value === undefined) return 'n/a';
  const p = isShare ? value * 100 : value;
  return `${Math.round(p * 10) / 10} %`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Word-wraps `text` to the terminal width; every line starts with `indent`, the first with `first`. */
function wrap(text: string, first: string, indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  let isLineEmpty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!isLineEmpty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
      isLineEmpty = true;
    }
    line += isLineEmpty ? word : ` ${word}`;
    isLineEmpty = false;
  }
  lines.push(line);
  return lines;
}

function sectionLines(report: VettingReport): [string, string][] {
  const { engagement, comments, followers, growth, pods, consistency, alignment, conflicts } =
    report.sections;
  const e = engagement.figures;
  const band = `${e.tier} band ${e.benchmark.bandLowPct}–${e.benchmark.bandHighPct} %`;
  const rate =
    e.averageRatePct === null
      ? `no posts to measure (${band})`
      : `${pct(e.averageRatePct, false)} average over ${plural(e.postsInWindow, 'post')} vs ${band}` +
        (e.averageViewRatePct === null ? '' : `; views ${pct(e.averageViewRatePct, false)}`);

  const c = comments.figures;
  const spam =
    c.sampled === 0
      ? 'no comment samples'
      : `${pct(c.spamShare)} spam (${c.spamCount} of ${plural(c.sampled, 'sampled comment')}); ` +
        `${plural(c.creatorReplies, 'creator reply', 'creator replies')}`;

  const f = followers.figures;
  const fake =
    f.sampled === 0
      ? 'no follower sample'
      : `${pct(f.fakeShare)} likely fake (${f.likelyFake} of ${plural(f.sampled, 'sampled profile')})`;

  const g = growth.figures;
  const grew =
    g.points < 2
      ? 'not enough follower history'
      : `median ${g.medianPerDay ?? 'n/a'} followers/day over ${plural(g.points, 'point')}; ` +
        `${plural(g.spikes.length, 'spike')}; longest decline ${plural(g.longestDeclineRun, 'interval')}`;

  const p = pods.figures;
  const pod =
    p.postsWithSamples === 0
      ? 'no comment samples'
      : `${plural(p.regulars.length, 'regular commenter')} across ${plural(p.postsWithSamples, 'post')} with samples`;

  const k = consistency.figures;
  const gap = k.longestGap ? `; longest gap ${plural(k.longestGap.days, 'day')}` : '';
  const cadence = `${k.postsPerWeek} posts/week (${k.postsInWindow} from ${k.windowStart} to ${k.windowEnd})${gap}`;

  const a = alignment.figures;
  const fit = a.hasPersona
    ? [
        `countries ${pct(a.countryShare)}`,
        `ages ${pct(a.ageShare)}`,
        `interests ${pct(a.interestShare)}`,
        `niche captions ${pct(a.nicheCaptionShare)}`,
      ].join(', ')
    : 'no program persona to compare with (vet with --program <id|slug>)';

  const x = conflicts.figures;
  const brands = x.sponsoredBrands.length > 0 ? ` (${truncate(x.sponsoredBrands.join(', '), 40)})` : '';
  const conflict = `${plural(x.sponsoredPosts, 'sponsored post')}${brands}; ${plural(x.conflicts.length, 'competitor conflict')}`;

  return [
    ['Engagement', rate],
    ['Comments', spam],
    ['Followers', fake],
    ['Growth', grew],
    ['Pods', pod],
    ['Consistency', cadence],
    ['Alignment', fit],
    ['Conflicts', conflict],
  ];
}

function listSummary(label: string, items: readonly string[] | undefined): string | null {
  if (!items || items.length === 0) return null;
  const more = items.length > evidenceShown ? ` +${items.length - evidenceShown} more` : '';
  return `${label} ${items.slice(0, evidenceShown).join(', ')}${more}`;
}

/** The first few items of each evidence list, e.g. `posts p1, p2, p3 +4 more; dates 2025-01-01`. */
export function evidenceSummary(evidence: Evidence): string {
  const comments = evidence.comments?.map((c) => `${c.author}: "${truncate(c.text, 30)}"`);
  const parts = [
    listSummary('comments', comments),
    listSummary('posts', evidence.posts),
    listSummary('followers', evidence.followers),
    listSummary('accounts', evidence.accounts),
    listSummary('brands', evidence.brands),
    listSummary('dates', evidence.dates),
    evidence.omitted ? `${evidence.omitted} more left out of the report` : null,
  ];
  return parts.filter((p) => p !== null).join('; ');
}

function flagLines(flag: Flag): string[] {
  const head = `  ${flag.severity.toUpperCase().padEnd(8)}  `;
  const indent = ' '.repeat(head.length);
  const lines = wrap(`${flag.message} [${flag.code}]`, head, indent);
  const evidence = evidenceSummary(flag.evidence);
  if (evidence !== '') lines.push(...wrap(evidence, `${indent}evidence: `, `${indent}  `));
  return lines;
}

/**
 * The report as text for people.
 * @example io.stdout.write(formatVettingReport(vetCreator(input)))
 */
export function formatVettingReport(report: VettingReport): string {
  const lines = [
    `${report.handle} (${report.platform})`,
    `Score ${report.score}/100, verdict: ${report.verdict}`,
    '',
  ];
  for (const [label, text] of sectionLines(report))
    lines.push(...wrap(text, `${label.padEnd(13)}`, ' '.repeat(13)));
  lines.push('');
  if (report.flags.length === 0) lines.push('No flags.');
  else {
    lines.push(`Flags (${report.flags.length}):`);
    for (const flag of report.flags) lines.push(...flagLines(flag));
  }
  lines.push('', `Engine ${report.engineVersion}. Use --json for every figure and the full evidence.`);
  return `${lines.join('\n')}\n`;
}

function flagCounts(flags: readonly Flag[]): string {
  if (flags.length === 0) return 'no flags';
  const counts = (['critical', 'warning', 'info'] as const)
    .map((s) => [s, flags.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return `${plural(flags.length, 'flag')} (${counts.join(', ')})`;
}

/** A pool as text: one line per creator, then the pod groups. */
export function formatPoolReport(pool: PoolReport): string {
  const handleWidth = Math.min(32, Math.max(6, ...pool.reports.map((r) => r.handle.length)));
  const lines = [`${plural(pool.reports.length, 'creator')} vetted:`];
  for (const r of pool.reports) {
    const handle = truncate(r.handle, handleWidth).padEnd(handleWidth);
    const score = `${r.score}/100`.padStart(7);
    lines.push(
      `  ${handle}  ${r.platform.padEnd(9)} ${score}  ${r.verdict.padEnd(9)}  ${flagCounts(r.flags)}`,
    );
  }
  lines.push('');
  if (pool.podGroups.length === 0)
    lines.push('No pod groups: no creators in this pool comment on each other.');
  else {
    lines.push(`Pod groups (${pool.podGroups.length}):`);
    for (const group of pool.podGroups) {
      lines.push(...wrap(group.members.join(', '), '  ', '    '));
      const shared = listSummary('shared commenters', group.sharedCommenters) ?? 'no shared commenters';
      const pairs = plural(group.mutualPairs.length, 'mutual pair');
      lines.push(...wrap(`${pairs}; ${shared}`, '    ', '      '));
    }
  }
  lines.push('', `Engine ${pool.engineVersion}. Use --json for each creator's full report.`);
  return `${lines.join('\n')}\n`;
}

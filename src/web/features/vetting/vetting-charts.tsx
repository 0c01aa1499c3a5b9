// The report's charts. Loaded lazily (see report-charts.tsx): recharts stays out of the first load.
import '@mantine/charts/styles.css';
import { BarChart, type ChartReferenceLineProps, LineChart } from '@mantine/charts';
import { formatNumber } from '../../lib/format';
import { reasonLabel } from './report-view';

/** Followers over time; spikes marked red at their start, other growth findings (declines) orange. */
export function GrowthChart(props: {
  history: Array<{ date: string; followers: number }>;
  spikes: Array<{ from: string; to: string; gained: number; isFollowedByFlat: boolean | null }>;
  declineDates: string[];
}) {
  const data = [...props.history]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((p) => ({ date: p.date, Followers: p.followers }));
  const dates = new Set(data.map((d) => d.date));
  const lines: ChartReferenceLineProps[] = [
    ...props.spikes
      .filter((s) => dates.has(s.from))
      .map((s) => ({
        x: s.from,
        color: 'red.6',
        label: `+${formatNumber(s.gained)}`,
        labelPosition: 'insideTopLeft' as const,
        strokeDasharray: '4 3',
      })),
    ...props.declineDates
      .filter((d) => dates.has(d))
      .map((d) => ({ x: d, color: 'orange.6', label: 'decline', labelPosition: 'insideTopRight' as const })),
  ];
  return (
    <LineChart
      h={240}
      data={data}
      dataKey="date"
      series={[{ name: 'Followers', color: 'violet.6' }]}
      curveType="linear"
      withDots={false}
      gridAxis="y"
      referenceLines={lines}
      yAxisProps={{ width: 64, domain: ['auto', 'auto'], tickFormatter: (v: number) => formatNumber(v) }}
      xAxisProps={{ minTickGap: 24 }}
      valueFormatter={(v) => formatNumber(v)}
      aria-label="Follower growth"
    />
  );
}

/** Engagement rate per post (oldest first) against the tier's benchmark band, with the red-flag line. */
export function EngagementChart(props: {
  perPost: Array<{ postId: string; postedAt: string; ratePct: number }>;
  bandLowPct: number;
  bandHighPct: number | null;
  redFlagBelowPct: number;
  tierLabel: string;
}) {
  const data = [...props.perPost]
    .sort((a, b) => a.postedAt.localeCompare(b.postedAt))
    .map((p) => ({
      post: `${p.postedAt.slice(5, 10)} ${p.postId}`,
      'Engagement %': Number(p.ratePct.toFixed(2)),
    }));
  const top = Math.ceil(
    Math.max(props.bandHighPct ?? props.bandLowPct * 1.5, ...data.map((d) => d['Engagement %'])) * 1.1,
  );
  const step = top <= 8 ? 1 : top <= 16 ? 2 : 5;
  const ticks = Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
  return (
    <BarChart
      h={240}
      data={data}
      dataKey="post"
      series={[{ name: 'Engagement %', color: 'violet.5' }]}
      gridAxis="y"
      yAxisProps={{ width: 44, domain: [0, top], unit: '%', ticks }}
      xAxisProps={{ tickFormatter: (v: string) => v.slice(0, 5), minTickGap: 16 }}
      referenceAreas={[
        {
          y1: props.bandLowPct,
          y2: props.bandHighPct ?? top,
          color: 'teal.4',
          fillOpacity: 0.18,
          label: `${props.tierLabel} benchmark`,
          labelPosition: 'insideTopRight',
        },
      ]}
      referenceLines={[
        { y: props.redFlagBelowPct, color: 'red.6', label: 'red flag', labelPosition: 'insideBottomRight' },
      ]}
      barProps={{ radius: [3, 3, 0, 0] }}
      aria-label="Engagement rate per post against the tier benchmark"
    />
  );
}

/** How many sampled comments each spam reason caught (a comment can have several). */
export function CommentReasonsChart({ byReason }: { byReason: Record<string, number> }) {
  const data = Object.entries(byReason)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => ({ reason: reasonLabel(reason), Comments: count }));
  return (
    <BarChart
      h={Math.max(120, data.length * 34)}
      data={data}
      dataKey="reason"
      orientation="vertical"
      series={[{ name: 'Comments', color: 'red.5' }]}
      gridAxis="x"
      yAxisProps={{ width: 130, interval: 0 }}
      xAxisProps={{ allowDecimals: false }}
      barProps={{ radius: [0, 3, 3, 0] }}
      aria-label="Spam comments by reason"
    />
  );
}

/** The audience's shares in one dimension, split into what the persona targets and what it does not. */
export function AudienceChart(props: {
  shares: Record<string, number>;
  targets: ReadonlySet<string> | null;
  label: (key: string) => string;
  title: string;
}) {
  const data = Object.entries(props.shares)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([key, share]) => {
      const pct = Math.round(share * 1000) / 10;
      const isTarget = props.targets?.has(key.toUpperCase()) || props.targets?.has(key) || false;
      return props.targets
        ? { key: props.label(key), 'In persona': isTarget ? pct : 0, 'Outside persona': isTarget ? 0 : pct }
        : { key: props.label(key), Audience: pct };
    });
  return (
    <BarChart
      h={Math.max(90, data.length * 26 + 40)}
      data={data}
      dataKey="key"
      orientation="vertical"
      type="stacked"
      series={
        props.targets
          ? [
              { name: 'In persona', color: 'teal.5' },
              { name: 'Outside persona', color: 'gray.4' },
            ]
          : [{ name: 'Audience', color: 'violet.5' }]
      }
      withLegend={!!props.targets}
      gridAxis="x"
      yAxisProps={{ width: 130, interval: 0 }}
      xAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100] }}
      valueFormatter={(v) => `${v} %`}
      aria-label={props.title}
    />
  );
}

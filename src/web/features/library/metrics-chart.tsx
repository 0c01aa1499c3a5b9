// A small line chart of a post's metrics over time. Loaded lazily: recharts stays out of the first load.
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import type { MetricsSnapshot } from './api';

const series = [
  { name: 'Views', color: 'violet.5' },
  { name: 'Reach', color: 'grape.4' },
  { name: 'Likes', color: 'teal.6' },
  { name: 'Comments', color: 'orange.6' },
] as const;

export default function MetricsChart({ snapshots }: { snapshots: MetricsSnapshot[] }) {
  const data = snapshots.map((m) => ({
    at: new Date(m.capturedAt).toLocaleDateString(undefined, { month: 'short', day: 'numeric' }),
    Views: m.views,
    Reach: m.reach,
    Likes: m.likes,
    Comments: m.comments,
  }));
  const shown = series.filter((s) => data.some((d) => d[s.name] !== null));
  return (
    <LineChart
      h={160}
      data={data}
      dataKey="at"
      series={shown.map((s) => ({ name: s.name, color: s.color }))}
      curveType="monotone"
      withLegend
      connectNulls
      tickLine="none"
      gridAxis="y"
      yAxisProps={{ allowDecimals: false, width: 48 }}
      aria-label="Metrics over time"
    />
  );
}

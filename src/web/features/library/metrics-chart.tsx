// A small line chart of a post's metrics over time. Loaded lazily: recharts stays out of the first load.
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { dayTicks } from '../../lib/day-ticks';
import type { MetricsSnapshot } from './api';

const series = [
  { name: 'Views', color: 'violet.5' },
  { name: 'Reach', color: 'grape.4' },
  { name: 'Likes', color: 'teal.6' },
  { name: 'Comments', color: 'orange.6' },
] as const;

const day = (t: number) => new Date(t).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

export default function MetricsChart({ snapshots }: { snapshots: MetricsSnapshot[] }) {
  const data = snapshots.map((m) => ({
    // A number (ms) on a time scale: uneven gaps between captures stay uneven on the chart.
    at: new Date(m.capturedAt).getTime(),
    Views: m.views,
    Reach: m.reach,
    Likes: m.likes,
    Comments: m.comments,
  }));
  const shown = series.filter((s) => data.some((d) => d[s.name] !== null));
  const times = data.map((d) => d.at);
  const ticks = times.length > 0 ? dayTicks(Math.min(...times), Math.max(...times)) : [];
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
      xAxisProps={{
        type: 'number',
        scale: 'time',
        domain: ['dataMin', 'dataMax'],
        ticks,
        tickFormatter: day,
      }}
      yAxisProps={{ allowDecimals: false, width: 48 }}
      tooltipProps={{ labelFormatter: (t) => (typeof t === 'number' ? day(t) : String(t)) }}
      aria-label="Metrics over time"
    />
  );
}

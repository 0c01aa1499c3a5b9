// Daily clicks, unique visitors and bot/preview hits. Loaded lazily: recharts stays out of the first load.
import '@mantine/charts/styles.css';
import { AreaChart } from '@mantine/charts';
import type { ClickSeries } from './api';

export default function ClicksChart({ series, h = 220 }: { series: ClickSeries; h?: number }) {
  const data = series.days.map((d) => ({
    day: d.day.slice(5),
    Clicks: d.clicks,
    Unique: d.unique,
    'Bots & previews': d.bot,
  }));
  return (
    <AreaChart
      h={h}
      data={data}
      dataKey="day"
      series={[
        { name: 'Clicks', color: 'violet.5' },
        { name: 'Unique', color: 'teal.5' },
        { name: 'Bots & previews', color: 'gray.5' },
      ]}
      curveType="monotone"
      gridAxis="y"
      tickLine="none"
      withLegend
      withDots={false}
      yAxisProps={{ allowDecimals: false, width: 36 }}
      // Every k-th day labelled, counted from the first, so labels are evenly spaced (at most 6: they
      // fit a phone's width too).
      xAxisProps={{ interval: Math.max(0, Math.ceil(data.length / 6) - 1) }}
      aria-label="Daily clicks"
    />
  );
}

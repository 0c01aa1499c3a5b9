// Cadence charts (B6): the cohort's required vs delivered per format, and each ambassador's pieces.
// Loaded lazily: recharts stays out of the first load.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { type ContentFormat, formatLabels } from '../../lib/labels';
import type { CadenceReportView } from './api';

export function CohortChart({ report }: { report: CadenceReportView }) {
  const data = report.cohort.map((f) => ({
    format: formatLabels[f.format as ContentFormat] ?? f.format,
    Required: f.required,
    'Due by now': f.expectedByNow,
    Delivered: f.delivered,
  }));
  const series = [
    { name: 'Required', color: 'gray.4' },
    ...(report.period === 'current' ? [{ name: 'Due by now', color: 'violet.3' }] : []),
    { name: 'Delivered', color: 'teal.6' },
  ];
  return (
    <BarChart
      h={220}
      data={data}
      dataKey="format"
      series={series}
      withLegend
      tickLine="none"
      gridAxis="y"
      yAxisProps={{ allowDecimals: false, width: 32 }}
      barProps={{ radius: [4, 4, 0, 0] }}
      aria-label="Cohort: required vs delivered per format"
    />
  );
}

export function AmbassadorChart({ report }: { report: CadenceReportView }) {
  const data = report.ambassadors.map((a) => ({
    name: a.name,
    Delivered: Math.min(a.delivered, a.required),
    Remaining: a.remaining,
  }));
  return (
    <BarChart
      h={Math.max(160, data.length * 30 + 40)}
      data={data}
      dataKey="name"
      type="stacked"
      orientation="vertical"
      series={[
        { name: 'Delivered', color: 'teal.6' },
        { name: 'Remaining', color: 'orange.3' },
      ]}
      withLegend
      tickLine="none"
      gridAxis="x"
      xAxisProps={{ allowDecimals: false }}
      yAxisProps={{ width: 120 }}
      aria-label="Pieces per ambassador"
    />
  );
}

export default { CohortChart, AmbassadorChart };

// A bar chart of how many people are at each pipeline stage. Loaded lazily: recharts stays out of the
// first load.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { type Stage, stageLabels, stages } from '../../../core/pipeline/stages';

export default function StageChart({ counts }: { counts: Partial<Record<Stage, number>> }) {
  const data = stages.map((stage) => ({
    stage: stageLabels[stage].replace(' (alumni)', ''),
    People: counts[stage] ?? 0,
  }));
  return (
    <BarChart
      h={180}
      data={data}
      dataKey="stage"
      series={[{ name: 'People', color: 'violet.5' }]}
      tickLine="none"
      gridAxis="y"
      withTooltip
      yAxisProps={{ allowDecimals: false, width: 32 }}
      barProps={{ radius: [4, 4, 0, 0] }}
      aria-label="People per stage"
    />
  );
}

// The report's sections V1–V8 in a grid: each detector's figures, with charts where a picture says more
// (the sections live in report-sections-*.tsx, their shared card and lazy charts in report-section-parts.tsx).
import { SimpleGrid } from '@mantine/core';
import type { CreatorInput, ReviewedReport } from './api';
import {
  AlignmentSection,
  ConflictsSection,
  ConsistencySection,
  PodsSection,
} from './report-sections-audience';
import { CommentsSection, EngagementSection } from './report-sections-engagement';
import { FollowersSection, GrowthSection } from './report-sections-growth';

/** The persona the report was run against (from its program), as sets of targeted keys. */
export interface PersonaTargets {
  programName: string;
  countries: string[];
  ageBands: string[];
}

export function ReportSections(props: {
  report: ReviewedReport;
  input: CreatorInput;
  persona: PersonaTargets | null;
}) {
  const { report, input } = props;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <EngagementSection report={report} />
      <CommentsSection report={report} />
      <GrowthSection report={report} input={input} />
      <PodsSection report={report} />
      <FollowersSection report={report} />
      <AlignmentSection report={report} input={input} persona={props.persona} />
      <ConflictsSection report={report} />
      <ConsistencySection report={report} />
    </SimpleGrid>
  );
}

// The vetting engine's public surface: parse the input, vet one creator or a pool.
export { engagementBenchmarks } from './benchmarks';
export type { Evidence, Flag, Severity } from './flags';
export {
  type CreatorInput,
  creatorInputJsonSchema,
  creatorInputSchema,
  parseCreatorInput,
  type VettingPersona,
} from './input';
export { detectPodGroups, type PodGroup } from './pods';
export {
  engineVersion,
  type PoolReport,
  severityDeductions,
  type VettingOptions,
  type VettingReport,
  verdictThresholds,
  vetCreator,
  vetPool,
} from './report';

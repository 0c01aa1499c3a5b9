// Content cadence (B6): requirement vs delivered per ambassador and cohort, pro-rated within the month.
export {
  type AmbassadorCadence,
  type CadenceReport,
  type CadenceRequirement,
  type CadenceStatus,
  computeCadence,
  daysInMonth,
  daysLeftInMonth,
  type FormatCadence,
  isMonth,
  monthBounds,
  monthOf,
  type PublishedPiece,
} from './cadence';

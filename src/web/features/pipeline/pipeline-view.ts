// What the pipeline's two views (board and table) share: their props, and how a creator's handle and
// platform read.
import type { Stage } from '../../../core/pipeline/stages';
import { type Platform, platformLabels } from '../../lib/labels';
import type { Ambassador } from '../people/api';

export interface PipelineViewProps {
  ambassadors: Ambassador[];
  canMove: boolean;
  onMove: (a: Ambassador, to: Stage) => void;
}

export function handleOf(a: Ambassador): string {
  return a.creator.handle ? `@${a.creator.handle}` : '—';
}

/** The platform's label, or '' when it is unknown. */
export function platformOf(a: Ambassador): string {
  const platform = a.creator.platform as Platform | null;
  return platform && platform in platformLabels ? platformLabels[platform] : '';
}

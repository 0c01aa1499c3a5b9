// The public application form's values, and a new empty social-account row for it.
import type { Platform } from '../../lib/labels';

export interface HandleRow {
  key: string;
  platform: Platform;
  handle: string;
  followers: number | string;
}

export interface ApplyValues {
  name: string;
  email: string;
  country: string | null;
  handles: HandleRow[];
  answers: Record<string, string | number>;
  consent: boolean;
  website: string;
}

let rowSeed = 0;
export const newHandle = (platform: Platform): HandleRow => ({
  key: `h${++rowSeed}`,
  platform,
  handle: '',
  followers: '',
});

// The program form's values and their mapping to and from the API's program. Numbers stay '' while an input
// is empty; the mapping turns them into null (or the server's default) only when the form is sent.
import type { UseFormReturnType } from '@mantine/form';
import { newRowKey } from '../../components/row-list';
import { majorToMinor, minorToMajor } from '../../lib/format';
import type {
  AgeBand,
  ContentFormat,
  Objective,
  Platform,
  ProgramStatus,
  UsageChannel,
} from '../../lib/labels';
import type { Program, ProgramInput } from './api';

export type NumberValue = number | string;

interface KpiRow {
  key: string;
  metric: string;
  target: NumberValue;
  unit: string;
}

interface TierRow {
  key: string;
  id?: string | undefined;
  name: string;
  description: string;
  followerMin: NumberValue;
  followerMax: NumberValue;
}

interface CadenceRow {
  key: string;
  format: ContentFormat;
  perMonth: NumberValue;
}

export const kpiCategories = ['business', 'marketing', 'content'] as const;
export type KpiCategory = (typeof kpiCategories)[number];

export interface ProgramFormValues {
  name: string;
  objective: Objective;
  why: string;
  status: ProgramStatus;
  budget: NumberValue;
  currency: string;
  kpiTargets: Record<KpiCategory, KpiRow[]>;
  persona: {
    countries: string[];
    ageBands: AgeBand[];
    niches: string[];
    followerMin: NumberValue;
    followerMax: NumberValue;
    minEngagementRate: NumberValue;
    platforms: Platform[];
  };
  capacity: NumberValue;
  tiers: TierRow[];
  cadence: CadenceRow[];
  exclusivityDays: NumberValue;
  competitors: string[];
  defaultUsageRights: { channels: UsageChannel[]; durationDays: NumberValue };
}

/** The form as each section sees it: values, errors and the list helpers of Mantine's useForm. */
export type ProgramFormApi = UseFormReturnType<ProgramFormValues>;

const numberOrNull = (v: NumberValue): number | null =>
  v === '' || v === null || Number.isNaN(Number(v)) ? null : Number(v);
const numberOrEmpty = (v: number | null): NumberValue => (v === null ? '' : v);

export function emptyProgramValues(): ProgramFormValues {
  return {
    name: '',
    objective: 'sales',
    why: '',
    status: 'draft',
    budget: '',
    currency: 'USD',
    kpiTargets: { business: [], marketing: [], content: [] },
    persona: {
      countries: [],
      ageBands: [],
      niches: [],
      followerMin: 1000,
      followerMax: 100000,
      minEngagementRate: '',
      platforms: [],
    },
    capacity: '',
    tiers: [],
    cadence: [],
    exclusivityDays: '',
    competitors: [],
    defaultUsageRights: { channels: [], durationDays: '' },
  };
}

export function programToValues(p: Program): ProgramFormValues {
  const kpi = (rows: Program['kpiTargets']['business']): KpiRow[] =>
    rows.map((r) => ({ key: newRowKey(), metric: r.metric, target: r.target, unit: r.unit }));
  return {
    name: p.name,
    objective: p.objective,
    why: p.why,
    status: p.status,
    budget: p.budgetMinor === null ? '' : minorToMajor(p.budgetMinor, p.currency),
    currency: p.currency,
    kpiTargets: {
      business: kpi(p.kpiTargets.business),
      marketing: kpi(p.kpiTargets.marketing),
      content: kpi(p.kpiTargets.content),
    },
    persona: {
      countries: p.persona.countries,
      ageBands: p.persona.ageBands,
      niches: p.persona.niches,
      followerMin: numberOrEmpty(p.persona.followerMin),
      followerMax: numberOrEmpty(p.persona.followerMax),
      minEngagementRate: numberOrEmpty(p.persona.minEngagementRate),
      platforms: p.persona.platforms,
    },
    capacity: numberOrEmpty(p.capacity),
    tiers: p.tiers.map((t) => ({
      key: newRowKey(),
      id: t.id,
      name: t.name,
      description: t.description,
      followerMin: numberOrEmpty(t.followerMin),
      followerMax: numberOrEmpty(t.followerMax),
    })),
    cadence: p.cadence.map((c) => ({ key: newRowKey(), format: c.format, perMonth: c.perMonth })),
    exclusivityDays: numberOrEmpty(p.exclusivityDays),
    competitors: p.competitors,
    defaultUsageRights: {
      channels: p.defaultUsageRights.channels,
      durationDays: numberOrEmpty(p.defaultUsageRights.durationDays),
    },
  };
}

/** The API body for the form's values (the whole program: PUT replaces it). */
export function valuesToInput(v: ProgramFormValues): ProgramInput {
  const currency = v.currency.trim().toUpperCase();
  const budget = numberOrNull(v.budget);
  const kpi = (rows: KpiRow[]) =>
    rows.map((r) => ({
      metric: r.metric.trim(),
      target: numberOrNull(r.target) ?? Number.NaN,
      unit: r.unit.trim(),
    }));
  return {
    name: v.name.trim(),
    objective: v.objective,
    why: v.why.trim(),
    status: v.status,
    budgetMinor: budget === null ? null : majorToMinor(budget, currency),
    currency,
    kpiTargets: {
      business: kpi(v.kpiTargets.business),
      marketing: kpi(v.kpiTargets.marketing),
      content: kpi(v.kpiTargets.content),
    },
    persona: {
      countries: v.persona.countries,
      ageBands: v.persona.ageBands,
      niches: v.persona.niches,
      followerMin: numberOrNull(v.persona.followerMin),
      followerMax: numberOrNull(v.persona.followerMax),
      minEngagementRate: numberOrNull(v.persona.minEngagementRate),
      platforms: v.persona.platforms,
    },
    capacity: numberOrNull(v.capacity),
    tiers: v.tiers.map((t) => ({
      ...(t.id ? { id: t.id } : {}),
      name: t.name.trim(),
      description: t.description.trim(),
      followerMin: numberOrNull(t.followerMin),
      followerMax: numberOrNull(t.followerMax),
    })),
    cadence: v.cadence.map((c) => ({ format: c.format, perMonth: numberOrNull(c.perMonth) ?? 0 })),
    exclusivityDays: numberOrNull(v.exclusivityDays),
    competitors: v.competitors,
    defaultUsageRights: {
      channels: v.defaultUsageRights.channels,
      durationDays: numberOrNull(v.defaultUsageRights.durationDays),
    },
  };
}

// B1: what a brief says, as stored in each version, and how it becomes the compliance check's rules (B3).
import { z } from 'zod';
import type { ComplianceRulesInput } from '../../../core/compliance';
import { contentFormats } from '../programs/programs.contract';

const line = (field: string, max = 300) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);
const lines = (field: string, max = 300) =>
  z
    .array(line(`${field}[]`, max), { error: `${field} must be a list` })
    .max(100)
    .default([]);
const day = (field: string) =>
  z.iso
    .date({ error: `${field} must be a date such as 2026-12-01` })
    .nullable()
    .default(null);

/** One version of a brief. Every list may be empty; a new version replaces the whole content. */
export const briefContentSchema = z
  .object({
    title: line('title', 200),
    summary: z.string().trim().max(5_000, 'summary must be at most 5,000 characters').default(''),
    mustInclude: z
      .object({
        /** Product names: required mentions (case/diacritics-insensitive). */
        productNames: lines('mustInclude.productNames'),
        /** Handles and hashtags the caption must carry, e.g. `@brand`, `#brandname`. */
        mentions: lines('mustInclude.mentions'),
        /** Key claims: shown to the ambassador, not checked word for word (people paraphrase claims). */
        keyClaims: lines('mustInclude.keyClaims', 500),
        /** Legal lines that must appear as written (checked as required mentions). */
        legalLines: lines('mustInclude.legalLines', 300),
        /** The caption must carry the ambassador's tracked link or discount code. */
        trackingLinkOrCode: z.boolean().default(false),
      })
      .prefault({}),
    mustAvoid: z
      .object({
        /** Competitor names (added to the program's own competitor list). */
        competitors: lines('mustAvoid.competitors'),
        /** Off-brand themes: shown to the ambassador, not checked automatically. */
        themes: lines('mustAvoid.themes', 500),
        /** Words that must not appear (word-boundary aware). */
        words: lines('mustAvoid.words'),
      })
      .prefault({}),
    disclosure: z
      .object({
        /** Accepted markers on every platform; empty: Troupe's defaults (#ad, #sponsored, #anzeige, …). */
        markers: lines('disclosure.markers', 100),
        /** Where the disclosure must end on Instagram, in characters; null: the default (125). */
        instagramWithinFirstCharacters: z
          .number({ error: 'disclosure.instagramWithinFirstCharacters must be a whole number' })
          .int()
          .min(1)
          .max(2_200)
          .nullable()
          .default(null),
      })
      .prefault({}),
    formats: z
      .array(z.enum(contentFormats), { error: `formats must be a list of ${contentFormats.join(', ')}` })
      .default([]),
    startsOn: day('startsOn'),
    endsOn: day('endsOn'),
    freedomNotes: z.string().trim().max(5_000, 'freedomNotes must be at most 5,000 characters').default(''),
  })
  .refine((b) => !b.startsOn || !b.endsOn || b.startsOn <= b.endsOn, {
    message: 'must not be before startsOn',
    path: ['endsOn'],
  });

export type BriefContent = z.output<typeof briefContentSchema>;
export type BriefContentInput = z.input<typeof briefContentSchema>;

/** What the ambassador was issued, for the tracking rule. */
export interface IssuedTracking {
  links: string[];
  codes: string[];
}

/**
 * The compliance rules a brief implies for one ambassador (pure). Program competitors are added to the
 * brief's. The tracking rule is set only when the brief asks for it and the ambassador has a link or a
 * code; with none issued it cannot be met, so `trackingMissing` tells the caller to say so.
 */
export function briefRules(
  content: BriefContent | null,
  options: { programCompetitors?: readonly string[]; tracking?: IssuedTracking } = {},
): { rules: ComplianceRulesInput; trackingMissing: boolean } {
  const competitors = [
    ...new Set([...(options.programCompetitors ?? []), ...(content?.mustAvoid.competitors ?? [])]),
  ];
  if (!content) return { rules: { competitors }, trackingMissing: false };
  const markers = content.disclosure.markers;
  const tracking = options.tracking ?? { links: [], codes: [] };
  const wantsTracking = content.mustInclude.trackingLinkOrCode;
  const hasTracking = tracking.links.length + tracking.codes.length > 0;
  const rules: ComplianceRulesInput = {
    requiredMentions: [
      ...content.mustInclude.productNames,
      ...content.mustInclude.mentions,
      ...content.mustInclude.legalLines,
    ],
    forbiddenTerms: content.mustAvoid.words,
    competitors,
    requireTrackingLinkOrCode: wantsTracking && hasTracking ? tracking : null,
  };
  const disclosure: NonNullable<ComplianceRulesInput['disclosure']> = {};
  if (markers.length > 0)
    disclosure.markers = { instagram: markers, tiktok: markers, youtube: markers, other: markers };
  if (content.disclosure.instagramWithinFirstCharacters !== null)
    disclosure.placement = {
      instagram: { withinFirstCharacters: content.disclosure.instagramWithinFirstCharacters },
    };
  rules.disclosure = disclosure;
  return { rules, trackingMissing: wantsTracking && !hasTracking };
}

/** A brief is stale when its current version is older than this many days (B1). */
export const defaultStaleAfterDays = 90;

const campaignSchema = z
  .string({ error: 'campaign must be a string' })
  .trim()
  .min(1, 'campaign must not be empty (leave it out for the program’s standing brief)')
  .max(100, 'campaign must be at most 100 characters');

const changeNoteSchema = z
  .string({ error: 'changeNote must be a string' })
  .trim()
  .max(2_000, 'changeNote must be at most 2,000 characters');

export const briefCreateInputSchema = z.object({
  /** Null or absent: the program's standing brief. */
  campaign: campaignSchema.nullable().default(null),
  content: briefContentSchema,
});

export const briefPublishInputSchema = z.object({
  content: briefContentSchema,
  /** Required: ambassadors see it in "What changed". */
  changeNote: changeNoteSchema.min(1, 'changeNote must say what changed'),
});

export const briefListQuerySchema = z.object({
  staleAfterDays: z.coerce
    .number({ error: 'staleAfterDays must be a whole number of days' })
    .int('staleAfterDays must be a whole number of days')
    .min(1, 'staleAfterDays must be at least 1')
    .max(3_650, 'staleAfterDays must be at most 3650')
    .default(defaultStaleAfterDays),
  includeArchived: z
    .enum(['true', 'false'], { error: 'includeArchived must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
});

/** Both optional: `to` defaults to the current version, `from` to the one before `to`. */
export const briefDiffQuerySchema = z.object({
  from: z.coerce
    .number({ error: 'from must be a version number' })
    .int('from must be a version number')
    .min(1, 'from must be at least 1')
    .optional(),
  to: z.coerce
    .number({ error: 'to must be a version number' })
    .int('to must be a version number')
    .min(1, 'to must be at least 1')
    .optional(),
});

export const briefChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    field: z.string(),
    label: z.string(),
    kind: z.literal('list'),
    added: z.array(z.string()),
    removed: z.array(z.string()),
  }),
  z.object({
    field: z.string(),
    label: z.string(),
    kind: z.literal('text'),
    before: z.string(),
    after: z.string(),
  }),
]);

export const briefVersionSchema = z.object({
  version: z.number(),
  content: briefContentSchema,
  changeNote: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const briefSummarySchema = z.object({
  id: z.string(),
  programId: z.string(),
  campaign: z.string().nullable(),
  currentVersion: z.number(),
  title: z.string(),
  isStale: z.boolean(),
  /** Whole days since the current version was published. */
  ageDays: z.number(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  current: briefVersionSchema,
});

export const briefDetailSchema = briefSummarySchema.extend({ versions: z.array(briefVersionSchema) });

export const briefDiffSchema = z.object({
  from: z.number(),
  to: z.number(),
  changes: z.array(briefChangeSchema),
});

/** Per program: whether any of its live briefs is stale (for the programs list and program page). */
export const briefStalenessSchema = z.object({
  items: z.array(
    z.object({
      programId: z.string(),
      briefs: z.number(),
      staleBriefs: z.number(),
      oldestAgeDays: z.number().nullable(),
    }),
  ),
  staleAfterDays: z.number(),
});

export const portalBriefSchema = z.object({
  briefId: z.string(),
  programId: z.string(),
  programName: z.string(),
  campaign: z.string().nullable(),
  version: z.number(),
  publishedAt: z.string(),
  content: briefContentSchema,
  changeNote: z.string(),
  /** The version "What changed" compares with (the previous one, or `since` when asked); null for v1. */
  comparedWith: z.number().nullable(),
  changes: z.array(briefChangeSchema),
  /** Notes of every version after `comparedWith`, newest first. */
  changeNotes: z.array(z.object({ version: z.number(), changeNote: z.string(), createdAt: z.string() })),
});

export const portalBriefsQuerySchema = z.object({
  since: z.coerce
    .number({ error: 'since must be a version number' })
    .int('since must be a version number')
    .min(1)
    .optional(),
});

export type BriefCreateInput = z.input<typeof briefCreateInputSchema>;
export type BriefPublishInput = z.input<typeof briefPublishInputSchema>;
export type BriefVersion = z.infer<typeof briefVersionSchema>;
export type BriefSummary = z.infer<typeof briefSummarySchema>;
export type BriefDetail = z.infer<typeof briefDetailSchema>;
export type BriefDiff = z.infer<typeof briefDiffSchema>;
export type BriefStaleness = z.infer<typeof briefStalenessSchema>;
export type PortalBrief = z.infer<typeof portalBriefSchema>;

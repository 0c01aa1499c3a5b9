// Programs (PRODUCT P1–P3): the zod shapes of the API, shared by routes, services and the web app.
import { z } from 'zod';

export const objectives = ['sales', 'awareness', 'ugc', 'advocacy'] as const;
export const platforms = ['instagram', 'tiktok', 'youtube', 'other'] as const;
export const ageBands = ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'] as const;
export const contentFormats = ['feed', 'story', 'reel', 'video', 'short', 'review'] as const;
export const usageChannels = ['organic_social', 'paid_social', 'email', 'website', 'print'] as const;
export const programStatuses = ['draft', 'active', 'archived'] as const;

const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO 3166 country code such as US or DE')
  .transform((c) => c.toUpperCase());

export const kpiTargetSchema = z.object({
  metric: z.string().trim().min(1, 'is required').max(80),
  target: z.number().min(0, 'must not be negative'),
  unit: z.string().trim().max(20).default(''),
});

/** Seed 004's three-part value framework: business, marketing and content value. */
export const kpiTargetsSchema = z.object({
  business: z.array(kpiTargetSchema).max(20).default([]),
  marketing: z.array(kpiTargetSchema).max(20).default([]),
  content: z.array(kpiTargetSchema).max(20).default([]),
});

export const personaSchema = z
  .object({
    countries: z.array(countryCode).max(250).default([]),
    ageBands: z.array(z.enum(ageBands)).default([]),
    niches: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
    followerMin: z.number().int().min(0).nullable().default(null),
    followerMax: z.number().int().min(0).nullable().default(null),
    minEngagementRate: z.number().min(0).max(100).nullable().default(null),
    platforms: z.array(z.enum(platforms)).default([]),
  })
  .refine((p) => p.followerMin === null || p.followerMax === null || p.followerMin <= p.followerMax, {
    message: 'must not be below the minimum follower count',
    path: ['followerMax'],
  });

export const cadenceItemSchema = z.object({
  format: z.enum(contentFormats),
  perMonth: z.number().int().min(1, 'must be at least 1').max(60),
});

export const usageRightsSchema = z.object({
  channels: z.array(z.enum(usageChannels)).default([]),
  durationDays: z.number().int().min(1).max(3650).nullable().default(null),
});

export const tierInputSchema = z.object({
  id: z.string().optional(),
  name: z.string().trim().min(1, 'is required').max(60),
  description: z.string().trim().max(500).default(''),
  followerMin: z.number().int().min(0).nullable().default(null),
  followerMax: z.number().int().min(0).nullable().default(null),
});

export const programInputSchema = z.object({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(120),
  objective: z.enum(objectives),
  why: z.string().trim().max(2000).default(''),
  status: z.enum(programStatuses).default('draft'),
  kpiTargets: kpiTargetsSchema.default({ business: [], marketing: [], content: [] }),
  budgetMinor: z.number().int().min(0).nullable().default(null),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO 4217 code such as USD')
    .transform((c) => c.toUpperCase())
    .default('USD'),
  persona: personaSchema.default({
    countries: [],
    ageBands: [],
    niches: [],
    followerMin: null,
    followerMax: null,
    minEngagementRate: null,
    platforms: [],
  }),
  capacity: z.number().int().min(1, 'must be at least 1 (leave empty for no limit)').nullable().default(null),
  tiers: z.array(tierInputSchema).max(20).default([]),
  cadence: z.array(cadenceItemSchema).max(10).default([]),
  exclusivityDays: z.number().int().min(0).max(3650).nullable().default(null),
  competitors: z.array(z.string().trim().min(1).max(80)).max(100).default([]),
  defaultUsageRights: usageRightsSchema.default({ channels: [], durationDays: null }),
});

export const tierSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  followerMin: z.number().nullable(),
  followerMax: z.number().nullable(),
  rank: z.number(),
});

export const programSchema = programInputSchema.omit({ tiers: true }).extend({
  id: z.string(),
  slug: z.string(),
  tiers: z.array(tierSchema),
  seatsTaken: z.number(),
  stageCounts: z.record(z.string(), z.number()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type ProgramInput = z.input<typeof programInputSchema>;
export type ProgramInputParsed = z.output<typeof programInputSchema>;
export type Program = z.infer<typeof programSchema>;
export type Persona = z.infer<typeof personaSchema>;
export type KpiTargets = z.infer<typeof kpiTargetsSchema>;
export type CadenceItem = z.infer<typeof cadenceItemSchema>;
export type UsageRights = z.infer<typeof usageRightsSchema>;

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

/** R1: a question on the public application page. `id` keys the answer, so renaming the label keeps answers. */
export const questionTypes = ['text', 'choice', 'url', 'number'] as const;
export const applicationQuestionSchema = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1–40 lowercase letters, digits, "-" or "_"'),
    label: z.string().trim().min(1, 'is required').max(200),
    type: z.enum(questionTypes),
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(100)).max(30).default([]),
    help: z.string().trim().max(300).default(''),
  })
  .refine((q) => q.type !== 'choice' || q.options.length >= 2, {
    message: 'a choice question needs at least two options',
    path: ['options'],
  });

/** R1: the public application page of a program (`/apply/<slug>`). Closed until the brand opens it. */
export const applicationFormSchema = z
  .object({
    open: z.boolean().default(false),
    headline: z.string().trim().max(160).default(''),
    intro: z.string().trim().max(4000).default(''),
    questions: z.array(applicationQuestionSchema).max(30).default([]),
    consentText: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(2000)
      .default('I agree that the brand may store my answers and contact me about this program.'),
    accentColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #7048e8')
      .default('#7048e8'),
  })
  .refine((f) => new Set(f.questions.map((q) => q.id)).size === f.questions.length, {
    message: 'question ids must be unique',
    path: ['questions'],
  });

/** R5: one criterion of the committee's rubric; each reviewer scores it 1–5, weighted. */
export const rubricCriterionSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1–40 lowercase letters, digits, "-" or "_"'),
  label: z.string().trim().min(1, 'is required').max(120),
  description: z.string().trim().max(500).default(''),
  weight: z.number().min(0.1, 'must be at least 0.1').max(10),
});

export const rubricSchema = z
  .array(rubricCriterionSchema)
  .max(15)
  .refine((r) => new Set(r.map((c) => c.id)).size === r.length, { message: 'criterion ids must be unique' });

export const defaultApplicationForm = {
  open: false,
  headline: '',
  intro: '',
  questions: [],
  consentText: 'I agree that the brand may store my answers and contact me about this program.',
  accentColor: '#7048e8',
} as const;

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
  // The application page and the rubric also have their own routes (and editor sections): left out of a
  // program PUT, they keep their stored values; on create they start closed / empty.
  applicationForm: applicationFormSchema.optional(),
  rubric: rubricSchema.optional(),
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
  applicationForm: applicationFormSchema,
  rubric: rubricSchema,
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
export type ApplicationQuestion = z.infer<typeof applicationQuestionSchema>;
export type ApplicationForm = z.infer<typeof applicationFormSchema>;
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

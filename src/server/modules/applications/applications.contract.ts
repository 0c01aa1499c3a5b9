// Applications (PRODUCT R1): the public application page of a program, what an applicant submits, and the
// application as the team sees it. Shared by the routes, the service and the web app.
import { z } from 'zod';
import { handleSchema } from '../people/people.contract';
import { applicationFormSchema, platforms, questionTypes } from '../programs/programs.contract';

/** What the public page needs to render a program's form; nothing about the workspace beyond its name. */
export const publicApplicationPageSchema = z.object({
  programName: z.string(),
  brandName: z.string(),
  headline: z.string(),
  intro: z.string(),
  accentColor: z.string(),
  consentText: z.string(),
  questions: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      type: z.enum(questionTypes),
      required: z.boolean(),
      options: z.array(z.string()),
      help: z.string(),
    }),
  ),
  /** The platforms the program looks for (all of them when its persona names none). */
  platforms: z.array(z.enum(platforms)),
  /** Every seat is taken: applicants join the waitlist. */
  full: z.boolean(),
});

export const applicationHandleInputSchema = z.object({
  platform: z.enum(platforms, { error: `must be one of ${platforms.join(', ')}` }),
  handle: handleSchema,
  followers: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(2_000_000_000, 'is too large')
    .nullable()
    .default(null),
});

export const applicationSubmissionSchema = z.object({
  name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(200),
  email: z.email('must be a valid email address').max(254).toLowerCase(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO 3166 country code such as US or DE')
    .transform((c) => c.toUpperCase())
    .nullable()
    .default(null),
  handles: z
    .array(applicationHandleInputSchema, { error: 'must list at least one handle' })
    .min(1, 'must list at least one handle')
    .max(10, 'must list at most 10 handles')
    .superRefine((handles, ctx) => {
      const seen = new Set<string>();
      for (const [i, h] of handles.entries()) {
        const key = `${h.platform}:${h.handle.toLowerCase()}`;
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'handle'], message: 'is listed twice' });
        seen.add(key);
      }
    }),
  /** Question id → answer; checked against the program's questions by core/recruitment/answers.ts. */
  answers: z.record(z.string().max(40), z.union([z.string().max(5000), z.number(), z.null()])).default({}),
  consent: z.literal(true, { error: 'must be ticked to apply' }),
  /** A field people never see: bots fill it in. Anything here and the submission is quietly dropped. */
  website: z.string().max(500).default(''),
});

export const applicationReceiptSchema = z.object({
  /** `waitlisted` when the program was full; the acknowledgement email says the same. */
  status: z.enum(['received', 'waitlisted']),
  message: z.string(),
});

export const applicationSchema = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  ambassadorId: z.string(),
  creatorId: z.string(),
  answers: z.array(
    z.object({
      questionId: z.string(),
      label: z.string(),
      type: z.enum(questionTypes),
      value: z.union([z.string(), z.number(), z.null()]),
    }),
  ),
  handles: z.array(
    z.object({ platform: z.enum(platforms), handle: z.string(), followers: z.number().nullable() }),
  ),
  consentText: z.string(),
  consentedAt: z.string(),
  source: z.enum(['form', 'import', 'manual']),
  createdAt: z.string(),
});

export const applicationListQuerySchema = z.object({
  programId: z.string().optional(),
  ambassadorId: z.string().optional(),
  creatorId: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export { applicationFormSchema };

export type PublicApplicationPage = z.infer<typeof publicApplicationPageSchema>;
export type ApplicationSubmission = z.input<typeof applicationSubmissionSchema>;
export type ApplicationSubmissionParsed = z.output<typeof applicationSubmissionSchema>;
export type ApplicationReceipt = z.infer<typeof applicationReceiptSchema>;
export type Application = z.infer<typeof applicationSchema>;

// The creator a vetting report is computed from (issue 3): one zod schema, published as JSON Schema.
// Unknown fields are kept, so exports from other tools can be passed in as they are.
import { z } from 'zod';

export const vettingPlatforms = ['instagram', 'tiktok', 'youtube', 'other'] as const;
export const audienceAgeBands = ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'] as const;
export const audienceGenders = ['female', 'male', 'other'] as const;
export const postFormats = ['feed', 'story', 'reel', 'video', 'short'] as const;

function count(field: string) {
  return z
    .number({ error: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .min(0, `${field} must not be negative`);
}

function share(field: string) {
  return z
    .number({ error: `${field} must be a number` })
    .min(0, `${field} must be a share between 0 and 1 (0.42 for 42%)`)
    .max(1, `${field} must be a share between 0 and 1 (0.42 for 42%)`);
}

function text(field: string) {
  return z.string({ error: `${field} must be a string` });
}

const isoDay = z.iso.date({ error: 'followerHistory.date must be a date written YYYY-MM-DD' });

// ISO-8601 with a time (offset or Z) or a bare date; Date.parse accepts both in every runtime we support.
const isoInstant = text('posts.postedAt').refine(
  (value) =>
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) &&
    !Number.isNaN(Date.parse(value)),
  { error: 'posts.postedAt must be an ISO-8601 date or date-time such as 2025-03-01T18:30:00Z' },
);

export const commentSampleSchema = z.looseObject({
  author: text('commentSamples.author'),
  text: text('commentSamples.text'),
  authorFollowers: count('commentSamples.authorFollowers').optional(),
});

export const postSchema = z.looseObject({
  id: text('posts.id').min(1, 'posts.id must not be empty'),
  postedAt: isoInstant,
  format: z.enum(postFormats, { error: `posts.format must be one of ${postFormats.join(', ')}` }).optional(),
  caption: text('posts.caption').optional(),
  likes: count('posts.likes').optional(),
  comments: count('posts.comments').optional(),
  views: count('posts.views').optional(),
  isSponsored: z.boolean({ error: 'posts.isSponsored must be true or false' }).optional(),
  brands: z.array(text('posts.brands[]'), { error: 'posts.brands must be a list of names' }).optional(),
  commentSamples: z.array(commentSampleSchema, { error: 'posts.commentSamples must be a list' }).optional(),
});

export const followerSampleEntrySchema = z.looseObject({
  username: text('followerSample.username'),
  followers: count('followerSample.followers').optional(),
  following: count('followerSample.following').optional(),
  posts: count('followerSample.posts').optional(),
  hasProfilePicture: z
    .boolean({ error: 'followerSample.hasProfilePicture must be true or false' })
    .optional(),
  isPrivate: z.boolean({ error: 'followerSample.isPrivate must be true or false' }).optional(),
  biographyLength: count('followerSample.biographyLength').optional(),
});

export const audienceSchema = z.looseObject({
  countries: z
    .record(
      z.string().regex(/^[A-Za-z]{2}$/, 'audience.countries keys must be two-letter ISO codes such as US'),
      share('audience.countries values'),
    )
    .optional(),
  ages: z
    .partialRecord(
      z.enum(audienceAgeBands, { error: `audience.ages keys must be one of ${audienceAgeBands.join(', ')}` }),
      share('audience.ages values'),
    )
    .optional(),
  genders: z
    .partialRecord(
      z.enum(audienceGenders, {
        error: `audience.genders keys must be one of ${audienceGenders.join(', ')}`,
      }),
      share('audience.genders values'),
    )
    .optional(),
  interests: z.record(z.string(), share('audience.interests values')).optional(),
});

export const creatorInputSchema = z.looseObject({
  platform: z.enum(vettingPlatforms, {
    error: `platform is required and must be one of ${vettingPlatforms.join(', ')}`,
  }),
  handle: z
    .string({ error: 'handle is required and must be a string' })
    .trim()
    .min(1, 'handle must not be empty'),
  followers: z
    .number({ error: 'followers is required and must be a number' })
    .int('followers must be a whole number')
    .min(0, 'followers must not be negative'),
  following: count('following').optional(),
  followerHistory: z
    .array(z.looseObject({ date: isoDay, followers: count('followerHistory.followers') }), {
      error: 'followerHistory must be a list of { date, followers }',
    })
    .optional(),
  audience: audienceSchema.optional(),
  followerSample: z.array(followerSampleEntrySchema, { error: 'followerSample must be a list' }).optional(),
  posts: z.array(postSchema, { error: 'posts must be a list' }).optional(),
});

export type CreatorInput = z.infer<typeof creatorInputSchema>;
export type Post = z.infer<typeof postSchema>;
export type CommentSample = z.infer<typeof commentSampleSchema>;
export type FollowerSampleEntry = z.infer<typeof followerSampleEntrySchema>;
export type Audience = z.infer<typeof audienceSchema>;

/**
 * The program persona as vetting sees it; mirrors the program's persona (PRODUCT P2) so a program can be
 * passed straight in. `minEngagementRate` is a percentage (3 means 3 %), like the program form.
 */
export interface VettingPersona {
  countries: string[];
  ageBands: string[];
  niches: string[];
  followerMin: number | null;
  followerMax: number | null;
  minEngagementRate: number | null;
  platforms: string[];
}

/**
 * The input schema as JSON Schema (draft 2020-12), for docs/ and the OpenAPI document.
 * @example writeFileSync('docs/vetting-input.schema.json', JSON.stringify(creatorInputJsonSchema(), null, 2))
 */
export function creatorInputJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(creatorInputSchema, { io: 'input' }) as Record<string, unknown>;
}

/** Parses unknown JSON; the error's issues name the field (path) and say what is wrong with it. */
export function parseCreatorInput(value: unknown) {
  return creatorInputSchema.safeParse(value);
}

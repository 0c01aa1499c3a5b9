// What a brief (B1) asks of a caption, as the compliance check (B3) reads it, and the check's input.
// Every part has a default, so a caption can be checked for disclosure alone without any brief.
import { z } from 'zod';

export const compliancePlatforms = ['instagram', 'tiktok', 'youtube', 'other'] as const;
export type CompliancePlatform = (typeof compliancePlatforms)[number];

/**
 * Markers accepted on every platform unless the brief lists its own. Hashtags match only as whole hashtags
 * (`#ad` is not `#adventure`); phrases match as whole words. Accents are optional (`#sponsorisé` matches
 * `#sponsorise`).
 */
export const defaultDisclosureMarkers: readonly string[] = [
  '#ad',
  '#sponsored',
  '#advertisement',
  '#paidpartnership',
  'paid partnership',
  'sponsored by',
  // German
  '#anzeige',
  '#werbung',
  // Spanish, Portuguese
  '#publicidad',
  '#publi',
  '#patrocinado',
  '#publicidade',
  // French
  '#sponsorisé',
  '#partenariat',
  '#publicité',
  // Polish, Czech, Swedish, Turkish
  '#reklama',
  '#reklam',
  // Italian
  '#pubblicità',
  '#adv',
  '#sponsorizzato',
  // Dutch (Reclamecode voor Social Media)
  '#spon',
];

export interface Placement {
  /** The marker must end within this many characters (as a reader counts them: an emoji is one); null: anywhere. */
  withinFirstCharacters: number | null;
  /** The marker must start on one of this many lines (explicit line breaks only); null: any line. */
  withinFirstLines: number | null;
}

/** Where a disclosure must appear on each platform unless the brief says otherwise. */
export const defaultPlacements: Readonly<Record<CompliancePlatform, Placement>> = {
  // help.instagram.com: the feed shows the first three lines of a caption; 125 characters or fewer show in
  // full. Seed 003: the disclosure must come before the "more" cut-off.
  instagram: { withinFirstCharacters: 125, withinFirstLines: 3 },
  // Unsure: TikTok documents no cut-off for organic captions. 100 is where in-feed ad descriptions are
  // clamped; third-party counts for organic captions range from 50 to 150. A brief can set its own.
  tiktok: { withinFirstCharacters: 100, withinFirstLines: null },
  // Unsure: YouTube documents no figure; the description shows its first lines above "...more". 200 is the
  // figure asked for in issue 5's brief; null (anywhere) is the lenient alternative.
  youtube: { withinFirstCharacters: 200, withinFirstLines: null },
  other: { withinFirstCharacters: null, withinFirstLines: null },
};

/** A disclosure with this many other hashtags before it in the closing hashtag block is buried. */
export const defaultBuriedAfterHashtags = 3;

/** Longest caption accepted: above every platform's own limit (YouTube descriptions: 5,000). */
export const maxCaptionLength = 10_000;

const hasLetterOrDigit = /[\p{L}\p{N}]/u;

function term(field: string) {
  return z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(300, `${field} must be at most 300 characters`)
    .refine((value) => hasLetterOrDigit.test(value), `${field} must contain a letter or a digit`);
}

function termList(field: string) {
  return z
    .array(term(`${field}[]`), { error: `${field} must be a list of strings` })
    .max(500, `${field} must have at most 500 entries`);
}

function markerList(platform: CompliancePlatform) {
  const field = `disclosure.markers.${platform}`;
  return termList(field)
    .min(1, `${field} needs at least one marker`)
    .default(() => [...defaultDisclosureMarkers]);
}

function limit(field: string, fallback: number | null) {
  return z
    .number({ error: `${field} must be a whole number or null` })
    .int(`${field} must be a whole number`)
    .min(1, `${field} must be at least 1`)
    .nullable()
    .default(fallback);
}

function placement(platform: CompliancePlatform) {
  const fallback = defaultPlacements[platform];
  return z
    .object({
      withinFirstCharacters: limit(
        `disclosure.placement.${platform}.withinFirstCharacters`,
        fallback.withinFirstCharacters,
      ),
      withinFirstLines: limit(`disclosure.placement.${platform}.withinFirstLines`, fallback.withinFirstLines),
    })
    .prefault({});
}

const trackingLink = z
  .string({ error: 'requireTrackingLinkOrCode.links[] must be a string' })
  .trim()
  .regex(
    /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i,
    'requireTrackingLinkOrCode.links[] must be a link such as brand.com/jane or https://brand.com/jane',
  );

const trackingCode = z
  .string({ error: 'requireTrackingLinkOrCode.codes[] must be a string' })
  .trim()
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u,
    'requireTrackingLinkOrCode.codes[] must be one word of letters and digits such as JANE15',
  );

export const complianceRulesSchema = z.object({
  disclosure: z
    .object({
      markers: z
        .object({
          instagram: markerList('instagram'),
          tiktok: markerList('tiktok'),
          youtube: markerList('youtube'),
          other: markerList('other'),
        })
        .prefault({}),
      placement: z
        .object({
          instagram: placement('instagram'),
          tiktok: placement('tiktok'),
          youtube: placement('youtube'),
          other: placement('other'),
        })
        .prefault({}),
      // Applies only where the placement asks for prominence (a character or line limit).
      hashtagWallRule: z
        .object({
          buriedAfter: z
            .number({ error: 'disclosure.hashtagWallRule.buriedAfter must be a whole number' })
            .int('disclosure.hashtagWallRule.buriedAfter must be a whole number')
            .min(1, 'disclosure.hashtagWallRule.buriedAfter must be at least 1')
            .default(defaultBuriedAfterHashtags),
        })
        .nullable()
        .prefault({}),
    })
    .prefault({}),
  requiredMentions: termList('requiredMentions').default(() => []),
  forbiddenTerms: termList('forbiddenTerms').default(() => []),
  competitors: termList('competitors').default(() => []),
  requireTrackingLinkOrCode: z
    .object({
      links: z
        .array(trackingLink, { error: 'requireTrackingLinkOrCode.links must be a list of links' })
        .default(() => []),
      codes: z
        .array(trackingCode, { error: 'requireTrackingLinkOrCode.codes must be a list of codes' })
        .default(() => []),
    })
    .refine((value) => value.links.length + value.codes.length > 0, {
      error: 'requireTrackingLinkOrCode needs at least one link or code, or null when none is required',
    })
    .nullable()
    .default(null),
});

export const checkCaptionInputSchema = z.object({
  platform: z.enum(compliancePlatforms, {
    error: `platform is required and must be one of ${compliancePlatforms.join(', ')}`,
  }),
  // Not trimmed: rule spans are offsets into the caption exactly as written.
  caption: z
    .string({ error: 'caption is required and must be a string' })
    .max(maxCaptionLength, `caption must be at most ${maxCaptionLength} characters`)
    .refine((value) => value.trim().length > 0, 'caption must not be empty'),
  rules: complianceRulesSchema.prefault({}),
});

/** The brief's rules after defaults are filled in. */
export type ComplianceRules = z.output<typeof complianceRulesSchema>;
/** The brief's rules as a caller may write them: every part optional. */
export type ComplianceRulesInput = z.input<typeof complianceRulesSchema>;
export type CheckCaptionInput = z.input<typeof checkCaptionInputSchema>;
export type ParsedCheckCaptionInput = z.output<typeof checkCaptionInputSchema>;

/**
 * Parses unknown JSON; the error's issues name the field (path) and say what is wrong with it.
 * @example parseCheckCaptionInput({ platform: 'instagram', caption: '' }).error?.issues[0]?.path // ['caption']
 */
export function parseCheckCaptionInput(value: unknown) {
  return checkCaptionInputSchema.safeParse(value);
}

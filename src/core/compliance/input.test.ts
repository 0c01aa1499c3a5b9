import { describe, expect, it } from 'vitest';
import { defaultDisclosureMarkers, defaultPlacements, parseCheckCaptionInput } from './input';

describe('parseCheckCaptionInput', () => {
  const invalid: Array<{ name: string; input: unknown; path: Array<string | number>; message: RegExp }> = [
    {
      name: 'empty caption',
      input: { platform: 'instagram', caption: '' },
      path: ['caption'],
      message: /empty/,
    },
    {
      name: 'caption of spaces and line breaks',
      input: { platform: 'instagram', caption: ' \n\t ' },
      path: ['caption'],
      message: /empty/,
    },
    { name: 'missing caption', input: { platform: 'instagram' }, path: ['caption'], message: /required/ },
    {
      name: 'caption over the length limit',
      input: { platform: 'instagram', caption: 'a'.repeat(10_001) },
      path: ['caption'],
      message: /at most/,
    },
    {
      name: 'unknown platform',
      input: { platform: 'myspace', caption: '#ad' },
      path: ['platform'],
      message: /instagram, tiktok, youtube, other/,
    },
    {
      name: 'tracking requirement with neither link nor code',
      input: { platform: 'instagram', caption: '#ad', rules: { requireTrackingLinkOrCode: {} } },
      path: ['rules', 'requireTrackingLinkOrCode'],
      message: /at least one link or code/,
    },
    {
      name: 'tracking code with a space',
      input: {
        platform: 'instagram',
        caption: '#ad',
        rules: { requireTrackingLinkOrCode: { codes: ['JANE 15'] } },
      },
      path: ['rules', 'requireTrackingLinkOrCode', 'codes', 0],
      message: /one word/,
    },
    {
      name: 'tracking link that is not a link',
      input: {
        platform: 'instagram',
        caption: '#ad',
        rules: { requireTrackingLinkOrCode: { links: ['jane'] } },
      },
      path: ['rules', 'requireTrackingLinkOrCode', 'links', 0],
      message: /link such as/,
    },
    {
      name: 'empty marker list',
      input: { platform: 'instagram', caption: '#ad', rules: { disclosure: { markers: { tiktok: [] } } } },
      path: ['rules', 'disclosure', 'markers', 'tiktok'],
      message: /at least one marker/,
    },
    {
      name: 'forbidden term of punctuation only',
      input: { platform: 'instagram', caption: '#ad', rules: { forbiddenTerms: ['!!'] } },
      path: ['rules', 'forbiddenTerms', 0],
      message: /letter or a digit/,
    },
    {
      name: 'fold position of zero',
      input: {
        platform: 'instagram',
        caption: '#ad',
        rules: { disclosure: { placement: { instagram: { withinFirstCharacters: 0 } } } },
      },
      path: ['rules', 'disclosure', 'placement', 'instagram', 'withinFirstCharacters'],
      message: /at least 1/,
    },
  ];
  for (const c of invalid) {
    it(`rejects ${c.name}, naming the field`, () => {
      const result = parseCheckCaptionInput(c.input);
      expect(result.success).toBe(false);
      const issue = result.error?.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(c.path));
      expect(issue?.message).toMatch(c.message);
    });
  }

  it('fills in every default, so a caption can be checked without a brief', () => {
    const result = parseCheckCaptionInput({ platform: 'tiktok', caption: '#ad' });
    expect(result.data?.rules).toEqual({
      disclosure: {
        markers: {
          instagram: defaultDisclosureMarkers,
          tiktok: defaultDisclosureMarkers,
          youtube: defaultDisclosureMarkers,
          other: defaultDisclosureMarkers,
        },
        placement: defaultPlacements,
        hashtagWallRule: { buriedAfter: 3 },
      },
      requiredMentions: [],
      forbiddenTerms: [],
      competitors: [],
      requireTrackingLinkOrCode: null,
    });
  });

  it('keeps the caption as written, so spans point into it', () => {
    expect(parseCheckCaptionInput({ platform: 'other', caption: '  #ad \n' }).data?.caption).toBe('  #ad \n');
  });

  it('lets a brief place the disclosure anywhere on one platform and keep the others', () => {
    const placement = parseCheckCaptionInput({
      platform: 'youtube',
      caption: '#ad',
      rules: { disclosure: { placement: { youtube: { withinFirstCharacters: null } } } },
    }).data?.rules.disclosure.placement;
    expect(placement?.youtube).toEqual({ withinFirstCharacters: null, withinFirstLines: null });
    expect(placement?.instagram).toEqual(defaultPlacements.instagram);
  });
});

import { describe, expect, it } from 'vitest';
import { type DiffableBrief, diffBriefs } from './diff';

function brief(overrides: Partial<DiffableBrief> = {}): DiffableBrief {
  return {
    title: 'Spring launch',
    summary: 'Show the serum in your routine.',
    mustInclude: {
      productNames: ['Glow Serum'],
      mentions: ['@glowco'],
      keyClaims: ['Hydrates for 24 hours'],
      legalLines: [],
      trackingLinkOrCode: false,
    },
    mustAvoid: { competitors: ['Lumina'], themes: [], words: ['cure'] },
    disclosure: { markers: [], instagramWithinFirstCharacters: null },
    formats: ['reel'],
    startsOn: null,
    endsOn: null,
    freedomNotes: '',
    ...overrides,
  };
}

describe('diffBriefs', () => {
  const base = brief();
  const cases: Array<{ name: string; after: DiffableBrief; expected: ReturnType<typeof diffBriefs> }> = [
    { name: 'nothing changed', after: brief(), expected: [] },
    {
      name: 'a list item added and one removed',
      after: brief({ mustAvoid: { competitors: ['Lumina'], themes: [], words: ['miracle'] } }),
      expected: [
        {
          field: 'mustAvoid.words',
          label: 'Words to avoid',
          kind: 'list',
          added: ['miracle'],
          removed: ['cure'],
        },
      ],
    },
    {
      name: 're-ordering and a change of case are not changes',
      after: brief({
        mustInclude: { ...base.mustInclude, productNames: [' glow serum '], mentions: ['@GlowCo'] },
      }),
      expected: [],
    },
    {
      name: 'a duplicate added item is listed once',
      after: brief({ formats: ['reel', 'story', 'Story'] }),
      expected: [{ field: 'formats', label: 'Formats', kind: 'list', added: ['story'], removed: [] }],
    },
    {
      name: 'a changed text field shows before and after',
      after: brief({ title: 'Spring launch 2.0' }),
      expected: [
        { field: 'title', label: 'Title', kind: 'text', before: 'Spring launch', after: 'Spring launch 2.0' },
      ],
    },
    {
      name: 'booleans, numbers and dates read as words',
      after: brief({
        mustInclude: { ...base.mustInclude, trackingLinkOrCode: true },
        disclosure: { markers: ['#ad'], instagramWithinFirstCharacters: 90 },
        endsOn: '2026-06-30',
      }),
      expected: [
        {
          field: 'mustInclude.trackingLinkOrCode',
          label: 'Tracking link or code',
          kind: 'text',
          before: 'not required',
          after: 'required',
        },
        {
          field: 'disclosure.instagramWithinFirstCharacters',
          label: 'Instagram disclosure within',
          kind: 'text',
          before: 'the default (125 characters)',
          after: '90 characters',
        },
        { field: 'endsOn', label: 'Ends on', kind: 'text', before: '', after: '2026-06-30' },
        {
          field: 'disclosure.markers',
          label: 'Disclosure markers',
          kind: 'list',
          added: ['#ad'],
          removed: [],
        },
      ],
    },
    {
      name: 'whitespace around text is not a change',
      after: brief({ summary: '  Show the serum in your routine.\n' }),
      expected: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(diffBriefs(base, c.after)).toEqual(c.expected);
    });
  }

  it('is symmetric: swapping versions swaps added and removed', () => {
    const after = brief({ mustAvoid: { competitors: ['Lumina', 'Radiance'], themes: [], words: [] } });
    const forward = diffBriefs(base, after);
    const backward = diffBriefs(after, base);
    expect(forward.map((c) => (c.kind === 'list' ? [c.added, c.removed] : null))).toEqual(
      backward.map((c) => (c.kind === 'list' ? [c.removed, c.added] : null)),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyPlainValidationMessages } from './messages';

applyPlainValidationMessages();

const cases: Array<[string, z.ZodType, unknown, string]> = [
  ['missing text', z.object({ id: z.string() }), {}, 'id: is required'],
  ['wrong type', z.object({ n: z.number() }), { n: 'x' }, 'n: must be a number'],
  [
    'text too long',
    z.object({ label: z.string().max(100) }),
    { label: 'x'.repeat(101) },
    'label: must be at most 100 characters',
  ],
  ['empty text', z.object({ name: z.string().min(1) }), { name: '' }, 'name: must not be empty'],
  [
    'short text',
    z.object({ key: z.string().min(16) }),
    { key: 'abc' },
    'key: must be at least 16 characters',
  ],
  ['number too big', z.object({ pct: z.number().max(100) }), { pct: 101 }, 'pct: must be at most 100'],
  ['number not positive', z.object({ n: z.number().positive() }), { n: 0 }, 'n: must be more than 0'],
  ['whole number', z.object({ n: z.number().int() }), { n: 1.5 }, 'n: must be a whole number'],
  ['email', z.object({ email: z.email() }), { email: 'nope' }, 'email: must be an email address'],
  ['enum', z.object({ kind: z.enum(['csv', 'api']) }), { kind: 'x' }, 'kind: must be "csv" or "api"'],
  [
    'unknown keys',
    z.strictObject({ a: z.string() }),
    { a: 'x', b: 1, c: 2 },
    '(body): has unknown fields "b" and "c"',
  ],
  [
    'union of types',
    z.object({ id: z.union([z.string(), z.number()]) }),
    { id: true },
    'id: must be text or a number',
  ],
  ['union missing', z.object({ id: z.union([z.string(), z.number()]) }), {}, 'id: is required'],
  [
    'list too short',
    z.object({ tags: z.array(z.string()).min(1) }),
    { tags: [] },
    'tags: must have at least one item',
  ],
  [
    'a schema’s own words win',
    z.object({ at: z.string().refine(() => false, 'must be a date') }),
    { at: 'x' },
    'at: must be a date',
  ],
];

describe('plain validation messages', () => {
  it.each(cases)('%s', (_name, schema, input, expected) => {
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(`${issue?.path.join('.') || '(body)'}: ${issue?.message}`).toBe(expected);
  });
});

// Plain-words messages for validation problems. zod's own defaults ("Invalid input", "Too big: expected
// string to have <=100 characters") are written for developers; a manager reads ours beside the field's name,
// as in "label: must be at most 100 characters". A schema's own message (a refine's) still wins.
import { z } from 'zod';

/** The parts of a zod issue these messages read (every zod issue has `code`; the rest depend on it). */
export interface IssueLike {
  code?: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  inclusive?: boolean;
  exact?: boolean;
  format?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
  errors?: ReadonlyArray<ReadonlyArray<IssueLike>>;
  divisor?: number;
}

const kinds: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  date: 'a date',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

const formats: Record<string, string> = {
  email: 'an email address',
  url: 'a URL',
  uuid: 'a UUID',
  datetime: 'a date and time (ISO 8601)',
  date: 'a date (YYYY-MM-DD)',
  time: 'a time (HH:MM)',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
};

function unitOf(origin: string | undefined, n: number | bigint): string {
  const many = Number(n) !== 1;
  if (origin === 'string') return many ? ' characters' : ' character';
  if (origin === 'array' || origin === 'set') return many ? ' items' : ' item';
  if (origin === 'file') return ' bytes';
  return '';
}

function joined(items: readonly string[], last: 'or' | 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

function listOf(values: readonly unknown[], last: 'or' | 'and' = 'or'): string {
  return joined(
    values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))),
    last,
  );
}

/** The message for one issue, or undefined to keep zod's (for codes without plain words here). */
export function plainMessage(issue: IssueLike): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${kinds[issue.expected ?? ''] ?? issue.expected}`;
    case 'too_big': {
      const max = issue.maximum ?? 0;
      const unit = unitOf(issue.origin, max);
      if (issue.exact) return `must be exactly ${max}${unit}`;
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set')
        return `must be at most ${max}${unit}`;
      if (issue.origin === 'date') return `must be on or before ${new Date(Number(max)).toISOString()}`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
    }
    case 'too_small': {
      const min = issue.minimum ?? 0;
      const unit = unitOf(issue.origin, min);
      if (issue.exact) return `must be exactly ${min}${unit}`;
      if (issue.origin === 'string' && Number(min) === 1) return 'must not be empty';
      if ((issue.origin === 'array' || issue.origin === 'set') && Number(min) === 1)
        return 'must have at least one item';
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set')
        return `must be at least ${min}${unit}`;
      if (issue.origin === 'date') return `must be on or after ${new Date(Number(min)).toISOString()}`;
      return issue.inclusive === false ? `must be more than ${min}` : `must be at least ${min}`;
    }
    case 'invalid_format':
      return issue.format && formats[issue.format]
        ? `must be ${formats[issue.format]}`
        : 'is not in the expected format';
    case 'invalid_value':
      return (issue.values?.length ?? 0) > 0 ? `must be ${listOf(issue.values ?? [])}` : 'is not allowed';
    case 'unrecognized_keys':
      return `has unknown field${(issue.keys?.length ?? 0) === 1 ? '' : 's'} ${listOf(issue.keys ?? [], 'and')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'invalid_union': {
      if (issue.input === undefined) return 'is required';
      // Each branch refused the value for its type alone: say which types would do.
      const expected = (issue.errors ?? []).map((branch) =>
        branch.length === 1 && branch[0]?.code === 'invalid_type' ? branch[0].expected : undefined,
      );
      if (expected.length > 0 && expected.every((e) => e !== undefined))
        return `must be ${joined([...new Set(expected.map((e) => kinds[e ?? ''] ?? String(e)))], 'or')}`;
      return 'is not valid';
    }
    default:
      return undefined;
  }
}

/** Makes every zod schema of this process use the plain messages (call once at start). */
export function applyPlainValidationMessages(): void {
  z.config({ customError: (issue) => plainMessage(issue as IssueLike) });
}

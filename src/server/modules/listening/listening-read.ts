// Reading a listening tool's export (B8): CSV or JSON rows with the tools' usual headers, each validated
// into a post (handle, normalised URL, caption, date) or line-numbered errors naming the column.

import { AppError } from '../../lib/app-error';
import { parseCsv } from '../people/creator-csv.service';
import type { ImportRowError } from '../people/people.contract';
import {
  columnFor,
  type ListeningColumn,
  normalizeHandle,
  normalizePostUrl,
  platformOf,
} from './listening-match';

type Platform = ReturnType<typeof platformOf>;

export interface ListeningRow {
  line: number;
  platform: Platform;
  handle: string;
  url: string;
  caption: string;
  postedAt: Date | null;
}

type RawRow = { line: number; values: Partial<Record<ListeningColumn, string>> };

export const maxRows = 50_000;
export const expected =
  'handle (or Author/Username) and url (or URL/Link); optional: platform, caption (Text/Content), posted_at (Date)';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A JSON array of objects; keys are read like CSV headers. `line` is the item's 1-based position. */
export function readJson(text: string): { rows: RawRow[]; errors: ImportRowError[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError('validation_failed', `The file is not valid JSON: ${(error as Error).message}`, {
      problems: [{ field: 'body', message: 'is not valid JSON' }],
    });
  }
  if (!Array.isArray(parsed))
    throw new AppError('validation_failed', 'A JSON import must be an array of posts.', {
      problems: [{ field: 'body', message: 'must be a JSON array of objects' }],
    });
  const rows: RawRow[] = [];
  const errors: ImportRowError[] = [];
  parsed.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({ line: i + 1, field: 'item', message: 'must be an object' });
      return;
    }
    const values: RawRow['values'] = {};
    for (const [key, value] of Object.entries(item)) {
      const column = columnFor(key);
      if (column && values[column] === undefined) values[column] = cell(value).trim();
    }
    rows.push({ line: i + 1, values });
  });
  return { rows, errors };
}

export function readCsv(text: string): { rows: RawRow[]; errors: ImportRowError[] } {
  const records = parseCsv(text);
  const header = records.shift();
  if (!header)
    throw new AppError('validation_failed', `The file is empty: expected a header row with ${expected}.`, {
      problems: [{ field: 'header', message: 'is missing' }],
    });
  const columns = header.cells.map(columnFor);
  const missing = (['handle', 'url'] as const).filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return {
      rows: [],
      errors: [
        {
          line: header.line,
          field: 'header',
          message: `needs a ${missing.join(' and a ')} column. Expected: ${expected}.`,
        },
      ],
    };
  const rows = records.map(({ line, cells }) => {
    const values: RawRow['values'] = {};
    columns.forEach((column, i) => {
      if (column && values[column] === undefined) values[column] = cells[i] ?? '';
    });
    return { line, values };
  });
  return { rows, errors: [] };
}

export function validateRow({ line, values }: RawRow): { row?: ListeningRow; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const handle = normalizeHandle(values.handle ?? '');
  if (!handle) errors.push({ line, field: 'handle', message: 'is required' });
  else if (handle.length > 100)
    errors.push({ line, field: 'handle', message: 'must be at most 100 characters' });
  const rawUrl = values.url ?? '';
  const url = rawUrl ? normalizePostUrl(rawUrl) : null;
  if (!rawUrl) errors.push({ line, field: 'url', message: 'is required' });
  else if (!url || url.length > 2_000)
    errors.push({ line, field: 'url', message: 'must be an http(s) link to the post' });
  const caption = values.caption ?? '';
  if (caption.length > 10_000)
    errors.push({ line, field: 'caption', message: 'must be at most 10,000 characters' });
  let postedAt: Date | null = null;
  if (values.posted_at) {
    postedAt = new Date(values.posted_at);
    if (Number.isNaN(postedAt.getTime()))
      errors.push({
        line,
        field: 'posted_at',
        message: 'must be a date such as 2026-03-01 or 2026-03-01T09:30:00Z',
      });
  }
  if (errors.length > 0 || !url) return { errors };
  return {
    errors,
    row: { line, platform: platformOf(values.platform ?? '', url), handle, url, caption, postedAt },
  };
}

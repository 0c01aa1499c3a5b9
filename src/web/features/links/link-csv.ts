// The links table as CSV (a report: every table exports).
import type { Link } from './api';

function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // Quote always; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function linksCsv(links: Link[]): string {
  const header = [
    'ambassador',
    'handle',
    'short_url',
    'destination',
    'campaign',
    'status',
    'expires_at',
    'clicks',
    'unique_clicks',
    'bot_clicks',
    'created_at',
  ];
  const rows = links.map((l) =>
    [
      l.ambassador.name,
      l.ambassador.handle,
      l.url,
      l.destination,
      l.campaign,
      l.status,
      l.expiresAt,
      l.totals.clicks,
      l.totals.unique,
      l.totals.bot,
      l.createdAt,
    ]
      .map(cell)
      .join(','),
  );
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}

export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

// Offline copies of a report: its flags as CSV (one row per flag, with evidence and any override) and the
// whole stored report with its input as JSON.
import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReportDetail } from './api';
import { reviewedOf } from './api';

function save(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function flagsCsv(detail: ReportDetail): Promise<string> {
  const { unparse } = await import('papaparse');
  const rows = reviewedOf(detail).flags.map((f) => ({
    section: f.section,
    code: f.code,
    severity: f.severity,
    message: f.message,
    overridden: f.overridden ? 'yes' : 'no',
    overridden_by: f.overridden?.by ?? '',
    override_reason: f.overridden?.reason ?? '',
    posts: (f.evidence.posts ?? []).join(' '),
    comments: (f.evidence.comments ?? []).map((c) => `${c.postId}#${c.index} @${c.author}`).join('; '),
    dates: (f.evidence.dates ?? []).join(' '),
    followers: (f.evidence.followers ?? []).join(' '),
    accounts: (f.evidence.accounts ?? []).join(' '),
    brands: (f.evidence.brands ?? []).join('; '),
  }));
  // A leading quote keeps spreadsheet apps from running text that starts with = + - @ as a formula.
  return unparse(rows, { escapeFormulae: true });
}

export function ReportDownloads({ detail }: { detail: ReportDetail }) {
  const base = `vetting-${detail.handle.replace(/[^\w.-]+/g, '_')}-${detail.createdAt.slice(0, 10)}`;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />}>
          Download
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={async () => save(`${base}-flags.csv`, 'text/csv', await flagsCsv(detail))}>
          Flags (CSV)
        </Menu.Item>
        <Menu.Item onClick={() => save(`${base}.json`, 'application/json', JSON.stringify(detail, null, 2))}>
          Full report with input (JSON)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

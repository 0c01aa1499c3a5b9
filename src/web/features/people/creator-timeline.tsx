// A creator's audit timeline (PRODUCT R6, I5): who did what, when, with stage changes shown before → after.
import { Group, Stack, Text, Timeline } from '@mantine/core';
import {
  IconArrowRight,
  IconFileImport,
  IconFlagOff,
  IconForms,
  IconMail,
  IconPencil,
  IconPlus,
  IconShieldSearch,
  IconSparkles,
  IconUserCircle,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { type Stage, stages } from '../../../core/pipeline/stages';
import { StageBadge } from '../../components/stage-badge';
import { formatDateTime, formatRelative } from '../../lib/format';
import type { AuditEvent } from './api';

function prop(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function stageOf(value: unknown): Stage | undefined {
  const s = prop(value, 'stage');
  return stages.find((stage) => stage === s);
}

interface Described {
  title: string;
  icon: ReactNode;
  body?: ReactNode;
}

/** Titles of the other actions a creator's timeline shows (with the code or link the event names). */
const titles: Record<string, string> = {
  'ambassador.cadence_reminder_sent': 'Posting reminder sent',
  'asset.rights_changed': 'Usage rights changed',
  'code_alert.raised': 'Possible leaked code flagged',
  'code_alert.dismissed': 'Leaked-code alert dismissed',
  'code_alert.rotated': 'Leaked code replaced',
  'committee.abstained': 'A committee member abstained',
  'committee.decided': 'Committee decision recorded',
  'committee.review_submitted': 'Committee review submitted',
  'creator.social_account_added': 'Social account added',
  'discount_code.issued': 'Discount code issued',
  'discount_code.retired': 'Discount code retired',
  'discount_code.rotated': 'Discount code replaced',
  'discount_code.synced': 'Discount code created in the store',
  'link.created': 'Tracked link created',
  'link.deleted': 'Tracked link deleted',
  'outreach.reply_recorded': 'Reply to outreach recorded',
  'submission.submitted': 'Content submitted for review',
  'submission.resubmitted': 'Content resubmitted after changes',
  'submission.published': 'Content published',
  'submission.metrics_recorded': 'Post results recorded',
};

/** `foo_bar.baz` → `Foo bar baz`, for an action without a title of its own. */
function humanize(action: string): string {
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function describe(e: AuditEvent): Described {
  const programName = text(prop(e.after, 'programName'));
  switch (e.action) {
    case 'ambassador.stage_changed': {
      const from = stageOf(e.before);
      const to = stageOf(e.after);
      return {
        title: programName ? `Stage changed in ${programName}` : 'Stage changed',
        icon: <IconArrowRight size={13} />,
        body:
          from && to ? (
            <Group gap={6} aria-label={`from ${from} to ${to}`}>
              <StageBadge stage={from} size="sm" />
              <Text size="xs" c="dimmed" aria-hidden>
                →
              </Text>
              <StageBadge stage={to} size="sm" />
            </Group>
          ) : null,
      };
    }
    case 'ambassador.added': {
      const stage = stageOf(e.after);
      return {
        title: programName ? `Added to ${programName}` : 'Added to a program',
        icon: <IconPlus size={13} />,
        body: stage ? <StageBadge stage={stage} size="sm" /> : null,
      };
    }
    case 'creator.created':
      return { title: 'Created', icon: <IconSparkles size={13} /> };
    case 'creator.imported': {
      const line = text(prop(e.after, 'line'));
      return {
        title: line ? `Imported from CSV (line ${line})` : 'Imported from CSV',
        icon: <IconFileImport size={13} />,
      };
    }
    case 'creator.updated':
      return { title: 'Details edited', icon: <IconPencil size={13} /> };
    case 'creator.portal_link_sent': {
      const email = text(prop(e.after, 'email'));
      return {
        title: email ? `Portal link sent to ${email}` : 'Portal link sent',
        icon: <IconMail size={13} />,
      };
    }
    case 'application.submitted':
      return {
        title: programName
          ? `Applied to ${programName} on the application page`
          : 'Applied on the application page',
        icon: <IconForms size={13} />,
      };
    case 'vetting.report_created':
      return {
        title: `Vetted @${text(prop(e.after, 'handle')) ?? ''}: score ${text(prop(e.after, 'score')) ?? '—'}`,
        icon: <IconShieldSearch size={13} />,
      };
    case 'vetting.flag_overridden':
    case 'vetting.flag_restored':
      return {
        title: `${e.action === 'vetting.flag_overridden' ? 'Vetting flag overridden' : 'Vetting flag restored'}: ${text(prop(e.after, 'code')) ?? text(prop(e.after, 'flagKey')) ?? ''}`,
        icon: <IconFlagOff size={13} />,
        body: (
          <Text size="xs" c="dimmed">
            Score {text(prop(e.before, 'score')) ?? '—'} → {text(prop(e.after, 'score')) ?? '—'}
          </Text>
        ),
      };
    case 'creator.profile_updated':
      return { title: 'Updated their profile in the portal', icon: <IconUserCircle size={13} /> };
    default: {
      const slug = text(prop(e.after, 'slug'));
      const detail = text(prop(e.after, 'code')) ?? (slug ? `/l/${slug}` : undefined);
      const title = titles[e.action] ?? humanize(e.action);
      return { title: detail ? `${title}: ${detail}` : title, icon: <IconPencil size={13} /> };
    }
  }
}

export function CreatorTimeline({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing has happened yet. Changes to this person — stage moves, edits, emails — will appear here.
      </Text>
    );
  }
  return (
    <Timeline active={events.length - 1} bulletSize={24} lineWidth={2} aria-label="Timeline">
      {events.map((e) => {
        const d = describe(e);
        return (
          <Timeline.Item key={e.id} bullet={d.icon} title={d.title}>
            <Stack gap={4} mt={4}>
              {d.body}
              {e.reason ? (
                <Text size="sm" fs="italic" style={{ overflowWrap: 'anywhere' }}>
                  “{e.reason}”
                </Text>
              ) : null}
              <Text size="xs" c="dimmed">
                {e.actorName} ·{' '}
                <time dateTime={e.createdAt} title={formatDateTime(e.createdAt)}>
                  {formatRelative(e.createdAt)}
                </time>
              </Text>
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

// The portal's "Briefs" section: the current brief of each program the ambassador holds a seat in, and a
// "What changed" box (the author's note and the computed changes since the previous version).
import { Alert, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconFileDescription, IconSparkles } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { defaultDisclosureMarkers } from '../../../core/compliance/input';
import { formatDate } from '../../lib/format';
import { formatLabels } from '../../lib/labels';
import { type PortalBrief, portalBriefsQuery } from './api';
import { BriefChanges } from './brief-changes';

function Items({ label, items }: { label: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <List size="sm" spacing={2}>
        {items.map((item) => (
          <List.Item key={item} style={{ overflowWrap: 'anywhere' }}>
            {item}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

const sameText = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

function BriefCard({ brief }: { brief: PortalBrief }) {
  const c = brief.content;
  const markers = c.disclosure.markers.length > 0 ? c.disclosure.markers : defaultDisclosureMarkers;
  return (
    <Card withBorder radius="lg" p="lg" component="article" aria-label={`Brief: ${c.title}`}>
      <Stack gap="sm">
        {/* The version badge sits beside the title on wide screens and wraps below it on narrow ones. */}
        <Group justify="space-between" align="flex-start" gap="xs" style={{ rowGap: 6 }}>
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.04em' }}>
              {brief.programName}
              {brief.campaign && !sameText(brief.campaign, c.title) ? ` · ${brief.campaign}` : ''}
            </Text>
            <Title order={3} fz="h4" style={{ overflowWrap: 'anywhere' }}>
              {c.title}
            </Title>
          </Stack>
          <Badge variant="light" radius="sm" style={{ flexShrink: 0 }}>
            Version {brief.version} · {formatDate(brief.publishedAt)}
          </Badge>
        </Group>
        {brief.comparedWith !== null ? (
          <Alert color="violet" variant="light" icon={<IconSparkles size={18} />} title="What changed">
            <Stack gap="xs">
              {brief.changeNotes.map((n) => (
                <Text key={n.version} size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  <b>Version {n.version}:</b> {n.changeNote}
                </Text>
              ))}
              <BriefChanges changes={brief.changes} />
            </Stack>
          </Alert>
        ) : null}
        {c.summary ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {c.summary}
          </Text>
        ) : null}
        <Items label="Mention the products" items={c.mustInclude.productNames} />
        <Items label="Tag" items={c.mustInclude.mentions} />
        <Items label="Key messages (in your own words)" items={c.mustInclude.keyClaims} />
        <Items label="Include exactly" items={c.mustInclude.legalLines} />
        {c.mustInclude.trackingLinkOrCode ? (
          <Text size="sm" fw={600}>
            Add your personal link or discount code.
          </Text>
        ) : null}
        <Items
          label="Please avoid"
          items={[...c.mustAvoid.themes, ...c.mustAvoid.words, ...c.mustAvoid.competitors]}
        />
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            Disclose the partnership
          </Text>
          <Text size="sm">
            Use one of {markers.join(', ')}
            {` — on Instagram within the first ${c.disclosure.instagramWithinFirstCharacters ?? 125} characters, before “more”.`}
          </Text>
        </Stack>
        {c.formats.length > 0 ? (
          <Group gap={6}>
            {c.formats.map((f) => (
              <Badge key={f} variant="light" color="gray" radius="sm" tt="none">
                {formatLabels[f]}
              </Badge>
            ))}
          </Group>
        ) : null}
        {c.startsOn || c.endsOn ? (
          <Text size="sm">
            {c.startsOn ? `From ${formatDate(c.startsOn)}` : ''}
            {c.startsOn && c.endsOn ? ' ' : ''}
            {c.endsOn ? `until ${formatDate(c.endsOn)}` : ''}
          </Text>
        ) : null}
        {c.freedomNotes ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              Your creative freedom
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {c.freedomNotes}
            </Text>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

export function PortalBriefs() {
  const { data } = useQuery(portalBriefsQuery);
  if (!data || data.length === 0) return null;
  return (
    <Stack gap="md" component="section" aria-label="Briefs">
      <Group gap="xs">
        <IconFileDescription size={22} />
        <Title order={2} fz="h3">
          Briefs
        </Title>
      </Group>
      {data.map((b) => (
        <BriefCard key={b.briefId} brief={b} />
      ))}
    </Stack>
  );
}

// Report sections on who engages and what is posted: pods, audience fit, competitor conflicts, consistency.
import { Card, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { countryName } from '../../lib/countries';
import { formatDate, formatNumber } from '../../lib/format';
import type { CreatorInput, ReviewedReport } from './api';
import { accountAnchor, useTarget } from './evidence';
import { AudienceChart, activeFlags, ChartBox, PostLink, SectionCard, Stats } from './report-section-parts';
import type { PersonaTargets } from './report-sections';
import { formatShare } from './report-view';

function AccountRow({ author, posts, share }: { author: string; posts: number; share: number }) {
  const target = useTarget(accountAnchor(author));
  return (
    <Table.Tr {...target}>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>@{author}</Table.Td>
      <Table.Td ta="right">{formatNumber(posts)}</Table.Td>
      <Table.Td ta="right">{formatShare(share)}</Table.Td>
    </Table.Tr>
  );
}

export function PodsSection({ report }: { report: ReviewedReport }) {
  const f = report.sections.pods.figures;
  const poolGroups = report.sections.pods.flags.filter((flag) => flag.code === 'pods.pool-group');
  return (
    <SectionCard section="pods" flagCount={activeFlags(report, 'pods')}>
      <Stats
        items={[
          ['Posts with comments', formatNumber(f.postsWithSamples)],
          ['Regular commenters', formatNumber(f.regulars.length)],
        ]}
      />
      {f.regulars.length > 0 ? (
        <ScrollArea.Autosize mah={260} type="auto">
          <Table aria-label="Accounts commenting on most posts" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Commenter</Table.Th>
                <Table.Th ta="right">Posts</Table.Th>
                <Table.Th ta="right">Share of posts</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.regulars.map((r) => (
                <AccountRow key={r.author} {...r} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : (
        <Text size="sm" c="dimmed">
          No account commented on most posts.
        </Text>
      )}
      {poolGroups.length > 0 ? (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Groups across the vetted pool
          </Text>
          {poolGroups.map((g) => (
            <Card key={(g.evidence.accounts ?? []).join(',')} withBorder radius="md" padding="xs">
              <Text size="sm">Members: {(g.evidence.accounts ?? []).map((a) => `@${a}`).join(', ')}</Text>
              {g.evidence.followers?.length ? (
                <Text size="xs" c="dimmed">
                  Shared commenters: {g.evidence.followers.map((a) => `@${a}`).join(', ')}
                </Text>
              ) : null}
            </Card>
          ))}
        </Stack>
      ) : null}
    </SectionCard>
  );
}

export function AlignmentSection(props: {
  report: ReviewedReport;
  input: CreatorInput;
  persona: PersonaTargets | null;
}) {
  const f = props.report.sections.alignment.figures;
  const audience = props.input.audience;
  const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'yes' : 'no');
  const hasAudience = !!audience && (!!audience.countries || !!audience.ages || !!audience.genders);
  return (
    <SectionCard section="alignment" flagCount={activeFlags(props.report, 'alignment')}>
      {f.hasPersona ? (
        <Stats
          items={[
            ['Country match', formatShare(f.countryShare)],
            ['Age match', formatShare(f.ageShare)],
            ['Interest match', formatShare(f.interestShare)],
            ['Followers in range', yesNo(f.isFollowerCountInRange)],
            ['Platform allowed', yesNo(f.isPlatformAllowed)],
          ]}
        />
      ) : (
        <Text size="sm" c="dimmed">
          Run vetting against a program to compare the audience with its persona.
        </Text>
      )}
      {props.persona ? (
        <Text size="xs" c="dimmed">
          Persona of {props.persona.programName}: teal bars are audience the persona targets.
        </Text>
      ) : null}
      {hasAudience ? (
        <Stack gap="md">
          {audience?.countries ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Countries
              </Text>
              <ChartBox h={110}>
                <AudienceChart
                  title="Audience countries"
                  shares={audience.countries as Record<string, number>}
                  targets={props.persona?.countries.length ? new Set(props.persona.countries) : null}
                  label={countryName}
                />
              </ChartBox>
            </Stack>
          ) : null}
          {audience?.ages ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Ages
              </Text>
              <ChartBox h={110}>
                <AudienceChart
                  title="Audience ages"
                  shares={audience.ages as Record<string, number>}
                  targets={props.persona?.ageBands.length ? new Set(props.persona.ageBands) : null}
                  label={(k) => k}
                />
              </ChartBox>
            </Stack>
          ) : null}
          {audience?.genders ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Genders
              </Text>
              <ChartBox h={110}>
                <AudienceChart
                  title="Audience genders"
                  shares={audience.genders as Record<string, number>}
                  targets={null}
                  label={(k) => k}
                />
              </ChartBox>
            </Stack>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          No audience data in the input.
        </Text>
      )}
    </SectionCard>
  );
}

export function ConflictsSection({ report }: { report: ReviewedReport }) {
  const f = report.sections.conflicts.figures;
  return (
    <SectionCard section="conflicts" flagCount={activeFlags(report, 'conflicts')}>
      <Stats
        items={[
          ['Sponsored posts', formatNumber(f.sponsoredPosts)],
          ['Brands', f.sponsoredBrands.length > 0 ? f.sponsoredBrands.join(', ') : '—'],
          ['Exclusivity window from', f.windowStart],
        ]}
      />
      {f.conflicts.length > 0 ? (
        <Table aria-label="Competitor posts" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Post</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th>Competitor</Table.Th>
              <Table.Th>In window</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {f.conflicts.map((c) => (
              <Table.Tr key={`${c.postId}-${c.brand}`}>
                <Table.Td>
                  <PostLink postId={c.postId} />
                </Table.Td>
                <Table.Td>{formatDate(c.postedAt)}</Table.Td>
                <Table.Td>{c.brand}</Table.Td>
                <Table.Td>{c.isInWindow ? 'yes' : 'no'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          No sponsored posts for the program’s competitors.
        </Text>
      )}
    </SectionCard>
  );
}

export function ConsistencySection({ report }: { report: ReviewedReport }) {
  const f = report.sections.consistency.figures;
  return (
    <SectionCard section="consistency" flagCount={activeFlags(report, 'consistency')}>
      <Stats
        items={[
          ['Posts (90 days)', formatNumber(f.postsInWindow)],
          ['Per week', f.postsPerWeek.toFixed(1)],
          ['Longest gap', f.longestGap ? `${f.longestGap.days} days` : '—'],
        ]}
      />
      <Text size="sm" c="dimmed">
        Window {f.windowStart} → {f.windowEnd}
        {f.longestGap ? `; longest gap ${f.longestGap.from} → ${f.longestGap.to}` : ''}.
      </Text>
    </SectionCard>
  );
}

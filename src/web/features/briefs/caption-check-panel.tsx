// "Check a caption": runs the compliance check against the brief being edited (with the program's
// competitors) and shows each rule, with the span it points at highlighted in the caption. The caption is
// rendered as text segments, never as HTML.
import { Badge, Button, Card, Group, Mark, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { compliancePlatforms } from '../../../core/compliance/input';
import { InlineError } from '../../components/form-error';
import { platformLabels } from '../../lib/labels';
import { messageOf } from '../../lib/problems';
import { ruleLabel } from '../content/labels';
import { type BriefContentInput, type ComplianceCheckResult, checkCaption } from './api';
import { segmentsOf } from './highlight';

function HighlightedCaption({ caption, span }: { caption: string; span?: { start: number; end: number } }) {
  return (
    <Text
      size="sm"
      p="xs"
      bg="var(--mantine-color-gray-0)"
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderRadius: 6 }}
      data-testid="highlighted-caption"
    >
      {segmentsOf(caption, span).map((s, i) =>
        s.isMarked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
          <Mark key={i} color="yellow">
            {s.text}
          </Mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
          <span key={i}>{s.text}</span>
        ),
      )}
    </Text>
  );
}

export function CaptionCheckPanel(props: { programId: string; brief: () => BriefContentInput | null }) {
  const [platform, setPlatform] = useState<string>('instagram');
  const [caption, setCaption] = useState('');
  const [checked, setChecked] = useState<{ caption: string; result: ComplianceCheckResult } | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setError(null);
    setBusy(true);
    try {
      const brief = props.brief();
      const result = await checkCaption({
        programId: props.programId,
        ...(brief ? { brief } : {}),
        platform,
        caption,
      });
      setChecked({ caption, result });
      const firstFailed = result.rules.findIndex((r) => !r.passed && r.span);
      setSelected(firstFailed >= 0 ? firstFailed : null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const selectedRule = selected === null ? undefined : checked?.result.rules[selected];
  return (
    <Card withBorder radius="lg" p="lg" component="section" aria-label="Check a caption">
      <Stack gap="sm">
        <Group gap="xs">
          <IconShieldCheck size={20} />
          <Title order={3} fz="h4">
            Check a caption
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          Paste a draft to see how this brief (as edited above, unsaved changes included) and the program’s
          competitor list judge it. Nothing is saved.
        </Text>
        <Select
          label="Platform"
          data={compliancePlatforms.map((p) => ({ value: p, label: platformLabels[p] }))}
          value={platform}
          onChange={(v) => setPlatform(v ?? 'instagram')}
          allowDeselect={false}
          w={220}
        />
        <Textarea
          label="Caption"
          autosize
          minRows={4}
          maxRows={12}
          value={caption}
          onChange={(e) => setCaption(e.currentTarget.value)}
          placeholder="Morning routine with the Glow Serum #ad @glowco"
        />
        <InlineError message={error} />
        <Group>
          <Button onClick={() => void run()} loading={busy} disabled={caption.trim() === ''}>
            Check caption
          </Button>
        </Group>
        {checked ? (
          <Stack gap="xs" aria-live="polite">
            <Group gap="xs">
              <Badge color={checked.result.passed ? 'teal' : 'red'} size="lg" radius="sm">
                {checked.result.passed ? 'Passes' : 'Fails a must rule'}
              </Badge>
            </Group>
            <HighlightedCaption caption={checked.caption} span={selectedRule?.span} />
            <Stack gap={4} role="list" aria-label="Rules">
              {checked.result.rules.map((rule, i) => (
                <Group
                  // biome-ignore lint/suspicious/noArrayIndexKey: a rule id may repeat; the list is replaced whole
                  key={`${rule.id}-${i}`}
                  role="listitem"
                  gap="xs"
                  wrap="nowrap"
                  align="flex-start"
                  p={6}
                  style={{
                    borderRadius: 6,
                    cursor: rule.span ? 'pointer' : undefined,
                    background: selected === i ? 'var(--mantine-color-yellow-0)' : undefined,
                  }}
                  onClick={() => setSelected(rule.span ? i : null)}
                >
                  {rule.passed ? (
                    <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" aria-label="passed" />
                  ) : (
                    <IconCircleX
                      size={18}
                      color={`var(--mantine-color-${rule.severity === 'must' ? 'red' : 'orange'}-6)`}
                      aria-label="failed"
                    />
                  )}
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Group gap={6}>
                      <Text size="xs" fw={600} c="dimmed">
                        {ruleLabel(rule.id)}
                      </Text>
                      <Badge size="xs" variant="light" color={rule.severity === 'must' ? 'red' : 'gray'}>
                        {rule.severity}
                      </Badge>
                    </Group>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {rule.message}
                    </Text>
                  </Stack>
                </Group>
              ))}
            </Stack>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

// The reviewer's score sheet: 1–5 for every criterion of the rubric, a comment, and a confirmation that
// submitted scores are final (they unlock the others' scores, so changing them later would break blindness).
import { Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { ConfirmModal } from '../../components/confirm-modal';
import { FormError } from '../../components/form-error';
import { fieldErrorsOf, messageOf } from '../../lib/problems';
import type { RubricCriterion } from './api';

const scale = [1, 2, 3, 4, 5] as const;
const scaleHints: Record<number, string> = { 1: 'poor', 2: 'weak', 3: 'fair', 4: 'good', 5: 'excellent' };

export function ScoreSheet(props: {
  applicantName: string;
  rubric: RubricCriterion[];
  onSubmit: (input: { scores: Record<string, number>; comment: string }) => Promise<unknown>;
}) {
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const check = () => {
    const missing: Record<string, string> = {};
    for (const c of props.rubric)
      if (scores[c.id] === undefined) missing[`scores.${c.id}`] = 'Pick a score from 1 to 5';
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      setFormError('Score every criterion before submitting.');
      return;
    }
    setFormError(null);
    setConfirming(true);
  };

  const submit = async () => {
    try {
      await props.onSubmit({ scores, comment: comment.trim() });
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFormError(messageOf(error));
      throw error;
    }
  };

  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} component="section" aria-label="Your scores">
      <Stack gap="lg">
        <Stack gap={2}>
          <Title order={3} fz="h4">
            Your scores
          </Title>
          <Text size="sm" c="dimmed">
            Score each criterion from 1 (poor) to 5 (excellent). You will see the rest of the committee’s
            scores once you submit yours.
          </Text>
        </Stack>
        <FormError message={formError} title="Your scores were not submitted" />
        {props.rubric.map((c) => (
          <Radio.Group
            key={c.id}
            label={`${c.label} (weight ${c.weight})`}
            description={c.description || undefined}
            value={scores[c.id] === undefined ? '' : String(scores[c.id])}
            onChange={(v) => {
              setScores((s) => ({ ...s, [c.id]: Number(v) }));
              setErrors(({ [`scores.${c.id}`]: _, ...rest }) => rest);
            }}
            error={errors[`scores.${c.id}`]}
            withAsterisk
          >
            <Group gap="lg" mt="xs">
              {scale.map((n) => (
                <Radio key={n} value={String(n)} label={String(n)} title={scaleHints[n]} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        <Textarea
          label="Comment"
          description="Why you scored this way; the committee sees it after submitting their own scores."
          autosize
          minRows={3}
          maxLength={4000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={errors.comment}
        />
        <Group justify="flex-end">
          <Button onClick={check}>Submit scores</Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title="Submit your scores?"
        message={`Your scores for ${props.applicantName} cannot be changed after you submit them. You will then see the rest of the committee’s scores and comments.`}
        confirmLabel="Submit scores"
        onConfirm={submit}
        onClose={() => setConfirming(false)}
      />
    </Paper>
  );
}

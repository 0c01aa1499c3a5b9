// One custom question of the public application form, as the input its type calls for.
import { NumberInput, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { useForm } from '@mantine/form';
import type { PublicApplicationPage } from './api';
import type { ApplyValues as Values } from './apply-values';

type Question = PublicApplicationPage['questions'][number];

/** One custom question, as the input its type calls for. */
export function QuestionField(props: {
  question: Question;
  inputProps: ReturnType<ReturnType<typeof useForm<Values>>['getInputProps']>;
  accent: string;
}) {
  const q = props.question;
  const common = {
    label: q.label,
    description: q.help || undefined,
    required: q.required,
    ...props.inputProps,
  };
  if (q.type === 'url') {
    return <TextInput type="url" inputMode="url" placeholder="https://" autoCapitalize="none" {...common} />;
  }
  if (q.type === 'number') return <NumberInput thousandSeparator="," {...common} />;
  if (q.type === 'choice' && q.options.length > 5) {
    return <Select data={q.options} placeholder="Choose one" {...common} />;
  }
  if (q.type === 'choice') {
    return (
      <Radio.Group {...common}>
        <Stack gap={6} mt={6}>
          {q.options.map((o) => (
            <Radio key={o} value={o} label={o} color={props.accent} />
          ))}
        </Stack>
      </Radio.Group>
    );
  }
  return <Textarea autosize minRows={2} maxRows={8} {...common} />;
}

// The one moment a secret (or API key) is visible: copy it now; the pages show only a few of its characters.
import { Alert, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { CopyField } from './copy-parts';

export function SecretOnce(props: {
  values: Array<{ label: string; value: string }>;
  where: string;
  /** How the pages show it afterwards (a key's list shows its first characters). */
  shownAs?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Shown where the page is: the button that made it may be far below (a phone's screen or more away).
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, []);
  return (
    <Alert
      ref={ref}
      color="orange"
      variant="light"
      icon={<IconLock size={18} />}
      title="Copy this now — you won’t see it again"
      role="status"
      aria-label="Secret shown once"
    >
      <Stack gap="sm">
        <Text size="sm">
          Troupe stores it but never shows it again; the pages only show{' '}
          {props.shownAs ?? 'its last four characters'}. {props.where} If you lose it, replace it with a new
          one.
        </Text>
        {props.values.map((v) => (
          <CopyField key={v.label} label={v.label} value={v.value} testId={`revealed-${v.label}`} />
        ))}
      </Stack>
    </Alert>
  );
}

// Values the user copies into another system: a one-line field and a code block, each with a copy button.
import { ActionIcon, Box, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

function CopyIcon({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : label}>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={label}>
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** A label and a monospaced value with a copy button, e.g. a webhook URL. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Box>
      <Text size="sm" fw={500} mb={4}>
        {label}
      </Text>
      <Group
        gap="xs"
        wrap="nowrap"
        px="sm"
        py={6}
        bg="var(--mantine-color-gray-0)"
        style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
      >
        <Text
          ff="monospace"
          size="sm"
          style={{ wordBreak: 'break-all', flex: 1 }}
          data-testid={testId}
          aria-label={label}
        >
          {value}
        </Text>
        <CopyIcon value={value} label={`Copy ${label.toLowerCase()}`} />
      </Group>
    </Box>
  );
}

/** A code block (snippet, curl call) with a copy button in its corner. */
export function CopyCode({ code, label, testId }: { code: string; label: string; testId?: string }) {
  return (
    <Box pos="relative">
      <Code
        block
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 13 }}
        data-testid={testId}
      >
        {code}
      </Code>
      <Box pos="absolute" top={6} right={6}>
        <CopyIcon value={code} label={label} />
      </Box>
    </Box>
  );
}

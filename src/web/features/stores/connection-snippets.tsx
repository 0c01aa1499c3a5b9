// What to copy into the platform once a connection exists: the webhook URL, the pixel snippet or the API's
// curl example. Shown on the connection's page and in the dialog right after adding it.
import { Stack, Text } from '@mantine/core';
import type { ConnectionDetail } from './api';
import { CopyCode, CopyField } from './copy-parts';
import { apiCurlExample, pixelSnippet } from './kinds';

export function ConnectionSnippets(props: {
  connection: Pick<ConnectionDetail, 'id' | 'kind' | 'webhookUrl' | 'baseUrl' | 'programCurrency'>;
  /** Prefixes the copy fields' test ids ("created-" in the dialog after adding). */
  testIdPrefix?: string;
}) {
  const { connection } = props;
  const prefix = props.testIdPrefix ?? '';
  if (connection.webhookUrl)
    return <CopyField label="Webhook URL" value={connection.webhookUrl} testId={`${prefix}webhook-url`} />;
  if (connection.kind === 'pixel')
    return (
      <Stack gap={6}>
        <Text size="sm">Paste this on your order-confirmation page, filling in the order’s values:</Text>
        <CopyCode
          code={pixelSnippet(connection.baseUrl, connection.id, connection.programCurrency)}
          label="Copy the pixel snippet"
          testId={`${prefix}pixel-snippet`}
        />
      </Stack>
    );
  if (connection.kind === 'api')
    return (
      <Stack gap={6}>
        <Text size="sm">
          Send each order (or {'{"orders": [...]}'} for several) with one of the connection’s API keys:
        </Text>
        <CopyCode
          code={apiCurlExample(connection.baseUrl, connection.programCurrency)}
          label="Copy the curl example"
        />
      </Stack>
    );
  return null;
}

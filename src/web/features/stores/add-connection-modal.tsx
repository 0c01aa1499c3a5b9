// "Add connection": pick what sends orders, read how to set it up on that platform, paste its secret;
// then the one screen that shows the secret, with the webhook URL to paste back into the platform.
import {
  Button,
  Divider,
  Group,
  Modal,
  PasswordInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { defaultConnectionName } from '../../../core/stores/kinds';
import { InlineError } from '../../components/form-error';
import { ButtonLink } from '../../components/links';
import { splitProblems } from '../../lib/problems';
import type { Program } from '../programs/api';
import {
  type ConnectionKind,
  type CreateConnectionInput,
  createConnection,
  type RevealedConnection,
} from './api';
import { ConnectionSnippets } from './connection-snippets';
import { kindDescriptions, kindLabels } from './kinds';
import { PlatformInstructions } from './platform-instructions';
import { SecretOnce } from './secret-once';

const kinds: ConnectionKind[] = ['shopify', 'woocommerce', 'stripe', 'pixel', 'api', 'csv'];
const topicsOf: Record<ConnectionKind, string[]> = {
  shopify: ['orders/create', 'orders/paid', 'refunds/create', 'orders/cancelled'],
  woocommerce: ['order.created', 'order.updated'],
  stripe: ['checkout.session.completed', 'charge.refunded'],
  pixel: [],
  api: [],
  csv: [],
};

export function AddConnectionModal(props: {
  opened: boolean;
  workspaceId: string;
  programs: Program[];
  /** Names of the workspace's connections: an empty name becomes the kind's, numbered past these. */
  takenNames: readonly string[];
  onClose: () => void;
  onCreated: () => Promise<unknown>;
}) {
  const [created, setCreated] = useState<RevealedConnection | null>(null);
  const close = () => {
    setCreated(null);
    props.onClose();
  };
  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={created ? `${created.connection.name} is connected` : 'Add connection'}
      size="xl"
      closeOnClickOutside={!created}
    >
      {!props.opened ? null : created ? (
        <Created workspaceId={props.workspaceId} created={created} onClose={close} />
      ) : (
        <ConnectionForm
          {...props}
          onCreated={async (result) => {
            setCreated(result);
            await props.onCreated();
          }}
        />
      )}
    </Modal>
  );
}

function ConnectionForm(props: {
  workspaceId: string;
  programs: Program[];
  takenNames: readonly string[];
  onClose: () => void;
  onCreated: (result: RevealedConnection) => Promise<void>;
}) {
  const [values, setValues] = useState<Required<CreateConnectionInput>>({
    programId: props.programs[0]?.id ?? '',
    kind: 'shopify',
    name: '',
    secret: '',
    shopDomain: '',
    adminToken: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<CreateConnectionInput>) => setValues((v) => ({ ...v, ...patch }));
  const { kind } = values;

  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setErrors({});
        setMessage(null);
        const input: CreateConnectionInput = {
          programId: values.programId,
          kind,
          name: values.name.trim() || defaultConnectionName(kind, props.takenNames),
          ...(values.secret ? { secret: values.secret } : {}),
          ...(kind === 'shopify' && values.shopDomain ? { shopDomain: values.shopDomain } : {}),
          ...(kind === 'shopify' && values.adminToken ? { adminToken: values.adminToken } : {}),
        };
        try {
          await props.onCreated(await createConnection(props.workspaceId, input));
        } catch (e) {
          const split = splitProblems(e, values);
          setErrors(split.fieldErrors);
          setMessage(split.message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Stack>
        <Radio.Group
          label="Where do orders come from?"
          value={kind}
          onChange={(v) => {
            set({ kind: v as ConnectionKind, secret: '' });
            setErrors({});
          }}
          error={errors.kind}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing="xs">
            {kinds.map((k) => (
              <Radio.Card key={k} value={k} p="sm" radius="md" aria-label={kindLabels[k]}>
                <Group wrap="nowrap" align="flex-start" gap="xs">
                  <Radio.Indicator />
                  <div>
                    <Text size="sm" fw={600}>
                      {kindLabels[k]}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {kindDescriptions[k]}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>

        <Stack gap={6}>
          <Title order={4} size="h5">
            Set up {kindLabels[kind]}
          </Title>
          <PlatformInstructions kind={kind} webhookUrl={null} topics={topicsOf[kind]} />
        </Stack>
        <Divider />

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Program"
            description="Orders are attributed under this program’s rules"
            data={props.programs.map((p) => ({ value: p.id, label: p.name }))}
            value={values.programId || null}
            onChange={(v) => set({ programId: v ?? '' })}
            error={errors.programId}
            allowDeselect={false}
            withAsterisk
          />
          <TextInput
            label="Name"
            description="How this connection is listed. Leave it empty to use the name shown."
            placeholder={defaultConnectionName(kind, props.takenNames)}
            value={values.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={errors.name}
          />
        </SimpleGrid>

        {kind === 'shopify' ? (
          <>
            <PasswordInput
              label="API secret key"
              description="Signs every webhook; Troupe refuses deliveries it cannot verify"
              value={values.secret}
              onChange={(e) => set({ secret: e.currentTarget.value })}
              error={errors.secret}
              withAsterisk
              autoComplete="off"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Shop domain (optional)"
                placeholder="glow-skincare.myshopify.com"
                value={values.shopDomain}
                onChange={(e) => set({ shopDomain: e.currentTarget.value })}
                error={errors.shopDomain}
              />
              <PasswordInput
                label="Admin API access token (optional)"
                description="To create discount codes in Shopify"
                placeholder="shpat_…"
                value={values.adminToken}
                onChange={(e) => set({ adminToken: e.currentTarget.value })}
                error={errors.adminToken}
                autoComplete="off"
              />
            </SimpleGrid>
          </>
        ) : null}
        {kind === 'woocommerce' ? (
          <PasswordInput
            label="Webhook secret (optional)"
            description="Leave empty and Troupe generates a strong one for you to paste into WooCommerce"
            value={values.secret}
            onChange={(e) => set({ secret: e.currentTarget.value })}
            error={errors.secret}
            autoComplete="off"
          />
        ) : null}
        {kind === 'stripe' ? (
          <PasswordInput
            label="Signing secret"
            placeholder="whsec_…"
            value={values.secret}
            onChange={(e) => set({ secret: e.currentTarget.value })}
            error={errors.secret}
            withAsterisk
            autoComplete="off"
          />
        ) : null}

        <InlineError message={message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Add {kindLabels[kind]}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Created({
  workspaceId,
  created,
  onClose,
}: {
  workspaceId: string;
  created: RevealedConnection;
  onClose: () => void;
}) {
  const { connection, secret, adminToken } = created;
  const revealed = [
    ...(secret
      ? [{ label: connection.kind === 'stripe' ? 'Signing secret' : 'Webhook secret', value: secret }]
      : []),
    ...(adminToken ? [{ label: 'Admin API access token', value: adminToken }] : []),
  ];
  const where =
    connection.kind === 'woocommerce'
      ? 'Paste it into the Secret field of both WooCommerce webhooks.'
      : 'It is the one you pasted from the platform; keep it in your password manager if you need it again.';
  return (
    <Stack>
      {revealed.length > 0 ? <SecretOnce values={revealed} where={where} /> : null}
      <ConnectionSnippets connection={connection} testIdPrefix="created-" />
      <PlatformInstructions
        kind={connection.kind}
        webhookUrl={connection.webhookUrl}
        topics={connection.topics}
        added
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
        <ButtonLink
          to="/w/$workspaceId/stores/$connectionId"
          params={{ workspaceId, connectionId: connection.id }}
          onClick={onClose}
        >
          Open connection
        </ButtonLink>
      </Group>
    </Stack>
  );
}

// Rename a connection or replace what the platform gave you (secret, Shopify domain and token). New values
// are sent once and never shown back.
import { Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { InlineError } from '../../components/form-error';
import { splitProblems } from '../../lib/problems';
import type { ConnectionDetail } from './api';

interface Values {
  name: string;
  secret: string;
  shopDomain: string;
  adminToken: string;
}

export function EditConnectionModal(props: {
  opened: boolean;
  connection: ConnectionDetail;
  onClose: () => void;
  onSave: (input: Partial<Values>) => Promise<unknown>;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Edit ${props.connection.name}`}>
      {props.opened ? <EditForm {...props} /> : null}
    </Modal>
  );
}

function EditForm(props: {
  connection: ConnectionDetail;
  onClose: () => void;
  onSave: (input: Partial<Values>) => Promise<unknown>;
}) {
  const { connection } = props;
  const [values, setValues] = useState<Values>({
    name: connection.name,
    secret: '',
    shopDomain: connection.shopDomain ?? '',
    adminToken: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const takesSecret =
    connection.kind === 'shopify' || connection.kind === 'stripe' || connection.kind === 'woocommerce';
  const hint = connection.secretHint ? `Now ending in ${connection.secretHint}. ` : '';
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setErrors({});
        setMessage(null);
        const input: Partial<Values> = { name: values.name };
        if (values.secret) input.secret = values.secret;
        if (connection.kind === 'shopify') {
          if (values.shopDomain !== (connection.shopDomain ?? '')) input.shopDomain = values.shopDomain;
          if (values.adminToken) input.adminToken = values.adminToken;
        }
        try {
          await props.onSave(input);
          props.onClose();
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
        <TextInput
          label="Name"
          value={values.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={errors.name}
          required
          data-autofocus
        />
        {takesSecret ? (
          <PasswordInput
            label="Replace the secret"
            description={`${hint}Leave empty to keep it. Paste the new one after you change it on the platform.`}
            placeholder={connection.kind === 'stripe' ? 'whsec_…' : undefined}
            value={values.secret}
            onChange={(e) => set({ secret: e.currentTarget.value })}
            error={errors.secret}
            autoComplete="off"
          />
        ) : null}
        {connection.kind === 'shopify' ? (
          <>
            <TextInput
              label="Shop domain"
              placeholder="glow-skincare.myshopify.com"
              value={values.shopDomain}
              onChange={(e) => set({ shopDomain: e.currentTarget.value })}
              error={errors.shopDomain}
            />
            <PasswordInput
              label="Replace the Admin API access token"
              description={
                connection.adminTokenHint
                  ? `Now ending in ${connection.adminTokenHint}. Leave empty to keep it.`
                  : 'None set.'
              }
              placeholder="shpat_…"
              value={values.adminToken}
              onChange={(e) => set({ adminToken: e.currentTarget.value })}
              error={errors.adminToken}
              autoComplete="off"
            />
          </>
        ) : null}
        <InlineError message={message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// Creates a tracked link for one ambassador: where it sends people (an allowed domain of the program),
// an optional campaign label (its utm_campaign) and an optional expiry date.
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { campaignSuggestion } from '../../../core/text/slug';
import { InlineError } from '../../components/form-error';
import { AnchorLink } from '../../components/links';
import { notifySuccess } from '../../lib/notify';
import { splitProblems } from '../../lib/problems';
import { useWorkspace } from '../workspaces/workspace-context';
import { createLink, programLinksQuery, trackingQuery } from './api';

export interface AmbassadorOption {
  value: string;
  label: string;
}

export function CreateLinkModal(props: {
  opened: boolean;
  programId: string;
  ambassadors: AmbassadorOption[];
  /** Preselected (and fixed when there is only this one). */
  ambassadorId?: string | undefined;
  onClose: () => void;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="New tracked link">
      {props.opened ? <CreateLinkForm {...props} /> : null}
    </Modal>
  );
}

function CreateLinkForm(props: {
  programId: string;
  ambassadors: AmbassadorOption[];
  ambassadorId?: string | undefined;
  onClose: () => void;
}) {
  const { workspaceId } = useWorkspace();
  const queryClient = useQueryClient();
  const tracking = useQuery(trackingQuery(workspaceId, props.programId));
  const links = useQuery(programLinksQuery(workspaceId, props.programId));
  const campaigns = [...new Set((links.data ?? []).flatMap((l) => (l.campaign ? [l.campaign] : [])))];
  const domains = tracking.data?.allowedDomains ?? [];
  const [values, setValues] = useState({
    ambassadorId: props.ambassadorId ?? '',
    destination: domains[0] ? `https://${domains[0]}/` : '',
    campaign: '',
    expiresOn: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The settings may arrive after the form opened: start from the shop's address once they do.
  const firstDomain = domains[0];
  useEffect(() => {
    if (firstDomain)
      setValues((v) => (v.destination === '' ? { ...v, destination: `https://${firstDomain}/` } : v));
  }, [firstDomain]);
  const set = (key: keyof typeof values, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };
  const tidyCampaign = campaignSuggestion(values.campaign, campaigns);
  const sameAsOthers = tidyCampaign !== null && campaigns.includes(tidyCampaign);

  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setErrors({});
        setMessage(null);
        const input = {
          ambassadorId: values.ambassadorId,
          destination: values.destination,
          campaign: values.campaign.trim() || null,
          // The end of the chosen day, in the viewer's time zone.
          expiresAt: values.expiresOn ? new Date(`${values.expiresOn}T23:59:59`).toISOString() : null,
        };
        try {
          const link = await createLink(workspaceId, props.programId, input);
          notifySuccess(`${link.url} is ready to share.`, 'Link created');
          await queryClient.invalidateQueries({ queryKey: ['links', workspaceId] });
          props.onClose();
        } catch (e) {
          // Matched against the form's own fields: the API's expiresAt is the form's expiresOn.
          const split = splitProblems(e, values, { expiresAt: 'expiresOn' });
          setErrors(split.fieldErrors);
          setMessage(split.message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Stack>
        {tracking.data && domains.length === 0 ? (
          <Alert color="yellow" title="No allowed domains yet">
            <Text size="sm">
              Links may only send people to your own sites. Add your shop’s domain in the{' '}
              <AnchorLink
                to="/w/$workspaceId/programs/$programId/tracking"
                params={{ workspaceId, programId: props.programId }}
              >
                tracking settings
              </AnchorLink>{' '}
              first.
            </Text>
          </Alert>
        ) : null}
        <Select
          label="Ambassador"
          placeholder="Pick an ambassador"
          data={props.ambassadors}
          value={values.ambassadorId || null}
          onChange={(v) => set('ambassadorId', v ?? '')}
          searchable
          required
          disabled={props.ambassadorId !== undefined && props.ambassadors.length <= 1}
          description={
            props.ambassadors.length === 0
              ? 'Nobody to pick yet: links are for accepted, onboarding, active and paused ambassadors. Move creators along the pipeline first.'
              : undefined
          }
          nothingFoundMessage="No ambassador by that name"
          error={errors.ambassadorId}
        />
        <TextInput
          label="Destination"
          description={domains.length > 0 ? `A page on ${domains.join(', ')} (or a subdomain).` : undefined}
          placeholder={`https://${firstDomain ?? 'shop.example.com'}/products/serum`}
          value={values.destination}
          onChange={(e) => set('destination', e.currentTarget.value)}
          required
          error={errors.destination}
        />
        <TextInput
          label="Campaign label"
          description="Optional. Becomes utm_campaign for this link, e.g. spring-launch."
          value={values.campaign}
          maxLength={100}
          onChange={(e) => set('campaign', e.currentTarget.value)}
          error={errors.campaign}
        />
        {tidyCampaign ? (
          <Group gap={6} mt={-8} wrap="nowrap" align="baseline">
            <Text size="xs" c="dimmed">
              {sameAsOthers
                ? `Your other links spell it “${tidyCampaign}”; analytics tools match campaign names exactly.`
                : `Analytics tools match campaign names exactly: keep one spelling, such as “${tidyCampaign}”.`}
            </Text>
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => set('campaign', tidyCampaign)}
              style={{ flexShrink: 0 }}
            >
              Use {tidyCampaign}
            </Button>
          </Group>
        ) : null}
        <TextInput
          type="date"
          label="Expires on"
          description="Optional. After this day the link shows a “no longer active” page."
          value={values.expiresOn}
          onChange={(e) => set('expiresOn', e.currentTarget.value)}
          error={errors.expiresOn}
        />
        <InlineError message={message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Create link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

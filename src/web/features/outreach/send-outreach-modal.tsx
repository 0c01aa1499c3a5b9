// Sending a template to several people (R4): choose a template, write the personal line about each
// person's recent post ({{recentPost}}; prefilled from their latest vetting report), preview every
// message, then send. The server refuses the whole send while any placeholder is unfilled; that refusal
// is shown here recipient by recipient, with the matching inputs marked.
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  List,
  Modal,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconEye, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fieldsIn } from '../../../core/outreach/merge';
import { AnchorLink } from '../../components/links';
import { ApiError } from '../../lib/api';
import { messageOf } from '../../lib/problems';
import { useWorkspace } from '../workspaces/workspace-context';
import { type PreviewItem, previewOutreach, type RecipientInput, templatesQuery } from './api';

export interface Recipient {
  creatorId: string;
  name: string;
  handle: string | null;
}

export function SendOutreachModal(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  recipients: Recipient[];
  programId?: string | null | undefined;
  submitLabel: string;
  /** Sends; throws the server's refusal (an ApiError) when something is missing. */
  onSend: (input: { templateId: string; recipients: RecipientInput[] }) => Promise<void>;
}) {
  const { workspaceId } = useWorkspace();
  const templates = useQuery({ ...templatesQuery(workspaceId), enabled: props.opened });
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [recentPosts, setRecentPosts] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<PreviewItem[] | null>(null);
  const [problems, setProblems] = useState<{ message: string; lines: string[]; fields: string[] } | null>(
    null,
  );
  const [busy, setBusy] = useState<'preview' | 'send' | null>(null);

  const template = templates.data?.find((t) => t.id === templateId) ?? null;
  const usesRecentPost = template
    ? fieldsIn(`${template.subject}\n${template.body}`).includes('recentPost')
    : false;
  const recipientKey = props.recipients.map((r) => r.creatorId).join(',');

  // Prefill each personal line from the person's latest vetting report, when there is one.
  useEffect(() => {
    if (!props.opened || !templateId || recipientKey === '') return;
    let cancelled = false;
    previewOutreach(workspaceId, {
      templateId,
      programId: props.programId ?? null,
      recipients: recipientKey.split(',').map((creatorId) => ({ creatorId })),
    })
      .then((items) => {
        if (cancelled) return;
        setRecentPosts((current) => {
          const next = { ...current };
          for (const item of items)
            if (item.recentPostSuggestion && !next[item.creatorId])
              next[item.creatorId] = item.recentPostSuggestion;
          return next;
        });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [props.opened, templateId, recipientKey, workspaceId, props.programId]);

  const close = () => {
    if (busy) return;
    setTemplateId(null);
    setRecentPosts({});
    setPreview(null);
    setProblems(null);
    props.onClose();
  };

  const recipientsInput = (): RecipientInput[] =>
    props.recipients.map((r) => ({ creatorId: r.creatorId, recentPost: recentPosts[r.creatorId] ?? '' }));

  const runPreview = async () => {
    if (!templateId) return;
    setBusy('preview');
    setProblems(null);
    try {
      setPreview(
        await previewOutreach(workspaceId, {
          templateId,
          programId: props.programId ?? null,
          recipients: recipientsInput(),
        }),
      );
    } catch (e) {
      setProblems({ message: messageOf(e), lines: [], fields: [] });
    } finally {
      setBusy(null);
    }
  };

  const send = async () => {
    if (!templateId) return;
    setBusy('send');
    setProblems(null);
    try {
      await props.onSend({ templateId, recipients: recipientsInput() });
      setBusy(null);
      close();
    } catch (e) {
      setBusy(null);
      const found = e instanceof ApiError ? e.problems : [];
      setProblems({
        message: e instanceof ApiError && e.status === 422 ? 'Nothing was sent' : messageOf(e),
        lines: found.map((p) => p.message),
        fields: found.map((p) => p.field),
      });
    }
  };

  /** Marks a person's input when the refusal names their personal line (`recipients.<i>.recentPost`). */
  const errorFor = (index: number) =>
    problems?.fields.includes(`recipients.${index}.recentPost`)
      ? 'Write a line about one of their recent posts'
      : undefined;

  return (
    <Modal opened={props.opened} onClose={close} title={props.title} size="xl" closeOnClickOutside={!busy}>
      <Stack>
        {templates.data && templates.data.length === 0 ? (
          <Alert color="blue" title="No outreach templates yet">
            Write one on the{' '}
            <AnchorLink to="/w/$workspaceId/outreach" params={{ workspaceId }}>
              Outreach page
            </AnchorLink>
            , then come back to send it.
          </Alert>
        ) : (
          <Select
            label="Template"
            placeholder="Choose an outreach template"
            data={(templates.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={templateId}
            onChange={(value) => {
              setTemplateId(value);
              setPreview(null);
              setProblems(null);
            }}
            disabled={busy !== null}
          />
        )}

        {template && usesRecentPost ? (
          <Stack gap="xs">
            <Text fw={600} size="sm">
              Personalise: a line about each person’s recent post
            </Text>
            <Text size="xs" c="dimmed">
              Fills {'{{recentPost}}'}. Sending is refused until every person has one.
            </Text>
            {props.recipients.map((r, i) => (
              <TextInput
                key={r.creatorId}
                label={`${r.name}${r.handle ? ` (@${r.handle})` : ''}`}
                placeholder="e.g. your morning routine reel with the vitamin C serum"
                value={recentPosts[r.creatorId] ?? ''}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setRecentPosts((current) => ({ ...current, [r.creatorId]: value }));
                  setPreview(null); // a preview of the old text would mislead
                }}
                error={errorFor(i)}
                disabled={busy !== null}
              />
            ))}
          </Stack>
        ) : null}

        {problems ? (
          <Alert color="red" title={problems.message} role="alert">
            {problems.lines.length > 0 ? (
              <List size="sm" spacing={2}>
                {problems.lines.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            ) : null}
          </Alert>
        ) : null}

        {preview ? (
          <ScrollArea.Autosize mah={360} type="auto">
            <Stack gap="sm" aria-label="Preview">
              {preview.map((item) => (
                <Paper key={item.creatorId} withBorder p="sm" radius="md">
                  <Group justify="space-between" mb={4}>
                    <Text size="sm" fw={600}>
                      To {item.name} · {item.to ?? 'no email address'}
                    </Text>
                    {item.unfilled.length > 0 ? (
                      <Badge color="red" variant="light">
                        Unfilled: {item.unfilled.map((f) => `{{${f}}}`).join(', ')}
                      </Badge>
                    ) : (
                      <Badge color="teal" variant="light">
                        Ready
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" fw={500}>
                    {item.subject}
                  </Text>
                  <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 13 }}>
                    {item.body}
                  </Code>
                </Paper>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        ) : null}

        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {props.recipients.length} {props.recipients.length === 1 ? 'recipient' : 'recipients'} · messages
            go through the outbox
          </Text>
          <Group>
            <Button variant="default" onClick={close} disabled={busy !== null}>
              Cancel
            </Button>
            <Button
              variant="light"
              leftSection={<IconEye size={16} />}
              onClick={() => void runPreview()}
              disabled={!templateId || busy !== null}
              loading={busy === 'preview'}
            >
              Preview
            </Button>
            <Button
              leftSection={<IconSend size={16} />}
              onClick={() => void send()}
              disabled={!templateId || busy !== null}
              loading={busy === 'send'}
            >
              {props.submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

// The program's "Codes" button with the count of open leaked-code alerts (T6).
import { Badge } from '@mantine/core';
import { IconTicket } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { ButtonLink } from '../../components/links';
import { alertsQuery } from './api';

export function CodesNavButton(props: { workspaceId: string; programId: string }) {
  const { data } = useQuery(alertsQuery(props.workspaceId, props.programId));
  const open = data?.items.length ?? 0;
  return (
    <ButtonLink
      to="/w/$workspaceId/programs/$programId/codes"
      params={{ workspaceId: props.workspaceId, programId: props.programId }}
      variant="default"
      leftSection={<IconTicket size={16} />}
      rightSection={
        open > 0 ? (
          <Badge color="red" size="sm" circle aria-label={`${open} leak alerts`}>
            {open}
          </Badge>
        ) : undefined
      }
    >
      Codes
    </ButtonLink>
  );
}

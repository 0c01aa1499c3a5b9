// A list's empty state on a card: an icon, what is missing and why, and (for those who may) what to do.
import { Card, EmptyState, type EmptyStateProps } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyCard({
  actions,
  ...props
}: Omit<EmptyStateProps, 'children'> & { actions?: ReactNode }) {
  return (
    <Card withBorder radius="lg" py={48}>
      <EmptyState {...props}>
        {actions ? <EmptyState.Actions>{actions}</EmptyState.Actions> : null}
      </EmptyState>
    </Card>
  );
}

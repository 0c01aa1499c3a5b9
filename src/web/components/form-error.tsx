// A form's error message. It carries role="alert", so screen readers announce it and revealFirstError
// (lib/problems) can scroll it into view.
import { Alert, Text } from '@mantine/core';

/** The error of a page-sized form, as an alert box; nothing when there is none. */
export function FormError({ message, title }: { message: string | null; title?: string }) {
  if (!message) return null;
  return (
    <Alert color="red" title={title} role="alert">
      {message}
    </Alert>
  );
}

/** The error of a small form in a dialog, as a line of red text; nothing when there is none. */
export function InlineError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Text c="red" size="sm" role="alert">
      {message}
    </Text>
  );
}

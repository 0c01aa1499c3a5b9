// Success and error toasts (Mantine notifications) with consistent wording and colours.
import { notifications } from '@mantine/notifications';
import { messageOf } from './problems';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 4000 });
}

export function notifyWarning(message: string, title?: string): void {
  notifications.show({ color: 'orange', title, message, autoClose: 8000 });
}

export function notifyError(error: unknown, title = 'That did not work'): void {
  notifications.show({ color: 'red', title, message: messageOf(error), autoClose: 8000 });
}

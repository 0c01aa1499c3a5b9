// What both kinds of `troupe serve` share: a port check before anything is opened, and waiting for the
// signal to stop. Kept apart from tasks/serve-troupe.ts so the redirector alone never loads the app.
import { createServer as createNetServer } from 'node:net';
import { CommandError } from './errors';

/** Fails early, with a sentence rather than a crash, when the port is already taken. */
export function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new CommandError(
              `Port ${port} is already in use. Stop the other server or pick another port with --port.`,
            )
          : error,
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Resolves when SIGTERM or SIGINT arrives, or the caller's signal aborts; says which. */
export function untilStopped(signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve) => {
    const stop = (reason: string) => {
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
      signal?.removeEventListener('abort', onAbort);
      resolve(reason);
    };
    const onTerm = () => stop('SIGTERM');
    const onInt = () => stop('SIGINT');
    const onAbort = () => stop('abort');
    process.once('SIGTERM', onTerm);
    process.once('SIGINT', onInt);
    if (signal?.aborted) stop('abort');
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

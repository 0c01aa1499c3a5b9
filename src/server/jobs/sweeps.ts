// Periodic background work inside the server process (leaked-code scans, cadence reminders): each sweep
// runs on its own interval, never overlaps itself, logs and survives its own errors, and stops with the
// server. Sweeps must be idempotent: a restart may run one again at once.
import type { Services } from '../http/context';
import { leakScanSweep } from '../modules/codes/codes.jobs';
import { cadenceReminderSweep } from '../modules/library/library.jobs';

export interface Sweep {
  name: string;
  intervalMs: number;
  run(services: Services): Promise<void>;
}

/** Every sweep the server runs; features add theirs here. */
export const sweeps: Sweep[] = [leakScanSweep, cadenceReminderSweep];

/** Starts every sweep; the returned function stops them and waits for any run in progress. */
export function startSweeps(services: Services, list: readonly Sweep[] = sweeps): () => Promise<void> {
  const running = new Set<Promise<void>>();
  const timers = list.map((sweep) => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      const run = sweep
        .run(services)
        .catch((error: unknown) => services.logger.error({ err: error, sweep: sweep.name }, 'sweep failed'))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    }, sweep.intervalMs);
    timer.unref();
    return timer;
  });
  return async () => {
    for (const timer of timers) clearInterval(timer);
    await Promise.all(running);
  };
}

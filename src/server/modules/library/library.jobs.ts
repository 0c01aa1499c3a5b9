// The library's periodic work: cadence reminders near the end of each month (B6).
import type { Sweep } from '../../jobs/sweeps';
import { baseUrlOf } from '../../lib/env';
import { runCadenceReminders } from './cadence.service';

/** Hourly; sends nothing until the last days of the month, and each reminder only once (idempotent). */
export const cadenceReminderSweep: Sweep = {
  name: 'cadence-reminders',
  intervalMs: 60 * 60_000,
  async run(services) {
    const sent = await runCadenceReminders(
      services.database.db,
      services.mailer,
      `${baseUrlOf(services.env)}/portal`,
    );
    if (sent > 0) services.logger.info({ sent }, 'cadence reminders sent');
  },
};

// The leaked-code scan (T6) as a sweep: every ten minutes, every program with orders in the last 30 days.
import type { Sweep } from '../../jobs/sweeps';
import { scanAllPrograms } from './code-leaks.service';

export const leakScanSweep: Sweep = {
  name: 'code-leak-scan',
  intervalMs: 10 * 60_000,
  async run(services) {
    const result = await scanAllPrograms(services.database.db);
    if (result.raised > 0) services.logger.info({ ...result }, 'leaked-code alerts raised');
  },
};

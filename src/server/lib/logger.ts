// JSON logs through pino; every request log line carries its request id (see http/app.ts).
import { pino } from 'pino';

export type Logger = pino.Logger;

/** Creates the process logger at the given level. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'troupe' } });
}

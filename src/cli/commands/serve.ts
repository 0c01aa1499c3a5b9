// `troupe serve`: starts Troupe; the work is in tasks/serve-troupe.ts, loaded only when it runs.
import { type Command, isFlagSet, rejectExtraArguments, stringOption } from '../command';
import { UsageError } from '../errors';

function parsePort(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || port > 65535) {
    throw new UsageError('serve', `--port must be a whole number from 0 to 65535, not "${raw}"`);
  }
  return port;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start Troupe (API, web app, ambassador portal); --dev adds the Vite dev server',
  synopsis: 'serve [--port N] [--dev]',
  help: `Usage: troupe serve [--port N] [--dev]

Starts the Troupe server: the API, the web app (when built with \`npm run build:web\`) and the ambassador
portal. Migrations run first. On a fresh embedded database the demo workspace is created, and its
sign-in is printed. SIGTERM or Ctrl-C stops the server cleanly.

Options:
  --port <N>   Port to listen on (default: PORT, else 3000; 0 picks a free one)
  --dev        Also start the Vite dev server for the web app, with hot reload (port 5173; it proxies
               /api to port 3000)
  -h, --help   Show this help

Environment: DATABASE_URL (PostgreSQL; default: embedded in TROUPE_DATA_DIR, ./data), HOST, PUBLIC_URL,
AUTH_SECRET, SMTP_URL, MAIL_FROM, LOG_LEVEL, TRUST_PROXY.
`,
  options: { port: { type: 'string', short: 'p' }, dev: { type: 'boolean' } },
  async run(args, ctx) {
    rejectExtraArguments('serve', args);
    const request = { port: parsePort(stringOption(args, 'port')), isDev: isFlagSet(args, 'dev') };
    const { serveTroupe } = await import('../tasks/serve-troupe');
    return serveTroupe(request, ctx);
  },
};

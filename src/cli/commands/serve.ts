// `troupe serve`: starts Troupe; the work is in tasks/serve-troupe.ts (or, with --only redirector,
// tasks/serve-redirector.ts), loaded only when it runs.
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

/** The part of Troupe to serve alone: today only the redirector. */
function parseOnly(raw: string | undefined): 'redirector' | undefined {
  if (raw === undefined || raw === 'redirector') return raw;
  throw new UsageError('serve', `--only accepts "redirector", not "${raw}"`);
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start Troupe (API, web app, ambassador portal); --dev adds the Vite dev server',
  synopsis: 'serve [--port N] [--dev | --only redirector]',
  help: `Usage: troupe serve [--port N] [--dev | --only redirector]

Starts the Troupe server: the API, the web app (when built with \`npm run build:web\`) and the ambassador
portal. Migrations run first. On a fresh embedded database the demo workspace is created, and its
sign-in is printed. SIGTERM or Ctrl-C stops the server cleanly.

Options:
  --port <N>         Port to listen on (default: PORT, else 3000; 0 picks a free one)
  --dev              Also start the Vite dev server for the web app, with hot reload (port 5173; it proxies
                     /api to port 3000)
  --only redirector  Serve only the tracked links (/l/<slug>), in a process of its own, for high-volume
                     installs. Needs PostgreSQL (DATABASE_URL) migrated by \`troupe serve\` and the same
                     AUTH_SECRET. In your reverse proxy, send the host's /l/ to it, the rest to the app.
  -h, --help         Show this help

Environment: DATABASE_URL (PostgreSQL; default: embedded in TROUPE_DATA_DIR, ./data), HOST, PUBLIC_URL,
AUTH_SECRET, SMTP_URL, MAIL_FROM, LOG_LEVEL, TRUST_PROXY.
`,
  options: { port: { type: 'string', short: 'p' }, dev: { type: 'boolean' }, only: { type: 'string' } },
  async run(args, ctx) {
    rejectExtraArguments('serve', args);
    const port = parsePort(stringOption(args, 'port'));
    const isDev = isFlagSet(args, 'dev');
    if (parseOnly(stringOption(args, 'only')) === 'redirector') {
      if (isDev) throw new UsageError('serve', '--dev cannot be combined with --only redirector');
      const { serveRedirector } = await import('../tasks/serve-redirector');
      return serveRedirector({ port }, ctx);
    }
    const { serveTroupe } = await import('../tasks/serve-troupe');
    return serveTroupe({ port, isDev }, ctx);
  },
};

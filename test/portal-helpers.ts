// Ambassador sign-in for tests, the way a person does it: ask for a link, open it from the outbox.
import { and, desc, eq } from 'drizzle-orm';
import { outboxMessage } from '../src/server/modules/outbox/outbox.schema';
import { TestClient, type TestContext } from './harness';

/** The newest portal sign-in link mailed to `email` and recorded in `workspaceId`'s outbox. */
export async function latestPortalLink(
  ctx: TestContext,
  email: string,
  workspaceId?: string,
): Promise<string> {
  const [message] = await ctx.services.database.db
    .select()
    .from(outboxMessage)
    .where(
      and(
        eq(outboxMessage.to, email),
        eq(outboxMessage.kind, 'portal.sign_in_link'),
        workspaceId ? eq(outboxMessage.workspaceId, workspaceId) : undefined,
      ),
    )
    .orderBy(desc(outboxMessage.createdAt))
    .limit(1);
  const url = /https?:\/\/\S+/.exec(message?.text ?? '')?.[0];
  if (!url) throw new Error(`no portal link in the outbox for ${email}`);
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
}

/** Opens a portal link in a new client; returns the client (now holding the portal cookie) and the redirect. */
export async function openPortalLink(ctx: TestContext, link: string) {
  const client = new TestClient(ctx.app);
  const opened = await client.get(link);
  return { client, status: opened.status, location: opened.headers.get('location') };
}

/** Requests a link for `email` on the sign-in form, then opens it. */
export async function signInAmbassador(ctx: TestContext, email: string) {
  const asked = await new TestClient(ctx.app).post('/api/v1/portal/magic-link', { email });
  if (asked.status !== 202) throw new Error(`portal link request failed: ${asked.status}`);
  const opened = await openPortalLink(ctx, await latestPortalLink(ctx, email));
  if (opened.location !== '/portal')
    throw new Error(`portal link did not sign in: ${opened.status} ${opened.location}`);
  return opened;
}

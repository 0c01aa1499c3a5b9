// Sends mail: always records it in the outbox first, then delivers over SMTP when SMTP_URL is set.
import { and, desc, eq, inArray } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { hasRoleAtLeast, type Role, roles } from '../../../core/access/roles';
import type { Db } from '../../db/client';
import { newId } from '../../lib/ids';
import type { Logger } from '../../lib/logger';
import type { WorkspaceScope } from '../../lib/scope';
import type { OutboxMessage } from './outbox.contract';
import { outboxMessage } from './outbox.schema';

export interface MailInput {
  /** Workspaces whose owners may read this message in their outbox; empty for none. */
  workspaceIds: string[];
  to: string;
  subject: string;
  text: string;
  kind: string;
  /** The least role that may read it in the outbox (default admin, the outbox's own floor). */
  readableBy?: Role;
}

export interface Mailer {
  send(db: Db, mail: MailInput): Promise<void>;
  close(): void;
}

/** Creates the mailer; with no SMTP URL, messages are only recorded (status "recorded"). */
export function createMailer(options: { smtpUrl?: string; from: string; logger: Logger }): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    async send(db, mail) {
      const scopes = mail.workspaceIds.length > 0 ? mail.workspaceIds : [null];
      const rows = scopes.map((workspaceId) => ({
        id: newId('outboxMessage'),
        workspaceId,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        kind: mail.kind,
        readableBy: mail.readableBy ?? 'admin',
      }));
      await db.insert(outboxMessage).values(rows);
      if (!transport) return;
      const ids = rows.map((r) => r.id);
      try {
        await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
        for (const id of ids) {
          await db
            .update(outboxMessage)
            .set({ status: 'sent', sentAt: new Date() })
            .where(eq(outboxMessage.id, id));
        }
      } catch (error) {
        options.logger.error({ err: error, to: mail.to, kind: mail.kind }, 'mail delivery failed');
        const message = error instanceof Error ? error.message : String(error);
        for (const id of ids) {
          await db
            .update(outboxMessage)
            .set({ status: 'failed', error: message })
            .where(eq(outboxMessage.id, id));
        }
      }
    },
    close() {
      transport?.close();
    },
  };
}

/** Lists a workspace's outbox, newest first: the messages the caller's role may read. */
export async function listOutbox(db: Db, scope: WorkspaceScope, limit = 200): Promise<OutboxMessage[]> {
  const readable = roles.filter((r) => hasRoleAtLeast(scope.role, r));
  const rows = await db
    .select()
    .from(outboxMessage)
    .where(and(eq(outboxMessage.workspaceId, scope.workspaceId), inArray(outboxMessage.readableBy, readable)))
    .orderBy(desc(outboxMessage.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    to: r.to,
    subject: r.subject,
    text: r.text,
    kind: r.kind,
    status: r.status,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}

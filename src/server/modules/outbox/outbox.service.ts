// Sends mail: always records it in the outbox first, then delivers over SMTP when SMTP_URL is set.
import { and, desc, eq, inArray } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { hasRoleAtLeast, type Role, roles } from '../../../core/access/roles';
import type { Db, Tx } from '../../db/client';
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
  /** Records the mail in the outbox and delivers it over SMTP when configured; returns the outbox ids. */
  send(db: Db | Tx, mail: MailInput): Promise<string[]>;
  /**
   * Only records the mail (status "recorded"), e.g. inside a caller's transaction; call `deliver` with the
   * ids after the commit so no SMTP conversation holds the transaction open.
   */
  record(db: Db | Tx, mail: MailInput): Promise<string[]>;
  /** Delivers recorded messages over SMTP (a no-op without SMTP), marking each sent or failed. */
  deliver(db: Db, ids: string[]): Promise<void>;
  /** `deliver` without waiting for it (never rejects: failures are logged); for answers that must not
   * wait on, or reveal timing of, an SMTP conversation. The outbox keeps every message either way. */
  deliverInBackground(db: Db, ids: string[]): void;
  close(): void;
}

/** Creates the mailer; with no SMTP URL, messages are only recorded (status "recorded"). */
export function createMailer(options: { smtpUrl?: string; from: string; logger: Logger }): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;

  async function record(db: Db | Tx, mail: MailInput): Promise<string[]> {
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
    return rows.map((r) => r.id);
  }

  /** Sends one mail over SMTP and marks its outbox copies (one per workspace) sent or failed. */
  async function deliverOne(
    db: Db | Tx,
    mail: Pick<MailInput, 'to' | 'subject' | 'text' | 'kind'>,
    ids: string[],
  ) {
    if (!transport) return;
    try {
      await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
      await db
        .update(outboxMessage)
        .set({ status: 'sent', sentAt: new Date() })
        .where(inArray(outboxMessage.id, ids));
    } catch (error) {
      options.logger.error({ err: error, to: mail.to, kind: mail.kind }, 'mail delivery failed');
      const message = error instanceof Error ? error.message : String(error);
      await db
        .update(outboxMessage)
        .set({ status: 'failed', error: message })
        .where(inArray(outboxMessage.id, ids));
    }
  }

  async function deliver(db: Db, ids: string[]): Promise<void> {
    if (!transport || ids.length === 0) return;
    const rows = await db
      .select()
      .from(outboxMessage)
      .where(and(inArray(outboxMessage.id, ids), eq(outboxMessage.status, 'recorded')));
    for (const row of rows) await deliverOne(db, row, [row.id]);
  }

  return {
    record,
    async send(db, mail) {
      const ids = await record(db, mail);
      await deliverOne(db, mail, ids);
      return ids;
    },
    deliver,
    deliverInBackground(db, ids) {
      deliver(db, ids).catch((error: unknown) =>
        options.logger.error({ err: error, ids }, 'background mail delivery failed'),
      );
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

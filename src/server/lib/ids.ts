// Public ids carry a prefix naming their kind (`prg_…`) so a stray id in a log or URL explains itself.
import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

export const idPrefixes = {
  workspace: 'wsp',
  member: 'mem',
  invitation: 'inv',
  program: 'prg',
  tier: 'tier',
  creator: 'crt',
  socialAccount: 'soc',
  ambassador: 'amb',
  auditEvent: 'aud',
  outboxMessage: 'msg',
  portalLink: 'plk',
  portalSession: 'pss',
  vettingReport: 'vet',
  vettingFlagOverride: 'vfo',
  application: 'app',
  applicationReview: 'rev',
  prospectList: 'pls',
  outreachTemplate: 'otp',
  outreachMessage: 'out',
  link: 'lnk',
  discountCode: 'dsc',
  codeAlert: 'cal',
  storeConnection: 'stc',
  webhookDelivery: 'whd',
  storeOrder: 'ord',
  orderRefund: 'rfd',
  apiKey: 'key',
  brief: 'brf',
  briefVersion: 'brv',
  submission: 'sub',
  submissionRound: 'rnd',
  reviewComment: 'rcm',
  mediaFile: 'med',
  postMetrics: 'pmx',
  asset: 'ast',
  usageRight: 'urt',
  listenedPost: 'lsn',
  cadenceReminder: 'crm',
} as const;

export type IdKind = keyof typeof idPrefixes;

/** Returns a new random id such as `prg_3k9x…` (16 base-36 characters, ~82 bits). */
export function newId(kind: IdKind): string {
  const bytes = randomBytes(16);
  let out = '';
  for (const b of bytes) out += alphabet[b % 36];
  return `${idPrefixes[kind]}_${out}`;
}

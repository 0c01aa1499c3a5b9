// One click as a line of the click journal: what the redirect knew when it answered, tab-separated, so
// the hot path only joins strings it already has. The user agent is kept raw (parsing it is the
// importer's work); the client address never is, only its salted hash with the agent.
//
//   1  clickId  linkId  workspaceId  ambassadorId  programId  atMs  G|H  visitorHash  country  referrer  userAgent
import type { RedirectLink } from '../server/modules/links/redirect-lookup.service';

export interface JournaledClick {
  id: string;
  linkId: string;
  workspaceId: string;
  ambassadorId: string;
  programId: string;
  at: number;
  isHead: boolean;
  visitorHash: string;
  country: string | null;
  referrerDomain: string | null;
  userAgent: string;
}

const version = '1';
const fieldCount = 12;

/** The link's part of its click lines, prepared once per cached link. */
export function clickLinePrefix(
  link: Pick<RedirectLink, 'id' | 'workspaceId' | 'ambassadorId' | 'programId'>,
) {
  return `\t${link.id}\t${link.workspaceId}\t${link.ambassadorId}\t${link.programId}\t`;
}

/** Tabs, carriage returns and newlines would break the line; a header value may carry a tab. */
const unsafe = /[\t\r\n]/;

export function formatClickLine(
  id: string,
  linkPrefix: string,
  at: number,
  isHead: boolean,
  visitorHash: string,
  country: string | null,
  referrerDomain: string | null,
  userAgent: string,
): string {
  const ua = unsafe.test(userAgent) ? userAgent.replace(/[\t\r\n]/g, ' ') : userAgent;
  return `${version}\t${id}${linkPrefix}${at}\t${isHead ? 'H' : 'G'}\t${visitorHash}\t${country ?? ''}\t${referrerDomain ?? ''}\t${ua}\n`;
}

/** A line back into its click, or null when it is not a whole click line (e.g. cut short by a crash). */
export function parseClickLine(line: string): JournaledClick | null {
  const f = line.split('\t');
  if (f.length !== fieldCount || f[0] !== version) return null;
  const [, id, linkId, workspaceId, ambassadorId, programId, at, method, visitorHash, country, referrer, ua] =
    f as [string, string, string, string, string, string, string, string, string, string, string, string];
  const ms = Number(at);
  // A time a Date can hold (an id or a time out of range would fail the whole batch in the database).
  const validTime = Number.isSafeInteger(ms) && ms > 0 && ms < 8.64e15;
  if (!id || !linkId || !validTime || (method !== 'G' && method !== 'H')) return null;
  return {
    id,
    linkId,
    workspaceId,
    ambassadorId,
    programId,
    at: ms,
    isHead: method === 'H',
    visitorHash,
    country: country || null,
    referrerDomain: referrer || null,
    userAgent: ua,
  };
}

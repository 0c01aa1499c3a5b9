// One click as a line of the click journal: what the redirect knew when it answered, tab-separated, so
// the hot path only joins strings it already has. The user agent is kept raw (parsing it is the
// importer's work); the client address never is, only its salted hash with the agent.
//
//   2  clickId  linkId  atMs  G|H  visitorHash  country  referrer  userAgent
//
// Version 1 lines (written before) also carried the link's workspace, ambassador and program after its
// id; they are still read, those ids ignored: the importer takes them from the link, which never changes
// them. Dropping them made a line ~30 % shorter, and the journal's disk writes cost by the byte.
import type { RedirectLink } from '../server/modules/links/redirect-lookup.service';

export interface JournaledClick {
  id: string;
  linkId: string;
  at: number;
  isHead: boolean;
  visitorHash: string;
  country: string | null;
  referrerDomain: string | null;
  userAgent: string;
}

const version = '2';

/** The link's part of its click lines, prepared once per cached link. */
export function clickLinePrefix(link: Pick<RedirectLink, 'id'>) {
  return `\t${link.id}\t`;
}

/** Tabs, carriage returns and newlines would break the line; a header value may carry a tab. */
const unsafe = /[\t\r\n]/;

/** The last time written and its digits: under load many clicks share a millisecond. */
let lastAt = -1;
let lastAtText = '';

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
  if (at !== lastAt) {
    lastAt = at;
    lastAtText = String(at);
  }
  return `${version}\t${id}${linkPrefix}${lastAtText}\t${isHead ? 'H' : 'G'}\t${visitorHash}\t${country ?? ''}\t${referrerDomain ?? ''}\t${ua}\n`;
}

/** A line back into its click, or null when it is not a whole click line (e.g. cut short by a crash). */
export function parseClickLine(line: string): JournaledClick | null {
  const f = line.split('\t');
  // Version 1 had three more fields (the link's workspace, ambassador and program) after the link id.
  const skip = f[0] === '1' ? 3 : f[0] === version ? 0 : -1;
  if (skip < 0 || f.length !== 9 + skip) return null;
  const id = f[1] as string;
  const linkId = f[2] as string;
  const ms = Number(f[3 + skip]);
  const method = f[4 + skip];
  // A time a Date can hold (an id or a time out of range would fail the whole batch in the database).
  const validTime = Number.isSafeInteger(ms) && ms > 0 && ms < 8.64e15;
  if (!id || !linkId || !validTime || (method !== 'G' && method !== 'H')) return null;
  return {
    id,
    linkId,
    at: ms,
    isHead: method === 'H',
    visitorHash: f[5 + skip] as string,
    country: f[6 + skip] || null,
    referrerDomain: f[7 + skip] || null,
    userAgent: f[8 + skip] as string,
  };
}

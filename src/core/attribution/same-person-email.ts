// Email comparison for the self-referral rule: an ambassador buying with their own code or link under a
// trivially different address is still the ambassador.

const gmailDomains = new Set(['gmail.com', 'googlemail.com']);

/**
 * The form of an address used to decide whether two addresses reach the same mailbox: trimmed and
 * lower-cased; a `+tag` is dropped from the local part on every domain (most large providers deliver
 * `jane+x@` to `jane@`, and a rare false match costs one refused credit, while missing it lets anyone
 * self-refer); on Gmail dots are dropped too and `googlemail.com` is `gmail.com`, since Gmail ignores
 * them. Returns null for something that is not an address.
 * @example mailboxKey(' Jane.Doe+promo@GoogleMail.com ') // 'janedoe@gmail.com'
 */
export function mailboxKey(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase() ?? '';
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return null;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (gmailDomains.has(domain)) {
    local = local.replaceAll('.', '');
    domain = 'gmail.com';
  }
  return local ? `${local}@${domain}` : null;
}

/** Whether two addresses reach the same mailbox (see `mailboxKey`); false when either is missing. */
export function isSameMailbox(a: string | null | undefined, b: string | null | undefined): boolean {
  const keyA = mailboxKey(a);
  return keyA !== null && keyA === mailboxKey(b);
}

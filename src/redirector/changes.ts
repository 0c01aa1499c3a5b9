// Tells the redirectors in this process that links or tracking settings changed, so their caches drop
// what they hold. On PostgreSQL the app also sends a NOTIFY, which every other redirecting process hears at
// once (link-changes-pg.ts); the cache's time to live is the backstop.

type Listener = () => void;
const listeners = new Set<Listener>();

/** Subscribes to changes; returns the unsubscribe function. */
export function onLinksChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the links and tracking services after a change commits. */
export function linksChanged(): void {
  for (const listener of listeners) listener();
}

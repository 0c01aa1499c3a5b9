// better-auth keeps each call's state in three AsyncLocalStorage instances. On Node 20, an AsyncLocalStorage
// that has run once turns on async hooks for the whole process for good: from the first sign-in on, every
// socket write, timer and promise of every request pays for carrying the context along, which cost the
// all-in-one server 12–15 % of its redirect throughput. The instances installed here turn themselves off
// once no better-auth call has been running for a moment, and on again with the next call.
//
// better-auth looks its instances up on a process-wide object and creates one only where none is set
// (@better-auth/core context/*.ts, `??=`), so setting ours there first is all the wiring there is.
import { AsyncLocalStorage } from 'node:async_hooks';
import { getBetterAuthVersion } from '@better-auth/core/context';

/** The slots of better-auth's process-wide context that hold its AsyncLocalStorage instances. */
const slots = ['requestStateAsyncStorage', 'endpointContextAsyncStorage', 'adapterAsyncStorage'] as const;
/** Turned off this long after the last call ended: work a call left running in the background ends first. */
const idleMs = 1_000;

let running = 0;
let idleTimer: NodeJS.Timeout | null = null;
const installed: IdleAsyncLocalStorage<unknown>[] = [];
/** Calls run through the installed instances since start (tests check better-auth uses them). */
export const authStorageStats = { runs: 0 };

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function callEnded() {
  running--;
  if (running > 0 || idleTimer) return;
  idleTimer = setTimeout(() => {
    idleTimer = null;
    if (running > 0) return;
    for (const storage of installed) storage.disable();
  }, idleMs);
  idleTimer.unref();
}

/** An AsyncLocalStorage whose `run` counts the calls in flight (a returned promise is in flight until settled). */
class IdleAsyncLocalStorage<T> extends AsyncLocalStorage<T> {
  override run<R, A extends unknown[]>(store: T, callback: (...args: A) => R, ...args: A): R {
    running++;
    authStorageStats.runs++;
    if (idleTimer) {
      clearTimeout(idleTimer);
      idleTimer = null;
    }
    let result: R;
    try {
      result = super.run(store, callback, ...args);
    } catch (error) {
      callEnded();
      throw error;
    }
    if (isThenable(result)) result.then(callEnded, callEnded);
    else callEnded();
    return result;
  }
}

/**
 * Gives better-auth instances that turn off when idle. Call before its first request; instances already
 * set (by an earlier call) are kept.
 */
export function installIdleAuthStorage(): void {
  // Makes sure better-auth's process-wide object exists, so it is the one its code reads.
  getBetterAuthVersion();
  const shared = (globalThis as Record<symbol, { context?: Record<string, unknown> }>)[
    Symbol.for('better-auth:global')
  ];
  if (!shared?.context) throw new Error('better-auth keeps its context elsewhere: check async-storage.ts');
  for (const slot of slots) {
    if (shared.context[slot] !== undefined) continue;
    const storage = new IdleAsyncLocalStorage<unknown>();
    installed.push(storage);
    shared.context[slot] = storage;
  }
}

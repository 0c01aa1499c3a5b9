// Clicks wait here after their redirect has been answered, and are written in batches: as soon as a batch
// is full, or after a short interval, and on stop. A failed write keeps its clicks (in order) for the next
// try with a growing delay; only beyond `maxPending` are the oldest dropped (counted and logged), so a
// long database outage cannot exhaust memory.
import type { ClickRecord } from '../server/modules/links/clicks.service';

export interface ClickBufferOptions {
  write(clicks: readonly ClickRecord[]): Promise<unknown>;
  /** Flush as soon as this many clicks wait (default 500). */
  batchSize?: number;
  /** Flush clicks older than this (default 250 ms). */
  intervalMs?: number;
  /** Most clicks per statement (default 2,000). */
  maxBatch?: number;
  /** Most clicks kept while writes fail (default 200,000). */
  maxPending?: number;
  onError?(error: unknown, pending: number): void;
  onDrop?(dropped: number): void;
}

export class ClickBuffer {
  private pending: ClickRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private failures = 0;
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private readonly maxBatch: number;
  private readonly maxPending: number;
  /** Totals since start, for metrics and the bench. */
  readonly stats = { recorded: 0, written: 0, dropped: 0, failedWrites: 0 };

  constructor(private readonly options: ClickBufferOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.intervalMs = options.intervalMs ?? 250;
    this.maxBatch = options.maxBatch ?? 2_000;
    this.maxPending = options.maxPending ?? 200_000;
  }

  get size(): number {
    return this.pending.length;
  }

  push(click: ClickRecord): void {
    this.pending.push(click);
    this.stats.recorded++;
    if (this.pending.length >= this.batchSize && this.failures === 0) void this.flush();
    else this.schedule(this.intervalMs);
  }

  /** Writes everything waiting now; resolves when done or when a write failed (clicks kept). */
  flush(): Promise<void> {
    this.clearTimer();
    if (!this.flushing) {
      this.flushing = this.drain().finally(() => {
        this.flushing = null;
        if (this.pending.length > 0) this.schedule(this.retryDelay());
      });
    }
    return this.flushing;
  }

  /** Flushes until empty, retrying failed writes up to `attempts` times; returns the clicks left unwritten. */
  async stop(attempts = 10): Promise<number> {
    for (let i = 0; i < attempts; i++) {
      await this.flush();
      if (this.pending.length === 0) break;
      await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** i, 2_000)));
    }
    this.clearTimer();
    return this.pending.length;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        await this.options.write(batch);
        this.failures = 0;
        this.stats.written += batch.length;
      } catch (error) {
        this.failures++;
        this.stats.failedWrites++;
        this.pending = batch.concat(this.pending);
        const excess = this.pending.length - this.maxPending;
        if (excess > 0) {
          this.pending.splice(0, excess);
          this.stats.dropped += excess;
          this.options.onDrop?.(excess);
        }
        this.options.onError?.(error, this.pending.length);
        return;
      }
    }
  }

  private retryDelay(): number {
    return this.failures === 0 ? this.intervalMs : Math.min(this.intervalMs * 2 ** this.failures, 10_000);
  }

  private schedule(delay: number) {
    if (this.timer || this.flushing) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
    this.timer.unref();
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

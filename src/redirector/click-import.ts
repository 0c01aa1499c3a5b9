// Moves clicks from the journal into the database, behind the hot path. Each tick (250 ms) it looks at how
// busy the event loop was: when it was mostly idle, it seals the journal's open segment and imports the
// sealed ones; while redirects keep the process busy, it waits, so a burst is answered at full speed and
// imported right after — but never lets a click wait longer than `maxLagMs` (10 s). A segment is deleted
// once all its clicks are written; a failed write keeps it for a retry (with a growing delay), and what is
// still there when the process stops is imported by the next start (see ClickJournal.adoptOrphans). A
// segment the database keeps refusing for its data (not for being away) is set aside as `….log.bad`, so it
// cannot hold up the ones after it.
//
// Parsing the user agent, the bot flag and the unique-visitor memory live here, not in the redirect. A
// segment is read as bytes and parsed one batch at a time, each click straight into the batch's columns
// (ClickColumns): clicks kept as objects while a batch is written outlived young-generation collections
// and piled up as old-generation garbage.
import { open } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { type ClickBatch, ClickColumns, type ClickRecord } from '../server/modules/links/clicks.service';
import type { ClickJournal } from './click-journal';
import { type JournaledClick, parseClickLine } from './click-line';
import { describeAgent, UniqueVisitors } from './visitor';

export interface ClickImporterOptions {
  journal: ClickJournal;
  /** Writes a batch; returns how many were new (a click already imported, or of a deleted link, is not). */
  write(batch: ClickBatch): Promise<number>;
  /** Import as soon as the event loop was busy less than this share of the last tick (default 0.5). */
  busyUtilization?: number;
  /** The longest a click waits for the database while the process stays busy (default 10 s). */
  maxLagMs?: number;
  tickMs?: number;
  /**
   * Clicks per statement (default 500): ~8 % fewer clicks per second than 2,000, but on embedded PGlite,
   * which runs each statement in this thread, redirects wait at most ~30 ms behind one.
   */
  batchSize?: number;
  onError?(error: unknown, segment: string): void;
  onSkipped?(lines: number, segment: string): void;
  /** A batch had clicks the database already held, or of links deleted since. */
  onNotWritten?(clicks: number, segment: string): void;
  onQuarantined?(error: unknown, segment: string): void;
  now?: () => number;
}

export class ClickImporter {
  private readonly busyUtilization: number;
  private readonly maxLagMs: number;
  private readonly tickMs: number;
  private readonly batchSize: number;
  private readonly now: () => number;
  private readonly uniques = new UniqueVisitors();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private elu = performance.eventLoopUtilization();
  /** The journal's appended count at the last seal, and since when newer clicks wait. */
  private sealedAt = 0;
  private waitingSince: number | null = null;
  private failures = 0;
  private retryAt = 0;
  private stopped = false;
  /** Sealed segments wait from an earlier failure or another process. */
  private backlog = false;
  /**
   * The segment being imported: its bytes, where its next batch starts, and the batch parsed but not yet
   * written (a failed write keeps it, so a retry flags visitors as the first try did).
   */
  private prepared: {
    path: string;
    data: Buffer;
    offset: number;
    batch: { clicks: ClickBatch; end: number } | null;
  } | null = null;
  /** Failed tries of the segment at the head of the queue, and which one. */
  private segmentFailures = { path: '', count: 0 };
  /** Where the batch being parsed gathers (kept from batch to batch). */
  private readonly columns = new ClickColumns();
  /** Segments are read into this buffer, one at a time (see readSegment). */
  private readBuffer = Buffer.alloc(0);
  private lastAdoption = 0;
  readonly stats = { imported: 0, notWritten: 0, skipped: 0, failedImports: 0, adopted: 0, quarantined: 0 };

  constructor(private readonly options: ClickImporterOptions) {
    this.busyUtilization = options.busyUtilization ?? 0.5;
    this.maxLagMs = options.maxLagMs ?? 10_000;
    this.tickMs = options.tickMs ?? 250;
    this.batchSize = options.batchSize ?? 500;
    this.now = options.now ?? Date.now;
  }

  /** Takes over segments left by processes that are gone, and starts ticking. */
  start(): void {
    this.adopt();
    this.schedule(0);
  }

  /** Looks for segments left by processes that are gone (at start, then every minute). */
  private adopt() {
    this.lastAdoption = this.now();
    const adopted = this.options.journal.adoptOrphans();
    this.stats.adopted += adopted;
    if (adopted > 0) this.backlog = true;
  }

  /** Seals the journal and imports every sealed segment now; rejects when a write failed (clicks kept). */
  importNow(): Promise<void> {
    const run = this.running.then(() => this.importAll());
    this.running = run.catch(() => undefined);
    return run;
  }

  /**
   * Stops ticking, closes the journal and imports what it holds, retrying failed writes up to `attempts`
   * times. Returns what is left: segments on disk (the next start imports them) and clicks the disk
   * refused that could not be written to the database either (lost; logged by the caller).
   */
  async stop(attempts = 10): Promise<{ segments: number; unwritten: number }> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    // The journal first: it needs no database, and whatever is on disk survives what follows.
    await this.options.journal.close();
    await this.running;
    for (const line of this.options.journal.takeWaiting()) {
      const click = parseClickLine(line);
      if (click) this.columns.add(this.toRecord(click));
    }
    const refused = this.columns.take();
    let unwritten = refused.size;
    for (let i = 0; i < attempts; i++) {
      try {
        await this.importNow();
        if (unwritten > 0) {
          this.stats.imported += await this.options.write(refused);
          unwritten = 0;
        }
        break;
      } catch {
        await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** i, 2_000)));
      }
    }
    return { segments: this.options.journal.sealedSegments().length, unwritten };
  }

  private schedule(delay: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref();
  }

  private async tick() {
    const busy = performance.eventLoopUtilization(this.elu).utilization;
    const now = this.now();
    const appended = this.options.journal.stats.appended;
    if (appended !== this.sealedAt && this.waitingSince === null) this.waitingSince = now;
    if (now - this.lastAdoption >= 60_000) this.adopt();
    const hasWork = this.waitingSince !== null || this.failures > 0 || this.backlog;
    const due =
      this.failures > 0
        ? now >= this.retryAt
        : busy < this.busyUtilization || now - (this.waitingSince ?? now) >= this.maxLagMs;
    if (hasWork && due) {
      try {
        await this.importNow();
      } catch {
        // Counted and reported in importAll; the next try waits longer.
      }
    }
    // The import's own work is not load: measure the next tick from here.
    this.elu = performance.eventLoopUtilization();
    this.schedule(this.tickMs);
  }

  private async importAll(): Promise<void> {
    const { journal } = this.options;
    const appended = journal.stats.appended;
    const segments = await journal.seal();
    for (const path of segments) {
      try {
        await this.importSegment(path);
      } catch (error) {
        if (this.quarantineIfRefused(error, path)) continue;
        this.failures++;
        this.stats.failedImports++;
        this.retryAt = this.now() + Math.min(this.tickMs * 2 ** this.failures, 10_000);
        this.options.onError?.(error, path);
        throw error;
      }
    }
    this.failures = 0;
    this.backlog = false;
    this.sealedAt = appended;
    this.waitingSince = journal.stats.appended === appended ? null : this.now();
  }

  /**
   * After three failures of one segment for its data (a PostgreSQL data or integrity error, not a lost
   * connection), sets it aside so the segments after it go on. Returns whether it did.
   */
  private quarantineIfRefused(error: unknown, path: string): boolean {
    if (this.segmentFailures.path !== path) this.segmentFailures = { path, count: 0 };
    this.segmentFailures.count++;
    if (this.segmentFailures.count < 3 || !isDataError(error)) return false;
    this.options.journal.quarantine(path);
    this.prepared = null;
    this.stats.quarantined++;
    this.options.onQuarantined?.(error, path);
    return true;
  }

  private async importSegment(path: string): Promise<void> {
    if (this.prepared?.path !== path) {
      let data: Buffer;
      try {
        data = await this.readSegment(path);
      } catch (error) {
        // Adopted by another process meanwhile: it imports them.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      this.prepared = { path, data, offset: 0, batch: null };
    }
    const work = this.prepared;
    // What follows the last newline is a line cut short (a crash mid-write): never a whole click.
    const whole = work.data.lastIndexOf(10) + 1;
    while (work.batch || work.offset < whole) {
      work.batch ??= this.parseBatch(work.data, work.offset, whole, path);
      const { clicks, end } = work.batch;
      const written = clicks.size > 0 ? await this.options.write(clicks) : 0;
      work.offset = end;
      work.batch = null;
      this.stats.imported += written;
      if (written < clicks.size) {
        this.stats.notWritten += clicks.size - written;
        this.options.onNotWritten?.(clicks.size - written, path);
      }
    }
    if (whole < work.data.length) this.skip(1, path);
    this.options.journal.remove(path);
    this.prepared = null;
    this.segmentFailures = { path: '', count: 0 };
  }

  /**
   * A whole segment, read into the importer's one read buffer (grown as needed): a fresh 2 MB buffer per
   * segment would be memory outside the heap that only waits for a garbage collection to be given back.
   */
  private async readSegment(path: string): Promise<Buffer> {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      if (this.readBuffer.length < size) this.readBuffer = Buffer.allocUnsafe(size);
      let read = 0;
      while (read < size) {
        const { bytesRead } = await file.read(this.readBuffer, read, size - read, read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      return this.readBuffer.subarray(0, read);
    } finally {
      await file.close();
    }
  }

  /** The next `batchSize` lines from `start` (before `whole`, the end of the last whole line) as a batch. */
  private parseBatch(data: Buffer, start: number, whole: number, path: string) {
    let skipped = 0;
    let end = start;
    // Decoded line by line: one string of a whole batch can be large enough for the large-object space,
    // which only a full collection empties, and the clicks' fields, slices of it, would hold it.
    for (let n = 0; n < this.batchSize && end < whole; n++) {
      const newline = data.indexOf(10, end);
      const line = data.toString('latin1', end, newline);
      end = newline + 1;
      if (line === '') continue;
      const click = parseClickLine(line);
      if (click) this.columns.add(this.toRecord(click));
      else skipped++;
    }
    if (skipped > 0) this.skip(skipped, path);
    return { clicks: this.columns.take(), end };
  }

  private skip(lines: number, path: string) {
    this.stats.skipped += lines;
    this.options.onSkipped?.(lines, path);
  }

  private toRecord(click: JournaledClick): ClickRecord {
    const agent = describeAgent(click.userAgent);
    const isBot = agent.isBot || click.isHead;
    return {
      id: click.id,
      linkId: click.linkId,
      at: new Date(click.at),
      isBot,
      // Bots and previews never count as unique, and do not use up a visitor's first click.
      isUnique: !isBot && this.uniques.isFirst(click.visitorHash, click.linkId, click.at),
      device: agent.device,
      os: agent.os,
      browser: agent.browser,
      referrerDomain: click.referrerDomain,
      visitorHash: click.visitorHash,
      country: click.country,
    };
  }
}

/** A PostgreSQL data exception (22…) or integrity violation (23…), anywhere in the error's causes. */
function isDataError(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}

// The click journal: every answered redirect's click is appended here first, as one line, and written to
// disk in group commits (one write + fdatasync for all clicks of the last few milliseconds, off the main
// thread). The importer (click-import.ts) reads closed segments into the database behind the hot path, so a
// burst of redirects or a database outage never slows a redirect nor loses a click: a segment is deleted
// only once its clicks are in the database, and segments left by a stopped or crashed process are imported
// by the next one.
//
// Files: `<dir>/clicks-<owner>-<seq>.log`, where the owner is `<pid>.<start time>`; one latin1 line per
// click (see click-line.ts). A line is copied into an off-heap chunk as it is appended, so nothing waits
// on the JavaScript heap for the commit. Only the journal that owns a segment appends to it; a segment whose owner process is gone
// is adopted (renamed atomically, so two processes never import it both).
import {
  closeSync,
  fdatasync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  unlinkSync,
  writev,
} from 'node:fs';
import { join } from 'node:path';

export interface ClickJournalOptions {
  dir: string;
  /** Write and sync what waits this often (default 20 ms). */
  commitIntervalMs?: number;
  /** Start a new segment past this size (default 8 MB). */
  segmentBytes?: number;
  /** Most lines kept in memory while the disk refuses writes; beyond, the oldest are dropped (default 200,000). */
  maxPending?: number;
  onError?(error: unknown, waiting: number): void;
  onDrop?(dropped: number): void;
}

/** Appended lines wait in chunks of this size (a longer line gets a chunk of its own size). */
const chunkBytes = 256 * 1024;

interface Chunk {
  bytes: Buffer;
  used: number;
  lines: number;
}

const segmentPattern = /^clicks-(\d+)\.([0-9a-z]+)-(\d+)\.log$/;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function promised<T>(run: (done: (error: Error | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    run((error, value) => (error ? reject(error) : resolve(value as T))),
  );
}

export class ClickJournal {
  readonly dir: string;
  private readonly owner = `${process.pid}.${Date.now().toString(36)}`;
  private readonly commitIntervalMs: number;
  private readonly segmentBytes: number;
  private readonly maxPending: number;
  /** The chunk being filled, and full ones waiting for the commit (or for a retry after a failed one). */
  private filling: Chunk;
  private full: Chunk[] = [];
  private spare: Buffer[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** Disk work runs one step at a time, in order. */
  private chain: Promise<void> = Promise.resolve();
  private fd: number | null = null;
  /** The last segment number used, and the one open for appending. */
  private seq = 0;
  private activeSeq = 0;
  private segmentSize = 0;
  private closed = false;
  /** Totals since start, for metrics and the bench. */
  readonly stats = { appended: 0, durable: 0, dropped: 0, failedWrites: 0 };

  constructor(private readonly options: ClickJournalOptions) {
    this.dir = options.dir;
    this.commitIntervalMs = options.commitIntervalMs ?? 20;
    this.segmentBytes = options.segmentBytes ?? 8 * 1024 * 1024;
    this.maxPending = options.maxPending ?? 200_000;
    mkdirSync(this.dir, { recursive: true });
    this.filling = this.newChunk(0);
  }

  /** Adds one click line (ending in a newline); it reaches the disk with the next commit. */
  append(line: string): void {
    let chunk = this.filling;
    if (chunk.used + line.length > chunk.bytes.length) {
      this.full.push(chunk);
      chunk = this.filling = this.newChunk(line.length);
    }
    chunk.used += chunk.bytes.write(line, chunk.used, 'latin1');
    chunk.lines++;
    this.stats.appended++;
    this.scheduleCommit();
  }

  private scheduleCommit() {
    if (this.timer === null && !this.closed) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.commit();
      }, this.commitIntervalMs);
    }
  }

  /** Lines appended but not yet on disk. */
  get waiting(): number {
    return this.full.reduce((sum, c) => sum + c.lines, this.filling.lines);
  }

  /** Writes and syncs everything appended so far; resolves once it is on disk (or the write failed). */
  commit(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.enqueue(() => this.writeWaiting());
  }

  /**
   * Commits, then closes the current segment (when it has clicks) so the importer may take it. Returns
   * the closed segments this journal owns, oldest first.
   */
  async seal(): Promise<string[]> {
    await this.commit();
    await this.enqueue(async () => this.closeSegment());
    return this.sealedSegments();
  }

  /** Commits and closes the journal: nothing more is appended to disk after this. */
  async close(): Promise<void> {
    await this.seal();
    this.closed = true;
  }

  /** This journal's closed segments, oldest first. */
  sealedSegments(): string[] {
    return this.segments()
      .filter((s) => s.owner === this.owner && (this.fd === null || s.seq !== this.activeSeq))
      .sort((a, b) => a.seq - b.seq)
      .map((s) => s.path);
  }

  /**
   * Takes over the segments of journals whose process is gone (a crash, or a stop that could not import
   * everything), renaming them into this journal's sealed segments. Returns how many were adopted.
   */
  adoptOrphans(): number {
    let adopted = 0;
    for (const segment of this.segments().sort((a, b) => a.owner.localeCompare(b.owner) || a.seq - b.seq)) {
      if (segment.owner === this.owner || processAlive(segment.pid)) continue;
      const seq = ++this.seq;
      try {
        renameSync(segment.path, join(this.dir, `clicks-${this.owner}-${seq}.log`));
        adopted++;
      } catch (error) {
        // Another process adopted it first.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return adopted;
  }

  /** Removes a segment once its clicks are in the database. */
  remove(path: string): void {
    unlinkSync(path);
  }

  private segments() {
    return readdirSync(this.dir).flatMap((name) => {
      const match = segmentPattern.exec(name);
      if (!match) return [];
      return [
        {
          path: join(this.dir, name),
          pid: Number(match[1]),
          owner: `${match[1]}.${match[2]}`,
          seq: Number(match[3]),
        },
      ];
    });
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.chain.then(step);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private newChunk(atLeast: number): Chunk {
    const reused = atLeast <= chunkBytes ? this.spare.pop() : undefined;
    return { bytes: reused ?? Buffer.allocUnsafe(Math.max(chunkBytes, atLeast)), used: 0, lines: 0 };
  }

  private async writeWaiting(): Promise<void> {
    const chunks = this.filling.lines > 0 ? [...this.full, this.filling] : this.full;
    if (chunks.length === 0) return;
    this.full = [];
    if (this.filling.lines > 0) this.filling = this.newChunk(0);
    const buffers = chunks.map((c) => c.bytes.subarray(0, c.used));
    const bytes = buffers.reduce((sum, b) => sum + b.length, 0);
    const lines = chunks.reduce((sum, c) => sum + c.lines, 0);
    try {
      if (this.fd === null) {
        this.activeSeq = ++this.seq;
        this.fd = openSync(join(this.dir, `clicks-${this.owner}-${this.activeSeq}.log`), 'a');
        this.segmentSize = 0;
      }
      const fd = this.fd;
      const written = await promised<number>((done) => writev(fd, buffers, null, done));
      if (written !== bytes) throw new Error(`wrote ${written} of ${bytes} bytes (is the disk full?)`);
      await promised<void>((done) => fdatasync(fd, done));
    } catch (error) {
      this.stats.failedWrites++;
      // Keep the clicks for the next commit. The segment may hold part of them (the importer skips
      // repeated click ids and a cut line), so it is closed and the retry starts a new one.
      this.closeSegment();
      this.full = chunks.concat(this.full);
      this.dropBeyondLimit();
      this.options.onError?.(error, this.waiting);
      if (!this.closed && this.timer === null) {
        this.timer = setTimeout(() => {
          this.timer = null;
          void this.commit();
        }, 1_000);
        this.timer.unref();
      }
      return;
    }
    this.stats.durable += lines;
    for (const c of chunks)
      if (c.bytes.length === chunkBytes && this.spare.length < 4) this.spare.push(c.bytes);
    this.segmentSize += bytes;
    if (this.segmentSize >= this.segmentBytes) this.closeSegment();
  }

  /** While the disk refuses writes, memory holds at most `maxPending` clicks: the oldest chunks go first. */
  private dropBeyondLimit() {
    let excess = this.waiting - this.maxPending;
    let dropped = 0;
    while (excess > 0 && this.full.length > 0) {
      const oldest = this.full.shift() as Chunk;
      excess -= oldest.lines;
      dropped += oldest.lines;
    }
    if (dropped > 0) {
      this.stats.dropped += dropped;
      this.options.onDrop?.(dropped);
    }
  }

  private closeSegment() {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }
}

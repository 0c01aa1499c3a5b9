// The click journal: every answered redirect's click is appended here first, as one line, and written to
// disk in group commits (one write + fdatasync for all clicks of the last few milliseconds, off the main
// thread). The importer (click-import.ts) reads closed segments into the database behind the hot path, so a
// burst of redirects or a database outage never slows a redirect nor loses a click: a segment is deleted
// only once its clicks are in the database, and segments left by a stopped or crashed process are imported
// by the next one.
//
// Files: `<dir>/clicks-<owner>-<seq>.log`, where the owner is `<pid>.<start time + random>`; one latin1
// line per click (see click-line.ts). A line is copied into an off-heap chunk as it is appended, so nothing
// waits on the JavaScript heap for the commit. Only the journal that owns a segment appends to it; a
// segment whose owner is gone (its process ended, or it was an earlier process with this pid) and that
// has not changed for a while is adopted — renamed atomically, so two processes never import it both.
// The directory belongs to one host: processes in other containers can't be told alive or dead.
import { randomBytes } from 'node:crypto';
import {
  close as closeFd,
  closeSync,
  fdatasync,
  fsync,
  mkdirSync,
  open,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writev,
} from 'node:fs';
import { join } from 'node:path';

export interface ClickJournalOptions {
  dir: string;
  /** Write and sync what waits this often (default 20 ms). */
  commitIntervalMs?: number;
  /** Start a new segment past this size (default 2 MB, ~13,000 clicks: the importer reads one at a time). */
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
/** A segment of a gone owner is adopted once it has not changed for this long. */
const orphanQuietMs = 30_000;
/** Owners of journals open in this process (an earlier process with the same pid owned the others). */
const liveOwners = new Set<string>();

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
  private readonly owner = `${process.pid}.${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
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
  /** Failed commits in a row: the next try waits longer. */
  private failures = 0;
  /** Totals since start, for metrics and the bench. */
  readonly stats = { appended: 0, durable: 0, dropped: 0, failedWrites: 0 };

  constructor(private readonly options: ClickJournalOptions) {
    this.dir = options.dir;
    this.commitIntervalMs = options.commitIntervalMs ?? 20;
    this.segmentBytes = options.segmentBytes ?? 2 * 1024 * 1024;
    this.maxPending = options.maxPending ?? 200_000;
    mkdirSync(this.dir, { recursive: true });
    this.filling = this.newChunk(0);
    liveOwners.add(this.owner);
  }

  /**
   * Adds `count` click lines, each ending in a newline, given as one string; they reach the disk with the
   * next commit. (The redirector appends a turn's clicks at once: one copy into the chunk, not one each.)
   */
  append(lines: string, count = 1): void {
    let chunk = this.filling;
    if (chunk.used + lines.length > chunk.bytes.length) {
      this.full.push(chunk);
      chunk = this.filling = this.newChunk(lines.length);
    }
    chunk.used += chunk.bytes.write(lines, chunk.used, 'latin1');
    chunk.lines += count;
    this.stats.appended += count;
    this.scheduleCommit();
  }

  private scheduleCommit() {
    if (this.timer !== null || this.closed) return;
    // After failed writes, retry after 1 s, 2 s, 4 s … up to 30 s rather than every interval.
    const delay =
      this.failures === 0 ? this.commitIntervalMs : Math.min(1_000 * 2 ** (this.failures - 1), 30_000);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.commit();
    }, delay);
    if (this.failures > 0) this.timer.unref();
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

  /**
   * Commits (retrying a failed write a few times) and closes the journal: nothing more is written to disk
   * after this. Lines the disk still refused stay in memory for `takeWaiting`.
   */
  async close(attempts = 3): Promise<void> {
    for (let i = 0; i < attempts; i++) {
      await this.seal();
      if (this.waiting === 0) break;
      await new Promise((r) => setTimeout(r, 200 * 2 ** i));
    }
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    liveOwners.delete(this.owner);
  }

  /** Takes the lines the disk refused (after close: the importer writes them to the database directly). */
  takeWaiting(): string[] {
    const chunks = [...this.full, this.filling];
    this.full = [];
    this.filling = this.newChunk(0);
    return chunks.flatMap((c) =>
      c.lines === 0 ? [] : c.bytes.toString('latin1', 0, c.used).split('\n').slice(0, -1),
    );
  }

  /** This journal's closed segments, oldest first. */
  sealedSegments(): string[] {
    return this.segments()
      .filter((s) => s.owner === this.owner && (this.fd === null || s.seq !== this.activeSeq))
      .sort((a, b) => a.seq - b.seq)
      .map((s) => s.path);
  }

  /**
   * Takes over the segments of journals that are gone (their process ended, or an earlier process had
   * this pid) once they have not changed for 30 s, renaming them into this journal's sealed segments.
   * Returns how many were adopted.
   */
  adoptOrphans(now = Date.now()): number {
    let adopted = 0;
    for (const segment of this.segments().sort((a, b) => a.owner.localeCompare(b.owner) || a.seq - b.seq)) {
      if (segment.owner === this.owner || liveOwners.has(segment.owner)) continue;
      if (segment.pid !== process.pid && processAlive(segment.pid)) continue;
      try {
        if (now - statSync(segment.path).mtimeMs < orphanQuietMs) continue;
        const seq = ++this.seq;
        renameSync(segment.path, join(this.dir, `clicks-${this.owner}-${seq}.log`));
        adopted++;
      } catch (error) {
        // Another process adopted it first.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return adopted;
  }

  /** Sets aside a segment whose clicks the database refuses (renamed `….log.bad`, never imported again). */
  quarantine(path: string): string {
    const to = `${path}.bad`;
    renameSync(path, to);
    return to;
  }

  /** Removes a segment once its clicks are in the database. */
  remove(path: string): void {
    unlinkSync(path);
  }

  private segments() {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch (error) {
      // The directory is gone or unreadable: there is nothing to import from it now (nothing is deleted).
      this.options.onError?.(error, this.waiting);
      return [];
    }
    return names.flatMap((name) => {
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
        // The new file's name must survive a crash too.
        await this.syncDirectory();
      }
      const fd = this.fd;
      const written = await promised<number>((done) => writev(fd, buffers, null, done));
      if (written !== bytes) throw new Error(`wrote ${written} of ${bytes} bytes (is the disk full?)`);
      await promised<void>((done) => fdatasync(fd, done));
    } catch (error) {
      this.stats.failedWrites++;
      this.failures++;
      // Keep the clicks for the next commit. The segment may hold part of them (the importer skips
      // repeated click ids and drops a line cut short), so it is closed and the retry starts a new one.
      this.closeSegment();
      this.full = chunks.concat(this.full);
      this.dropBeyondLimit();
      this.options.onError?.(error, this.waiting);
      this.scheduleCommit();
      return;
    }
    this.failures = 0;
    this.stats.durable += lines;
    for (const c of chunks)
      if (c.bytes.length === chunkBytes && this.spare.length < 4) this.spare.push(c.bytes);
    this.segmentSize += bytes;
    if (this.segmentSize >= this.segmentBytes) this.closeSegment();
  }

  private async syncDirectory(): Promise<void> {
    const fd = await promised<number>((done) => open(this.dir, 'r', done));
    try {
      await promised<void>((done) => fsync(fd, done));
    } finally {
      await promised<void>((done) => closeFd(fd, done));
    }
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

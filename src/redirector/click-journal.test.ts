import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClickBatch, ClickRecord } from '../server/modules/links/clicks.service';
import { ClickImporter } from './click-import';
import { ClickJournal } from './click-journal';
import { clickLinePrefix, formatClickLine, parseClickLine } from './click-line';

const prefix = clickLinePrefix({ id: 'lnk_1' });
const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0';
const at = Date.UTC(2026, 10, 21, 9, 30);

const line = (id: string, options: { visitor?: string; ua?: string; head?: boolean } = {}) =>
  formatClickLine(
    id,
    prefix,
    at,
    options.head ?? false,
    options.visitor ?? 'v1',
    null,
    null,
    options.ua ?? firefox,
  );

let dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'troupe-journal-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A batch's clicks back from its array literals (these tests' values hold no quotes or commas). */
function clicksOf(batch: ClickBatch): ClickRecord[] {
  const columns = batch.columns.map((literal) =>
    literal
      .slice(1, -1)
      .split(',')
      .map((v) => (v === 'NULL' ? null : v.slice(1, -1))),
  );
  const text = (column: number, row: number) => columns[column]![row] ?? null;
  return Array.from({ length: batch.size }, (_, i) => ({
    id: text(0, i)!,
    linkId: text(1, i)!,
    at: new Date(text(2, i)!),
    isBot: text(3, i) === 't',
    isUnique: text(4, i) === 't',
    device: text(5, i),
    os: text(6, i),
    browser: text(7, i),
    referrerDomain: text(8, i),
    visitorHash: text(9, i)!,
    country: text(10, i),
  }));
}

/** A fake database: keeps the clicks of every batch written to it. */
function collecting() {
  const written: ClickRecord[] = [];
  return {
    written,
    write: async (batch: ClickBatch) => {
      written.push(...clicksOf(batch));
      return batch.size;
    },
  };
}

describe('click lines', () => {
  it.each([
    ['a browser', firefox, false, 'DE', 'instagram.com'],
    ['a HEAD without agent', '', true, null, null],
    ['an agent with tabs', 'odd\tagent\r\nname', false, null, null],
  ])('keep %s whole', (_, ua, head, country, referrer) => {
    const parsed = parseClickLine(
      formatClickLine('clk_1', prefix, at, head, 'hash', country, referrer, ua).slice(0, -1),
    );
    expect(parsed).toEqual({
      id: 'clk_1',
      linkId: 'lnk_1',
      at,
      isHead: head,
      visitorHash: 'hash',
      country,
      referrerDomain: referrer,
      userAgent: ua.replace(/[\t\r\n]/g, ' '),
    });
  });

  it('read lines of version 1 (written before), which also carried the ids the link has', () => {
    const v1 = `1\tclk_1\tlnk_1\tws_1\tamb_1\tprg_1\t${at}\tG\thash\tDE\tinstagram.com\t${firefox}`;
    expect(parseClickLine(v1)).toEqual({
      id: 'clk_1',
      linkId: 'lnk_1',
      at,
      isHead: false,
      visitorHash: 'hash',
      country: 'DE',
      referrerDomain: 'instagram.com',
      userAgent: firefox,
    });
  });

  it.each([
    ['a line cut short', line('clk_1').slice(0, 30)],
    ['another version', line('clk_1').replace(/^2/, '3').slice(0, -1)],
    ['a version 1 line without its three ids', line('clk_1').replace(/^2/, '1').slice(0, -1)],
    ['a bad time', line('clk_1').replace(String(at), 'soon').slice(0, -1)],
    ['an empty line', ''],
  ])('refuse %s', (_, text) => {
    expect(parseClickLine(text)).toBeNull();
  });
});

describe('ClickJournal', () => {
  it('commits appended lines (one at a time or several at once) to a segment, and seals it for the importer', async () => {
    const dir = tempDir();
    const journal = new ClickJournal({ dir, commitIntervalMs: 5 });
    journal.append(line('clk_1') + line('clk_2'), 2);
    expect(journal.waiting).toBe(2);
    await journal.commit();
    expect(journal.waiting).toBe(0);
    expect(journal.stats).toMatchObject({ appended: 2, durable: 2 });
    expect(journal.sealedSegments()).toEqual([]);
    const sealed = await journal.seal();
    expect(sealed).toHaveLength(1);
    expect(readFileSync(sealed[0] as string, 'latin1')).toBe(line('clk_1') + line('clk_2'));
    // The next click starts a new segment.
    journal.append(line('clk_3'));
    expect(await journal.seal()).toHaveLength(2);
  });

  it('commits on its own after the interval', async () => {
    const journal = new ClickJournal({ dir: tempDir(), commitIntervalMs: 5 });
    journal.append(line('clk_1'));
    await vi.waitFor(() => expect(journal.stats.durable).toBe(1), { timeout: 5_000 });
  });

  it('starts a new segment past the size limit', async () => {
    const dir = tempDir();
    const journal = new ClickJournal({ dir, segmentBytes: 200 });
    for (let i = 0; i < 3; i++) {
      journal.append(line(`clk_${i}`));
      await journal.commit();
    }
    // Two lines pass 200 bytes: that segment is closed, the third line opens the next.
    expect(journal.sealedSegments()).toHaveLength(1);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('keeps the clicks of a failed write for the next commit, and drops the oldest beyond its limit', async () => {
    const parent = tempDir();
    const dir = join(parent, 'clicks');
    const errors: number[] = [];
    const drops: number[] = [];
    const journal = new ClickJournal({
      dir,
      maxPending: 1,
      onError: (_, waiting) => errors.push(waiting),
      onDrop: (n) => drops.push(n),
    });
    // The directory turns into a file: nothing can be written.
    rmSync(dir, { recursive: true });
    writeFileSync(dir, '');
    journal.append(line('clk_1'));
    await journal.commit();
    expect(journal.stats.failedWrites).toBe(1);
    expect(journal.waiting).toBe(1);
    expect(errors).toEqual([1]);
    journal.append('x'.repeat(300 * 1024)); // a chunk of its own: the first one is over the limit
    await journal.commit();
    expect(drops).toEqual([1]);
    expect(journal.stats.dropped).toBe(1);
    rmSync(dir);
    mkdirSync(dir);
    await journal.commit();
    expect(journal.waiting).toBe(0);
    expect(journal.stats.durable).toBe(1);
  });

  it('adopts the quiet segments of journals that are gone, once, and never a live one’s', async () => {
    const dir = tempDir();
    const live = new ClickJournal({ dir });
    live.append(line('clk_live'));
    await live.seal();
    // Above the largest pid Linux hands out: no such process.
    writeFileSync(join(dir, 'clicks-4194305.abc-1.log'), line('clk_orphan'));
    writeFileSync(join(dir, 'clicks-4194305.abc-2.log'), line('clk_orphan2'));
    // An earlier process that had this pid.
    writeFileSync(join(dir, `clicks-${process.pid}.zzz-1.log`), line('clk_earlier'));
    const journal = new ClickJournal({ dir });
    // Not while they may still be written to.
    expect(journal.adoptOrphans()).toBe(0);
    const later = Date.now() + 31_000;
    expect(journal.adoptOrphans(later)).toBe(3);
    expect(new ClickJournal({ dir }).adoptOrphans(later)).toBe(0);
    const adopted = journal.sealedSegments().map((p) => readFileSync(p, 'latin1'));
    expect(adopted.sort()).toEqual([line('clk_earlier'), line('clk_orphan'), line('clk_orphan2')]);
    expect(live.sealedSegments().map((p) => readFileSync(p, 'latin1'))).toEqual([line('clk_live')]);
  });

  it('gives back the lines the disk refused when it closes', async () => {
    const parent = tempDir();
    const dir = join(parent, 'clicks');
    const journal = new ClickJournal({ dir, onError: () => {} });
    rmSync(dir, { recursive: true });
    writeFileSync(dir, '');
    journal.append(line('clk_1'));
    journal.append(line('clk_2'));
    await journal.close(1);
    expect(journal.takeWaiting()).toEqual([line('clk_1').slice(0, -1), line('clk_2').slice(0, -1)]);
    expect(journal.waiting).toBe(0);
  });
});

/** Imports a segment with `content` left by a process that is gone; what was written and skipped. */
async function importOrphan(content: string) {
  const dir = tempDir();
  const journal = new ClickJournal({ dir });
  const { written, write } = collecting();
  const skipped: number[] = [];
  const importer = new ClickImporter({ journal, write, onSkipped: (n) => skipped.push(n) });
  writeFileSync(join(dir, 'clicks-4194305.abc-1.log'), content);
  journal.adoptOrphans(Date.now() + 31_000);
  await importer.importNow();
  return { written, skipped, importer };
}

describe('ClickImporter', () => {
  it('imports sealed clicks with bot, unique and device flags, then deletes the segment', async () => {
    const dir = tempDir();
    const journal = new ClickJournal({ dir });
    const { written, write } = collecting();
    const importer = new ClickImporter({ journal, write });
    journal.append(line('clk_1', { visitor: 'a' }));
    journal.append(line('clk_2', { visitor: 'a' }));
    journal.append(line('clk_3', { visitor: 'b', head: true }));
    journal.append(line('clk_4', { visitor: 'c', ua: 'Slackbot-LinkExpanding 1.0' }));
    journal.append(line('clk_5', { visitor: 'b' }));
    await importer.importNow();
    expect(written.map((c) => [c.id, c.isBot, c.isUnique])).toEqual([
      ['clk_1', false, true],
      ['clk_2', false, false],
      ['clk_3', true, false],
      ['clk_4', true, false],
      // A bot or HEAD visit does not use up the visitor's first click.
      ['clk_5', false, true],
    ]);
    expect(written[0]).toMatchObject({
      linkId: 'lnk_1',
      at: new Date(at),
      browser: 'Firefox',
      os: 'Linux',
      device: 'desktop',
    });
    expect(readdirSync(dir)).toEqual([]);
    expect(importer.stats.imported).toBe(5);
  });

  it('keeps a segment whose write failed and retries it with the same flags', async () => {
    const dir = tempDir();
    const journal = new ClickJournal({ dir });
    let failing = true;
    const { written, write } = collecting();
    const errors: string[] = [];
    const importer = new ClickImporter({
      journal,
      write: async (clicks) => {
        if (failing) throw new Error('database away');
        return write(clicks);
      },
      onError: (error) => errors.push((error as Error).message),
    });
    journal.append(line('clk_1', { visitor: 'a' }));
    await expect(importer.importNow()).rejects.toThrow('database away');
    expect(readdirSync(dir)).toHaveLength(1);
    failing = false;
    await importer.importNow();
    expect(written.map((c) => [c.id, c.isUnique])).toEqual([['clk_1', true]]);
    expect(errors).toEqual(['database away']);
    expect(importer.stats.failedImports).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('imports a segment batch by batch, and after a failed batch goes on from it with its flags', async () => {
    const dir = tempDir();
    const journal = new ClickJournal({ dir });
    const { written, write } = collecting();
    let calls = 0;
    const importer = new ClickImporter({
      journal,
      batchSize: 2,
      write: async (clicks) => {
        if (++calls === 2) throw new Error('database away');
        return write(clicks);
      },
    });
    for (const [id, visitor] of [
      ['clk_1', 'a'],
      ['clk_2', 'b'],
      ['clk_3', 'c'],
      ['clk_4', 'c'],
      ['clk_5', 'a'],
    ] as const)
      journal.append(line(id, { visitor }));
    await expect(importer.importNow()).rejects.toThrow('database away');
    expect(written.map((c) => c.id)).toEqual(['clk_1', 'clk_2']);
    await importer.importNow();
    expect(written.map((c) => [c.id, c.isUnique])).toEqual([
      ['clk_1', true],
      ['clk_2', true],
      ['clk_3', true],
      ['clk_4', false],
      ['clk_5', false],
    ]);
    expect(calls).toBe(4);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('skips lines it cannot read and imports the rest', async () => {
    const { written, skipped, importer } = await importOrphan(`${line('clk_1')}1\tclk_2\tcut\n`);
    expect(written.map((c) => c.id)).toEqual(['clk_1']);
    expect(skipped).toEqual([1]);
    await importer.stop();
  });

  it('does not import a last line cut short, even one with all its fields', async () => {
    const { written, skipped } = await importOrphan(`${line('clk_1')}${line('clk_2').slice(0, -10)}`);
    expect(written.map((c) => c.id)).toEqual(['clk_1']);
    expect(skipped).toEqual([1]);
  });

  it('sets aside a segment the database refuses for its data, and goes on with the next', async () => {
    const dir = tempDir();
    const journal = new ClickJournal({ dir });
    const { written, write } = collecting();
    const quarantined: string[] = [];
    const importer = new ClickImporter({
      journal,
      write: async (clicks) => {
        if (clicksOf(clicks).some((c) => c.id === 'clk_bad'))
          throw Object.assign(new Error('value out of range'), { code: '22008' });
        return write(clicks);
      },
      onQuarantined: (_, segment) => quarantined.push(segment),
      onError: () => {},
    });
    journal.append(line('clk_bad'));
    await journal.seal();
    journal.append(line('clk_good'));
    for (let i = 0; i < 2; i++) await expect(importer.importNow()).rejects.toThrow('value out of range');
    await importer.importNow();
    expect(quarantined).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([`${quarantined[0]?.split('/').at(-1)}.bad`]);
    expect(written.map((c) => c.id)).toEqual(['clk_good']);
  });

  it('writes the lines the disk refused straight to the database on stop', async () => {
    const parent = tempDir();
    const dir = join(parent, 'clicks');
    const journal = new ClickJournal({ dir, onError: () => {} });
    const { written, write } = collecting();
    const importer = new ClickImporter({ journal, write });
    rmSync(dir, { recursive: true });
    writeFileSync(dir, '');
    journal.append(line('clk_1'));
    expect(await importer.stop(1)).toEqual({ segments: 0, unwritten: 0 });
    expect(written.map((c) => c.id)).toEqual(['clk_1']);
  });

  it('waits while the process is busy, but not longer than the most lag', async () => {
    const journal = new ClickJournal({ dir: tempDir() });
    const { written, write } = collecting();
    let now = 1_000;
    // Busy all the time: only the lag can start an import.
    const importer = new ClickImporter({
      journal,
      write,
      busyUtilization: -1,
      maxLagMs: 10_000,
      tickMs: 5,
      now: () => now,
    });
    importer.start();
    journal.append(line('clk_1'));
    await new Promise((r) => setTimeout(r, 40));
    expect(written).toEqual([]);
    now += 10_000;
    await vi.waitFor(() => expect(written.map((c) => c.id)).toEqual(['clk_1']), { timeout: 5_000 });
    await importer.stop();
  });

  it('imports at once when the process is idle, and everything on stop', async () => {
    const dir = tempDir();
    const journal = new ClickJournal({ dir });
    const { written, write } = collecting();
    const importer = new ClickImporter({ journal, write, busyUtilization: 2, tickMs: 5 });
    importer.start();
    journal.append(line('clk_1'));
    await vi.waitFor(() => expect(written.map((c) => c.id)).toEqual(['clk_1']), { timeout: 5_000 });
    journal.append(line('clk_2'));
    expect(await importer.stop()).toEqual({ segments: 0, unwritten: 0 });
    expect(written.map((c) => c.id)).toEqual(['clk_1', 'clk_2']);
    expect(readdirSync(dir)).toEqual([]);
  });
});

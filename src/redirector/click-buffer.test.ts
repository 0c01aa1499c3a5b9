import { describe, expect, it } from 'vitest';
import type { ClickRecord } from '../server/modules/links/clicks.service';
import { ClickBuffer } from './click-buffer';

const clickNo = (n: number) => ({ id: `clk_${n}` }) as ClickRecord;

describe('ClickBuffer', () => {
  it('writes a full batch at once and the rest after the interval', async () => {
    const writes: string[][] = [];
    const buffer = new ClickBuffer({
      write: async (clicks) => void writes.push(clicks.map((c) => c.id)),
      batchSize: 3,
      intervalMs: 20,
    });
    for (let i = 1; i <= 4; i++) buffer.push(clickNo(i));
    await buffer.flush();
    expect(writes[0]).toEqual(['clk_1', 'clk_2', 'clk_3']);
    await new Promise((r) => setTimeout(r, 60));
    expect(writes.flat()).toEqual(['clk_1', 'clk_2', 'clk_3', 'clk_4']);
    expect(buffer.stats).toMatchObject({ recorded: 4, written: 4 });
  });

  it('keeps the clicks of a failed write, in order, for the next try', async () => {
    let failing = true;
    const written: string[] = [];
    const errors: number[] = [];
    const buffer = new ClickBuffer({
      write: async (clicks) => {
        if (failing) throw new Error('database away');
        written.push(...clicks.map((c) => c.id));
      },
      batchSize: 100,
      intervalMs: 5,
      onError: (_e, pending) => errors.push(pending),
    });
    buffer.push(clickNo(1));
    buffer.push(clickNo(2));
    await buffer.flush();
    buffer.push(clickNo(3));
    expect(buffer.size).toBe(3);
    expect(errors[0]).toBe(2);
    failing = false;
    expect(await buffer.stop()).toBe(0);
    expect(written).toEqual(['clk_1', 'clk_2', 'clk_3']);
    expect(buffer.stats).toMatchObject({ written: 3, dropped: 0 });
  });

  it('stays bounded while writes keep failing, dropping the oldest and saying so', async () => {
    const dropped: number[] = [];
    const buffer = new ClickBuffer({
      write: async () => {
        throw new Error('still away');
      },
      batchSize: 1_000,
      maxPending: 5,
      onDrop: (n) => dropped.push(n),
    });
    for (let i = 1; i <= 8; i++) buffer.push(clickNo(i));
    await buffer.flush();
    expect(buffer.size).toBe(5);
    expect(dropped).toEqual([3]);
    expect(await buffer.stop(2)).toBe(5);
  });
});

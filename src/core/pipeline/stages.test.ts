import { describe, expect, it } from 'vitest';
import { checkTransition, type Stage } from './stages';

describe('checkTransition', () => {
  const cases: Array<{
    name: string;
    from: Stage;
    to: Stage;
    capacity: number | null;
    seatsTaken: number;
    expect: { ok: boolean; to?: Stage; reason?: RegExp };
  }> = [
    {
      name: 'prospect → invited',
      from: 'prospect',
      to: 'invited',
      capacity: null,
      seatsTaken: 0,
      expect: { ok: true, to: 'invited' },
    },
    {
      name: 'in review → accepted with room',
      from: 'in_review',
      to: 'accepted',
      capacity: 3,
      seatsTaken: 2,
      expect: { ok: true, to: 'accepted' },
    },
    {
      name: 'in review → accepted when full waitlists',
      from: 'in_review',
      to: 'accepted',
      capacity: 3,
      seatsTaken: 3,
      expect: { ok: true, to: 'waitlisted', reason: /full \(3 of 3/ },
    },
    {
      name: 'unlimited capacity never waitlists',
      from: 'applied',
      to: 'accepted',
      capacity: null,
      seatsTaken: 500,
      expect: { ok: true, to: 'accepted' },
    },
    {
      name: 'paused → active keeps its seat',
      from: 'paused',
      to: 'active',
      capacity: 1,
      seatsTaken: 1,
      expect: { ok: true, to: 'active' },
    },
    {
      name: 'prospect → active is illegal',
      from: 'prospect',
      to: 'active',
      capacity: null,
      seatsTaken: 0,
      expect: {
        ok: false,
        reason: /Cannot move from "Prospect" to "Active"\. Allowed next stages: "Invited"/,
      },
    },
    {
      name: 'offboarded → active is illegal',
      from: 'offboarded',
      to: 'active',
      capacity: null,
      seatsTaken: 0,
      expect: { ok: false, reason: /Allowed next stages: "Prospect"/ },
    },
    {
      name: 'same stage is refused',
      from: 'active',
      to: 'active',
      capacity: null,
      seatsTaken: 0,
      expect: { ok: false, reason: /Already in stage/ },
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const result = checkTransition(c);
      expect(result.ok).toBe(c.expect.ok);
      if (result.ok && c.expect.to) expect(result.to).toBe(c.expect.to);
      if (c.expect.reason) expect('reason' in result ? result.reason : '').toMatch(c.expect.reason);
    });
  }
});

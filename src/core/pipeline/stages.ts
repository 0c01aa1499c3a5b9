// The ambassador lifecycle (PRODUCT R6): which stage may follow which, and which stages fill a cohort seat.

export const stages = [
  'prospect',
  'invited',
  'applied',
  'in_review',
  'accepted',
  'onboarding',
  'active',
  'paused',
  'offboarded',
  'declined',
  'waitlisted',
] as const;

export type Stage = (typeof stages)[number];

export const stageLabels: Record<Stage, string> = {
  prospect: 'Prospect',
  invited: 'Invited',
  applied: 'Applied',
  in_review: 'In review',
  accepted: 'Accepted',
  onboarding: 'Onboarding',
  active: 'Active',
  paused: 'Paused',
  offboarded: 'Offboarded (alumni)',
  declined: 'Declined',
  waitlisted: 'Waitlisted',
};

/** Allowed next stages. Offboarded people are alumni: they come back only as new prospects. */
export const transitions: Record<Stage, readonly Stage[]> = {
  prospect: ['invited', 'applied', 'declined'],
  invited: ['applied', 'declined', 'prospect'],
  applied: ['in_review', 'accepted', 'waitlisted', 'declined'],
  in_review: ['accepted', 'waitlisted', 'declined'],
  waitlisted: ['in_review', 'accepted', 'declined'],
  accepted: ['onboarding', 'offboarded'],
  onboarding: ['active', 'paused', 'offboarded'],
  active: ['paused', 'offboarded'],
  paused: ['active', 'offboarded'],
  offboarded: ['prospect'],
  declined: ['prospect', 'in_review'],
};

/** Stages that occupy one of the program's capacity seats. */
export const seatStages: readonly Stage[] = ['accepted', 'onboarding', 'active', 'paused'];

export function canTransition(from: Stage, to: Stage): boolean {
  return transitions[from].includes(to);
}

export type TransitionCheck =
  | { ok: true; to: Stage }
  | { ok: false; reason: string }
  | { ok: true; to: 'waitlisted'; waitlistedBecauseFull: true; reason: string };

/**
 * Decides what a requested stage change becomes. Accepting into a full cohort waitlists instead
 * (seed 001: be selective), so the caller learns why rather than silently exceeding capacity.
 */
export function checkTransition(input: {
  from: Stage;
  to: Stage;
  capacity: number | null;
  seatsTaken: number;
}): TransitionCheck {
  const { from, to, capacity, seatsTaken } = input;
  if (from === to) return { ok: false, reason: `Already in stage "${stageLabels[to]}".` };
  if (!canTransition(from, to)) {
    const allowed = transitions[from].map((s) => `"${stageLabels[s]}"`).join(', ');
    return {
      ok: false,
      reason: `Cannot move from "${stageLabels[from]}" to "${stageLabels[to]}". Allowed next stages: ${allowed}.`,
    };
  }
  const takesSeat = seatStages.includes(to) && !seatStages.includes(from);
  if (takesSeat && capacity !== null && seatsTaken >= capacity) {
    if (!canTransition(from, 'waitlisted')) {
      return { ok: false, reason: `The program is full (${seatsTaken} of ${capacity} seats taken).` };
    }
    return {
      ok: true,
      to: 'waitlisted',
      waitlistedBecauseFull: true,
      reason: `The program is full (${seatsTaken} of ${capacity} seats taken), so this person was waitlisted instead of accepted. Raise the capacity or offboard someone to make room.`,
    };
  }
  return { ok: true, to };
}

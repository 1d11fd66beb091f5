import type { ScheduleInput } from './scheduler';

/** A small seeded PRNG (mulberry32): generated days are the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedDayShape {
  contractors: number;
  enterprises: number;
  slots: number;
  tables: number;
  /** Share of contractor × enterprise pairs that match (default 0.3). */
  density?: number;
}

/**
 * A plausible meeting day: contractors with obligations of different sizes, enterprises matching some of them
 * with scores 0.2..1, a third of the registrants arriving late or leaving early, a few wishes, maxMeetings 2..8.
 */
export function generateDay(seed: number, shape: GeneratedDayShape): ScheduleInput {
  const rnd = prng(seed);
  const id = (prefix: string, i: number): string => `${prefix}-${String(i).padStart(4, '0')}`;
  const window = (): number[] => {
    const all = Array.from({ length: shape.slots }, (_, s) => s);
    if (rnd() < 0.67 || shape.slots < 3) return all;
    const from = Math.floor(rnd() * (shape.slots / 2));
    const until = from + 1 + Math.floor(rnd() * (shape.slots - from));
    return all.filter((s) => s >= from && s < until);
  };
  const participants = [
    ...Array.from({ length: shape.contractors }, (_, i) => ({
      organisationId: id('c', i),
      kind: 'contractor' as const,
      slots: window(),
      maxMeetings: 2 + Math.floor(rnd() * 7),
    })),
    ...Array.from({ length: shape.enterprises }, (_, i) => ({
      organisationId: id('e', i),
      kind: 'social_enterprise' as const,
      slots: window(),
      maxMeetings: 2 + Math.floor(rnd() * 7),
    })),
  ];
  const remainingShare = Array.from({ length: shape.contractors }, () => 0.1 + 0.9 * rnd());
  const candidates = [];
  for (let c = 0; c < shape.contractors; c += 1) {
    for (let e = 0; e < shape.enterprises; e += 1) {
      const matches = rnd() < (shape.density ?? 0.3);
      const wished = rnd() < 0.01;
      if (!matches && !wished) continue;
      const score = matches ? 0.2 + 0.8 * rnd() : 0;
      candidates.push({
        contractorId: id('c', c),
        socialEnterpriseId: id('e', e),
        weight: score * remainingShare[c] + (wished ? 0.25 : 0),
      });
    }
  }
  return { slotCount: shape.slots, tables: shape.tables, participants, candidates };
}

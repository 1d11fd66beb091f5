import fc from 'fast-check';
import { buildSchedule, ScheduleInput, ScheduleResult } from './scheduler';
import { generateDay, prng } from './testing.fixtures';

const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const c = (id: string, slots: number[], maxMeetings = 99) => ({
  organisationId: id,
  kind: 'contractor' as const,
  slots,
  maxMeetings,
});
const e = (id: string, slots: number[], maxMeetings = 99) => ({
  organisationId: id,
  kind: 'social_enterprise' as const,
  slots,
  maxMeetings,
});
const pair = (contractorId: string, socialEnterpriseId: string, weight: number) => ({
  contractorId,
  socialEnterpriseId,
  weight,
});

/** Every promise of the schedule, checked independently of the scheduler's own code. */
function violations(input: ScheduleInput, result: ScheduleResult): string[] {
  const out: string[] = [];
  const orgs = new Map(input.participants.map((p) => [p.organisationId, p]));
  const candidates = new Set(input.candidates.map((p) => `${p.contractorId}/${p.socialEnterpriseId}`));
  const seat = new Set<string>();
  const table = new Set<string>();
  const pairs = new Set<string>();
  const count = new Map<string, number>();
  for (const m of result.meetings) {
    const key = `${m.contractorId}/${m.socialEnterpriseId}`;
    if (!candidates.has(key)) out.push(`${key} is not a candidate pair`);
    if (pairs.has(key)) out.push(`${key} meets twice`);
    pairs.add(key);
    if (m.table < 1 || m.table > input.tables) out.push(`table ${m.table} out of range`);
    if (table.has(`${m.slot}/${m.table}`)) out.push(`table ${m.table} double-booked in slot ${m.slot}`);
    table.add(`${m.slot}/${m.table}`);
    for (const id of [m.contractorId, m.socialEnterpriseId]) {
      if (seat.has(`${id}/${m.slot}`)) out.push(`${id} in two meetings in slot ${m.slot}`);
      seat.add(`${id}/${m.slot}`);
      if (!orgs.get(id)?.slots.includes(m.slot)) out.push(`${id} not available in slot ${m.slot}`);
      count.set(id, (count.get(id) ?? 0) + 1);
    }
  }
  for (const [id, n] of count) if (n > orgs.get(id)!.maxMeetings) out.push(`${id} over maxMeetings`);
  return out;
}

/** Exhaustive search over every assignment: the reference optimum for tiny days. */
function bruteForce(input: ScheduleInput): number {
  const orgs = new Map(input.participants.map((p) => [p.organisationId, p]));
  const pairs = input.candidates.filter((p) => p.weight > 0);
  const seat = new Set<string>();
  const used = new Array<number>(input.slotCount).fill(0);
  const count = new Map<string, number>();
  let best = 0;
  const go = (i: number, sum: number): void => {
    if (i === pairs.length) {
      best = Math.max(best, sum);
      return;
    }
    go(i + 1, sum);
    const p = pairs[i];
    const a = orgs.get(p.contractorId)!;
    const b = orgs.get(p.socialEnterpriseId)!;
    if ((count.get(a.organisationId) ?? 0) >= a.maxMeetings) return;
    if ((count.get(b.organisationId) ?? 0) >= b.maxMeetings) return;
    for (const s of a.slots) {
      if (!b.slots.includes(s) || used[s] >= input.tables) continue;
      if (seat.has(`${a.organisationId}/${s}`) || seat.has(`${b.organisationId}/${s}`)) continue;
      seat.add(`${a.organisationId}/${s}`);
      seat.add(`${b.organisationId}/${s}`);
      used[s] += 1;
      count.set(a.organisationId, (count.get(a.organisationId) ?? 0) + 1);
      count.set(b.organisationId, (count.get(b.organisationId) ?? 0) + 1);
      go(i + 1, sum + p.weight);
      seat.delete(`${a.organisationId}/${s}`);
      seat.delete(`${b.organisationId}/${s}`);
      used[s] -= 1;
      count.set(a.organisationId, count.get(a.organisationId)! - 1);
      count.set(b.organisationId, count.get(b.organisationId)! - 1);
    }
  };
  go(0, 0);
  return best;
}

function shuffled<T>(items: T[], seed: number): T[] {
  const rnd = prng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('buildSchedule', () => {
  it.each<[string, ScheduleInput, number, number]>([
    [
      'the greedy trap: the best pair blocks two good ones (1 slot, 2 tables)',
      {
        slotCount: 1,
        tables: 2,
        participants: [c('C1', [0]), c('C2', [0]), e('E1', [0]), e('E2', [0])],
        candidates: [pair('C1', 'E1', 0.9), pair('C1', 'E2', 0.8), pair('C2', 'E1', 0.85)],
      },
      1.65,
      2,
    ],
    [
      'one table: only the best meeting of the slot',
      {
        slotCount: 1,
        tables: 1,
        participants: [c('C1', [0]), c('C2', [0]), e('E1', [0]), e('E2', [0])],
        candidates: [pair('C1', 'E1', 0.4), pair('C2', 'E2', 0.7)],
      },
      0.7,
      1,
    ],
    [
      'availability: the late arrival only meets in the last slot',
      {
        slotCount: 3,
        tables: 5,
        participants: [c('C1', all(3)), e('E1', [2]), e('E2', all(3)), e('E3', all(3))],
        candidates: [pair('C1', 'E1', 0.5), pair('C1', 'E2', 0.6), pair('C1', 'E3', 0.7)],
      },
      1.8,
      3,
    ],
    [
      'maxMeetings: the contractor takes its two best',
      {
        slotCount: 4,
        tables: 4,
        participants: [c('C1', all(4), 2), e('E1', all(4)), e('E2', all(4)), e('E3', all(4))],
        candidates: [pair('C1', 'E1', 0.3), pair('C1', 'E2', 0.6), pair('C1', 'E3', 0.5)],
      },
      1.1,
      2,
    ],
    [
      'no common slot: no meeting',
      {
        slotCount: 2,
        tables: 1,
        participants: [c('C1', [0]), e('E1', [1])],
        candidates: [pair('C1', 'E1', 1)],
      },
      0,
      0,
    ],
    [
      'pairs that are not contractor × enterprise are ignored',
      {
        slotCount: 1,
        tables: 2,
        participants: [c('C1', [0]), c('C2', [0]), e('E1', [0])],
        candidates: [pair('C1', 'C2', 1), pair('E1', 'C1', 1), pair('C2', 'E1', 0.2)],
      },
      0.2,
      1,
    ],
  ])('%s', async (_, input, objective, meetings) => {
    const result = await buildSchedule(input);
    expect(violations(input, result)).toEqual([]);
    expect(result.objective).toBeCloseTo(objective, 6);
    expect(result.meetings).toHaveLength(meetings);
    expect(result.gap).toBe(0);
    if (meetings > 0) expect(result.method).toBe('exact');
  });

  it('finds the exhaustive optimum on 40 generated small days, never breaking a constraint', async () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const day = generateDay(seed, { contractors: 3, enterprises: 4, slots: 3, tables: 2, density: 0.6 });
      const result = await buildSchedule(day);
      expect(violations(day, result)).toEqual([]);
      expect(result.objective).toBeCloseTo(bruteForce(day), 5);
    }
  });

  it('never breaks a constraint on random days (property, fixed seed)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 4 }),
        async (seed, contractors, enterprises, slots, tables) => {
          const day = generateDay(seed, { contractors, enterprises, slots, tables, density: 0.5 });
          for (const useSolver of [true, false]) {
            const result = await buildSchedule(day, { useSolver });
            expect(violations(day, result)).toEqual([]);
            expect(result.bound).toBeGreaterThanOrEqual(result.objective - 1e-9);
          }
        },
      ),
      { seed: 20260612, numRuns: 60 },
    );
  });

  it('gives the same schedule for the same input, whatever its order', async () => {
    const day = generateDay(7, { contractors: 10, enterprises: 20, slots: 6, tables: 5 });
    const first = await buildSchedule(day);
    for (const seed of [1, 2, 3]) {
      const again = await buildSchedule({
        ...day,
        participants: shuffled(day.participants, seed),
        candidates: shuffled(day.candidates, seed + 10),
      });
      expect(again).toEqual(first);
    }
  });

  it('is never worse than greedy and proves its bound on a mid-sized day', async () => {
    const day = generateDay(3, { contractors: 15, enterprises: 30, slots: 8, tables: 8 });
    const greedy = await buildSchedule(day, { useSolver: false });
    const exact = await buildSchedule(day);
    expect(violations(day, greedy)).toEqual([]);
    expect(violations(day, exact)).toEqual([]);
    expect(exact.objective).toBeGreaterThanOrEqual(greedy.objective - 1e-9);
    expect(greedy.bound).toBeGreaterThanOrEqual(exact.objective - 1e-9);
    expect(exact.method).toBe('exact');
  });

  it('stopped early, keeps the greedy start and reports a proven bound', async () => {
    const day = generateDay(1, { contractors: 12, enterprises: 24, slots: 6, tables: 6 });
    const greedy = await buildSchedule(day, { useSolver: false });
    const limited = await buildSchedule(day, { maxNodes: 0 });
    expect(violations(day, limited)).toEqual([]);
    expect(limited.objective).toBeGreaterThanOrEqual(greedy.objective - 1e-9);
    expect(limited.bound).toBeGreaterThanOrEqual(limited.objective - 1e-9);
    expect(limited.gap).toBeCloseTo((limited.bound - limited.objective) / limited.bound, 9);
  });

  it('keeps a contractor at one table through the day where it can', async () => {
    const input: ScheduleInput = {
      slotCount: 3,
      tables: 3,
      participants: [c('C1', all(3)), c('C2', all(3)), e('E1', all(3)), e('E2', all(3)), e('E3', all(3))],
      candidates: ['E1', 'E2', 'E3'].flatMap((se) => [pair('C1', se, 0.5), pair('C2', se, 0.5)]),
    };
    const result = await buildSchedule(input);
    expect(result.meetings).toHaveLength(6);
    for (const id of ['C1', 'C2']) {
      expect(new Set(result.meetings.filter((m) => m.contractorId === id).map((m) => m.table)).size).toBe(1);
    }
  });

  it('plans as early in the day as the constraints allow', async () => {
    const input: ScheduleInput = {
      slotCount: 4,
      tables: 1,
      participants: [c('C1', all(4)), c('C2', [2, 3]), e('E1', all(4)), e('E2', all(4))],
      candidates: [pair('C1', 'E1', 0.5), pair('C2', 'E2', 0.5), pair('C1', 'E2', 0.4)],
    };
    const result = await buildSchedule(input);
    expect(violations(input, result)).toEqual([]);
    expect(result.meetings.map((m) => m.slot)).toEqual([0, 1, 2]);
  });

  it('rejects a participant listed twice', async () => {
    await expect(
      buildSchedule({ slotCount: 1, tables: 1, participants: [c('C1', [0]), c('C1', [0])], candidates: [] }),
    ).rejects.toThrow(RangeError);
  });
});

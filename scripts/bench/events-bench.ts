/**
 * npm run bench:events — the meeting-day scheduler on generated days: time and total weight of the exact MILP
 * (HiGHS) against the greedy baseline, and how far greedy lands from the proven optimum.
 *
 *   npm run bench:events -- [--days 5] [--contractors 40] [--enterprises 80] [--slots 12] [--tables 20]
 *                           [--small-days 30]
 */
import { buildSchedule, ScheduleResult } from '../../libs/domain/src/meeting-days/scheduler';
import { generateDay, GeneratedDayShape } from '../../libs/domain/src/meeting-days/testing.fixtures';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const num = (name: string, fallback: number): number => Number(args.get(name) ?? fallback);

const FULL: GeneratedDayShape = {
  contractors: num('contractors', 40),
  enterprises: num('enterprises', 80),
  slots: num('slots', 12),
  tables: num('tables', 20),
};
const SMALL: GeneratedDayShape = { contractors: 6, enterprises: 10, slots: 4, tables: 3, density: 0.5 };

async function timed(
  day: Parameters<typeof buildSchedule>[0],
  useSolver: boolean,
): Promise<ScheduleResult & { ms: number }> {
  const started = process.hrtime.bigint();
  const result = await buildSchedule(day, { useSolver });
  return { ...result, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function compare(shape: GeneratedDayShape, days: number, seed0: number, print: boolean) {
  const rows: { greedyGap: number; exactMs: number; greedyMs: number; proven: boolean; gap: number }[] = [];
  // Load the WebAssembly module once, outside the timings.
  await buildSchedule(generateDay(0, { contractors: 1, enterprises: 1, slots: 1, tables: 1, density: 1 }));
  for (let d = 0; d < days; d += 1) {
    const day = generateDay(seed0 + d, shape);
    const greedy = await timed(day, false);
    const exact = await timed(day, true);
    const greedyGap = exact.bound > 0 ? (exact.bound - greedy.objective) / exact.bound : 0;
    rows.push({
      greedyGap,
      exactMs: exact.ms,
      greedyMs: greedy.ms,
      proven: exact.method === 'exact',
      gap: exact.gap,
    });
    if (print) {
      console.log(
        [
          `seed ${seed0 + d}`,
          `pairs ${day.candidates.length}`,
          `vars ${exact.variables}`,
          `greedy ${greedy.objective.toFixed(3)} (${greedy.meetings.length} meetings, ${greedy.ms.toFixed(0)} ms)`,
          `milp ${exact.objective.toFixed(3)} (${exact.meetings.length} meetings, ${exact.ms.toFixed(0)} ms, ${exact.method}, gap ${pct(exact.gap)})`,
          `greedy below optimum ${pct(greedyGap)}`,
        ].join(' | '),
      );
    }
  }
  return {
    days,
    proven: rows.filter((r) => r.proven).length,
    worstMilpGap: Math.max(...rows.map((r) => r.gap)),
    greedyGapMedian: median(rows.map((r) => r.greedyGap)),
    greedyGapWorst: Math.max(...rows.map((r) => r.greedyGap)),
    exactMsMedian: median(rows.map((r) => r.exactMs)),
    exactMsMax: Math.max(...rows.map((r) => r.exactMs)),
    greedyMsMedian: median(rows.map((r) => r.greedyMs)),
  };
}

async function main(): Promise<void> {
  const days = num('days', 5);
  const small = num('small-days', 30);
  console.log(
    `Full days: ${FULL.contractors} contractors × ${FULL.enterprises} enterprises × ${FULL.slots} slots × ${FULL.tables} tables`,
  );
  const full = await compare(FULL, days, 1, true);
  console.log(full);
  console.log(
    `\nSmall days (${SMALL.contractors} × ${SMALL.enterprises} × ${SMALL.slots} × ${SMALL.tables}): greedy vs exact`,
  );
  console.log(await compare(SMALL, small, 1000, false));
}

void main();

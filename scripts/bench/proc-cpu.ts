/**
 * CPU time read from /proc, for benchmarks: the machine's speed drifts between runs, the work done does not, so
 * CPU seconds compare runs made at different hours.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** User + system CPU seconds a process has used so far (null where there is no /proc or no such process). */
export function processCpuSeconds(pid: number | string | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds used so far by each PostgreSQL process on this machine (null without /proc). */
export function postgresCpu(): Map<string, number> | null {
  const out = new Map<string, number>();
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        if (!readFileSync(`/proc/${pid}/stat`, 'utf8').includes('(postgres)')) continue;
      } catch {
        continue; // the process ended
      }
      const cpu = processCpuSeconds(pid);
      if (cpu !== null) out.set(pid, cpu);
    }
    return out;
  } catch {
    return null;
  }
}

/** PostgreSQL's CPU seconds between two readings: what the processes alive at the second used since the first. */
export function postgresCpuBetween(
  a: Map<string, number> | null,
  b: Map<string, number> | null,
): number | null {
  if (!a || !b) return null;
  let total = 0;
  for (const [pid, cpu] of b) total += cpu - (a.get(pid) ?? 0);
  return total;
}

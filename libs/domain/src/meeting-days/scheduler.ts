import type { Highs } from 'highs';

/**
 * The meeting-day scheduler: pure (no Nest, no database). Given the registrants, the candidate pairs and their
 * weights, it assigns pairs to (slot, table) so that the total weight is as large as possible while
 *
 *   - no organisation sits in two meetings in one slot,
 *   - a slot uses at most `tables` tables,
 *   - a meeting lies inside both parties' availability,
 *   - nobody gets more than its `maxMeetings`,
 *   - a pair meets at most once.
 *
 * Method: an exact 0-1 model solved by HiGHS (branch-and-cut, MILP compiled to WebAssembly): one binary x[p,s] per
 * pair p and slot s both parties can make, maximising Σ w_p·x[p,s] under the rows above. The greedy schedule
 * (best weight first, earliest common slot) is handed to HiGHS as its starting incumbent, so the answer is never
 * worse than the greedy one. HiGHS stops at a node limit (a clock limit would make the answer depend on the machine's
 * speed; one is kept only as a far-off safety net); it then reports its proven upper bound, so `gap` says how far from the optimum the schedule can
 * be at most. Without HiGHS (or should it fail) the greedy schedule is returned with a combinatorial bound.
 *
 * Determinism: the input is put in a canonical order (ids, then weights rounded to integers) before the model is
 * built, HiGHS runs single-threaded with a fixed seed and a work limit, and tables are numbered by a fixed rule; the
 * same input therefore gives the same schedule, in whatever order it was given.
 */

export interface ScheduleParticipant {
  organisationId: string;
  kind: 'contractor' | 'social_enterprise';
  /** Indexes (0-based) of the slots the organisation can attend. */
  slots: number[];
  maxMeetings: number;
}

export interface ScheduleCandidate {
  contractorId: string;
  socialEnterpriseId: string;
  /** Objective weight, ≥ 0 (the match score weighted by the remaining amount, plus any wish bonus). */
  weight: number;
}

export interface ScheduleInput {
  slotCount: number;
  tables: number;
  participants: ScheduleParticipant[];
  candidates: ScheduleCandidate[];
}

export interface ScheduledMeeting {
  contractorId: string;
  socialEnterpriseId: string;
  /** 0-based slot index. */
  slot: number;
  /** 1..tables. */
  table: number;
  weight: number;
}

export type ScheduleMethod = 'exact' | 'milp_limit' | 'greedy';

export interface ScheduleResult {
  meetings: ScheduledMeeting[];
  /** Σ weights of the scheduled meetings. */
  objective: number;
  /** A proven upper bound on the best possible objective (equal to `objective` when optimal). */
  bound: number;
  /** (bound − objective) / bound: 0 when proven optimal. */
  gap: number;
  method: ScheduleMethod;
  /** Binary variables of the model (pair × common slot). */
  variables: number;
}

export interface ScheduleOptions {
  /** `false` skips HiGHS (the greedy baseline, used by the benchmark). */
  useSolver?: boolean;
  /** Branch-and-bound node limit: the deterministic work limit. */
  maxNodes?: number;
  /** Stop when proven within this relative gap. */
  relativeGap?: number;
  /** Wall-clock safety limit for HiGHS (seconds). */
  timeLimitSeconds?: number;
}

/** Weights become integers of this many units before solving, so ties and sums are exact. */
const WEIGHT_SCALE = 1_000_000;

interface Pair {
  c: number;
  e: number;
  w: number;
  slots: number[];
}

interface Canonical {
  slotCount: number;
  tables: number;
  orgs: ScheduleParticipant[];
  maxOf: number[];
  pairs: Pair[];
}

export async function buildSchedule(
  input: ScheduleInput,
  options: ScheduleOptions = {},
): Promise<ScheduleResult> {
  const model = canonical(input);
  const greedy = greedySchedule(model);
  if (options.useSolver === false || model.pairs.length === 0) return finish(model, greedy, null, 'greedy');
  let highs: Highs;
  try {
    highs = await loadHighs();
  } catch {
    return finish(model, greedy, null, 'greedy');
  }
  const solved = solveExact(highs, model, greedy, options);
  if (!solved) return finish(model, greedy, null, 'greedy');
  return finish(model, solved.assignment, solved.bound, solved.optimal ? 'exact' : 'milp_limit');
}

let highsPromise: Promise<Highs> | null = null;

function loadHighs(): Promise<Highs> {
  if (!highsPromise) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loader = require('highs') as (opts?: object) => Promise<Highs>;
    highsPromise = loader().catch((err: unknown) => {
      highsPromise = null;
      throw err;
    });
  }
  return highsPromise;
}

/** Drops what cannot be scheduled and orders everything by id, so input order never matters. */
function canonical(input: ScheduleInput): Canonical {
  if (!Number.isInteger(input.slotCount) || input.slotCount < 0)
    throw new RangeError('slotCount must be ≥ 0');
  if (!Number.isInteger(input.tables) || input.tables < 0) throw new RangeError('tables must be ≥ 0');
  const byId = new Map<string, ScheduleParticipant>();
  for (const p of input.participants) {
    if (byId.has(p.organisationId)) throw new RangeError(`participant ${p.organisationId} listed twice`);
    byId.set(p.organisationId, p);
  }
  const orgs = [...byId.values()].sort((a, b) => cmp(a.organisationId, b.organisationId));
  const index = new Map(orgs.map((o, i) => [o.organisationId, i]));
  const slotSets = orgs.map(
    (o) => new Set(o.slots.filter((s) => Number.isInteger(s) && s >= 0 && s < input.slotCount)),
  );
  const maxOf = orgs.map((o) => Math.max(0, Math.floor(o.maxMeetings)));
  const best = new Map<string, Pair>();
  for (const cand of input.candidates) {
    const c = index.get(cand.contractorId);
    const e = index.get(cand.socialEnterpriseId);
    if (c === undefined || e === undefined) continue;
    if (orgs[c].kind !== 'contractor' || orgs[e].kind !== 'social_enterprise') continue;
    const w = Math.round(Math.max(0, cand.weight) * WEIGHT_SCALE);
    if (w <= 0 || maxOf[c] === 0 || maxOf[e] === 0) continue;
    const slots = [...slotSets[c]].filter((s) => slotSets[e].has(s)).sort((a, b) => a - b);
    if (slots.length === 0) continue;
    const key = `${c}/${e}`;
    const seen = best.get(key);
    if (!seen || seen.w < w) best.set(key, { c, e, w, slots });
  }
  const pairs = [...best.values()].sort((a, b) => a.c - b.c || a.e - b.e);
  return { slotCount: input.slotCount, tables: input.tables, orgs, maxOf, pairs };
}

/** assignment[p] = slot of pair p, or -1. */
type Assignment = Int32Array;

/** Best weight first (ties by pair order), each into the earliest slot where both parties and a table are free. */
function greedySchedule(m: Canonical): Assignment {
  const assignment = new Int32Array(m.pairs.length).fill(-1);
  const busy = new Set<number>();
  const used = new Int32Array(m.slotCount);
  const count = new Int32Array(m.orgs.length);
  const order = m.pairs.map((_, i) => i).sort((a, b) => m.pairs[b].w - m.pairs[a].w || a - b);
  for (const p of order) {
    const { c, e, slots } = m.pairs[p];
    if (count[c] >= m.maxOf[c] || count[e] >= m.maxOf[e]) continue;
    const s = slots.find(
      (slot) =>
        used[slot] < m.tables && !busy.has(c * m.slotCount + slot) && !busy.has(e * m.slotCount + slot),
    );
    if (s === undefined) continue;
    assignment[p] = s;
    used[s] += 1;
    count[c] += 1;
    count[e] += 1;
    busy.add(c * m.slotCount + s);
    busy.add(e * m.slotCount + s);
  }
  return assignment;
}

function solveExact(
  highs: Highs,
  m: Canonical,
  start: Assignment,
  options: ScheduleOptions,
): { assignment: Assignment; bound: number; optimal: boolean } | null {
  // Columns: one per (pair, common slot), in pair order then slot order.
  const colPair: number[] = [];
  const colSlot: number[] = [];
  m.pairs.forEach((p, i) =>
    p.slots.forEach((s) => {
      colPair.push(i);
      colSlot.push(s);
    }),
  );
  const numCols = colPair.length;
  // Rows: pair-once, organisation-in-slot, tables-per-slot, max-meetings-per-organisation.
  const rowUpper: number[] = [];
  const pairRow = m.pairs.map(() => rowUpper.push(1) - 1);
  const orgSlotRow = new Map<number, number>();
  const orgSlot = (o: number, s: number): number => {
    const key = o * m.slotCount + s;
    let r = orgSlotRow.get(key);
    if (r === undefined) {
      r = rowUpper.push(1) - 1;
      orgSlotRow.set(key, r);
    }
    return r;
  };
  const slotRow = Array.from({ length: m.slotCount }, () => rowUpper.push(m.tables) - 1);
  const maxRow = m.orgs.map((_, o) => rowUpper.push(m.maxOf[o]) - 1);
  const starts = new Int32Array(numCols + 1);
  const indices: number[] = [];
  const colCost = new Float64Array(numCols);
  for (let j = 0; j < numCols; j += 1) {
    const p = m.pairs[colPair[j]];
    const s = colSlot[j];
    const rows = [
      pairRow[colPair[j]],
      orgSlot(p.c, s),
      orgSlot(p.e, s),
      slotRow[s],
      maxRow[p.c],
      maxRow[p.e],
    ];
    indices.push(...rows.sort((a, b) => a - b));
    starts[j + 1] = indices.length;
    colCost[j] = p.w;
  }
  const numRows = rowUpper.length;
  const model = highs.createModel();
  try {
    model.options.set({
      output_flag: false,
      random_seed: 0,
      mip_rel_gap: options.relativeGap ?? 1e-6,
      mip_max_nodes: options.maxNodes ?? 2000,
      // A safety net only: on the days measured (40 × 80 × 12 × 20) HiGHS proves the optimum in 1–8 s, long
      // before this; should it ever bind, the result is the best found and its gap is reported.
      time_limit: options.timeLimitSeconds ?? 60,
    });
    model.passModel({
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost,
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(1),
      rowLower: new Float64Array(numRows),
      rowUpper: Float64Array.from(rowUpper),
      matrix: {
        format: 'csc',
        numRows,
        numCols,
        starts,
        indices: Int32Array.from(indices),
        values: new Float64Array(indices.length).fill(1),
      },
      integrality: new Int32Array(numCols).fill(1),
    });
    const startValues = new Float64Array(numCols);
    for (let j = 0; j < numCols; j += 1) if (start[colPair[j]] === colSlot[j]) startValues[j] = 1;
    model.setSolution({ colValue: startValues });
    const run = model.run();
    const status = run.modelStatus;
    const optimal = status === highs.constants.modelStatus.optimal;
    const values = model.getSolution().colValue;
    const assignment = new Int32Array(m.pairs.length).fill(-1);
    for (let j = 0; j < numCols; j += 1) if (values[j] > 0.5) assignment[colPair[j]] = colSlot[j];
    if (!isFeasible(m, assignment)) return null;
    const objective = weightOf(m, assignment);
    if (objective < weightOf(m, start)) return null;
    const dual = Number(model.info.get('mip_dual_bound'));
    const bound = optimal
      ? objective
      : Number.isFinite(dual)
        ? Math.max(objective, Math.floor(dual + 1e-6))
        : null;
    return { assignment, bound: bound ?? upperBound(m), optimal };
  } catch {
    return null;
  } finally {
    model.dispose();
  }
}

function weightOf(m: Canonical, a: Assignment): number {
  let sum = 0;
  a.forEach((s, p) => {
    if (s >= 0) sum += m.pairs[p].w;
  });
  return sum;
}

/** Re-checks every constraint on the solver's answer (a floating-point solver is trusted only after checking). */
function isFeasible(m: Canonical, a: Assignment): boolean {
  const busy = new Set<number>();
  const used = new Int32Array(m.slotCount);
  const count = new Int32Array(m.orgs.length);
  for (let p = 0; p < a.length; p += 1) {
    const s = a[p];
    if (s < 0) continue;
    const { c, e, slots } = m.pairs[p];
    if (!slots.includes(s)) return false;
    for (const o of [c, e]) {
      const key = o * m.slotCount + s;
      if (busy.has(key)) return false;
      busy.add(key);
      count[o] += 1;
      if (count[o] > m.maxOf[o]) return false;
    }
    used[s] += 1;
    if (used[s] > m.tables) return false;
  }
  return true;
}

/**
 * A bound without a solver: no schedule beats the best `capacity` weights of each side's organisations (each
 * organisation meets at most min(maxMeetings, its slots) times), nor the best tables × slots weights overall.
 */
function upperBound(m: Canonical): number {
  const top = (ws: number[], k: number): number =>
    ws
      .sort((a, b) => b - a)
      .slice(0, Math.max(0, k))
      .reduce((s, w) => s + w, 0);
  const perOrg = m.orgs.map(() => [] as number[]);
  for (const p of m.pairs) {
    perOrg[p.c].push(p.w);
    perOrg[p.e].push(p.w);
  }
  const capacity = (o: number): number => Math.min(m.maxOf[o], m.orgs[o].slots.length);
  let contractors = 0;
  let enterprises = 0;
  m.orgs.forEach((org, o) => {
    const t = top([...perOrg[o]], capacity(o));
    if (org.kind === 'contractor') contractors += t;
    else enterprises += t;
  });
  const overall = top(
    m.pairs.map((p) => p.w),
    m.tables * m.slotCount,
  );
  return Math.min(contractors, enterprises, overall);
}

/**
 * Moves meetings into earlier slots where both parties and a table are free: the same meetings (so the same
 * objective), a shorter day for those who can leave early. Among equally good schedules the solver picks any; this
 * pass, run in a fixed order, makes the pick compact.
 */
function compact(m: Canonical, a: Assignment): Assignment {
  const out = Int32Array.from(a);
  const busy = new Set<number>();
  const used = new Int32Array(m.slotCount);
  out.forEach((s, p) => {
    if (s < 0) return;
    busy.add(m.pairs[p].c * m.slotCount + s);
    busy.add(m.pairs[p].e * m.slotCount + s);
    used[s] += 1;
  });
  for (let target = 0; target < m.slotCount; target += 1) {
    const later = [...out.keys()].filter((p) => out[p] > target).sort((x, y) => out[x] - out[y] || x - y);
    for (const p of later) {
      const { c, e, slots } = m.pairs[p];
      if (used[target] >= m.tables || !slots.includes(target)) continue;
      if (busy.has(c * m.slotCount + target) || busy.has(e * m.slotCount + target)) continue;
      const from = out[p];
      busy.delete(c * m.slotCount + from);
      busy.delete(e * m.slotCount + from);
      used[from] -= 1;
      busy.add(c * m.slotCount + target);
      busy.add(e * m.slotCount + target);
      used[target] += 1;
      out[p] = target;
    }
  }
  return out;
}

function finish(
  m: Canonical,
  solved: Assignment,
  bound: number | null,
  method: ScheduleMethod,
): ScheduleResult {
  const a = compact(m, solved);
  const objectiveUnits = weightOf(m, a);
  const boundUnits = Math.max(objectiveUnits, bound ?? upperBound(m));
  const meetings = assignTables(m, a);
  return {
    meetings,
    objective: objectiveUnits / WEIGHT_SCALE,
    bound: boundUnits / WEIGHT_SCALE,
    gap: boundUnits === 0 ? 0 : (boundUnits - objectiveUnits) / boundUnits,
    method,
    variables: m.pairs.reduce((s, p) => s + p.slots.length, 0),
  };
}

/**
 * Tables are interchangeable for the objective; a contractor keeps one table through the day where it can (its
 * first table), so social enterprises walk and contractors stay put.
 */
function assignTables(m: Canonical, a: Assignment): ScheduledMeeting[] {
  const home = new Map<number, number>();
  const out: ScheduledMeeting[] = [];
  for (let s = 0; s < m.slotCount; s += 1) {
    const inSlot = [...a.keys()].filter((p) => a[p] === s).sort((x, y) => m.pairs[x].c - m.pairs[y].c);
    const taken = new Set<number>();
    const waiting: number[] = [];
    for (const p of inSlot) {
      const h = home.get(m.pairs[p].c);
      if (h !== undefined && !taken.has(h)) {
        taken.add(h);
        out.push(meeting(m, p, s, h));
      } else waiting.push(p);
    }
    let next = 1;
    for (const p of waiting) {
      while (taken.has(next)) next += 1;
      taken.add(next);
      if (!home.has(m.pairs[p].c)) home.set(m.pairs[p].c, next);
      out.push(meeting(m, p, s, next));
    }
  }
  return out.sort((x, y) => x.slot - y.slot || x.table - y.table);
}

function meeting(m: Canonical, p: number, slot: number, table: number): ScheduledMeeting {
  const pair = m.pairs[p];
  return {
    contractorId: m.orgs[pair.c].organisationId,
    socialEnterpriseId: m.orgs[pair.e].organisationId,
    slot,
    table,
    weight: pair.w / WEIGHT_SCALE,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The cap of candidate generation (the nearest `cap` candidates of a subject) applied to an incremental re-score,
 * pure. The stored set S was the top `cap` of all candidates by `byKey`; the changed offerings D are now the
 * candidates D'; every other offering is unchanged. When S was not full it held every candidate, so the new set
 * is the top `cap` of S\D with D'. When S was full, every candidate outside S and D is farther than every row of
 * S\D, so that top `cap` is exact only if it is full and reaches no farther than the farthest row of S\D;
 * otherwise the stored rows cannot tell and the whole set must be scored.
 */

/** A candidate by the order candidate generation caps by: nearest first (unknown distance last), then id. */
export interface Keyed {
  id: string;
  distanceKm: number | null;
}

export function byKey(a: Keyed, b: Keyed): number {
  if (a.distanceKm !== b.distanceKm) {
    if (a.distanceKm == null) return 1;
    if (b.distanceKm == null) return -1;
    return a.distanceKm - b.distanceKm;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether the cap can bind: the stored set was full, or the changed offerings would overfill it. */
export function capMayBind(stored: number, listedChanged: number, candidates: number, cap: number): boolean {
  return stored >= cap || stored - listedChanged + candidates > cap;
}

/**
 * With the cap binding: which of the changed offerings' candidates stay (`keep`) and which stored rows of S\D
 * (`others`, keyed exactly as candidate generation keys them) fall out (`evicted`); null when undecidable.
 *
 * `others` may be only the farthest rows of S\D, at least `candidates.length + 1` of them (or all), with
 * `othersTotal` the size of S\D: the set had at most `cap` rows, so at most `candidates.length` rows can fall
 * out, and those and the new cut are all among the farthest; the nearer rows stay whatever happens.
 */
export function patchAtCap(
  stored: number,
  candidates: Keyed[],
  others: Keyed[],
  cap: number,
  othersTotal: number = others.length,
): { keep: Set<string>; evicted: string[] } | null {
  if (others.length < Math.min(othersTotal, candidates.length + 1)) return null;
  const near = othersTotal - others.length;
  const union = [...others, ...candidates].sort(byKey);
  const cut = Math.max(0, near + union.length - cap);
  if (cut > union.length) return null;
  // The top `cap` of S\D with D' is the near rows, then `union` up to the cut.
  const top = union.slice(0, union.length - cut);
  if (stored >= cap) {
    const farthest = others.reduce<Keyed | null>((f, o) => (!f || byKey(o, f) > 0 ? o : f), null);
    const last = top[top.length - 1];
    if (!farthest || near + top.length < cap || (last && byKey(last, farthest) > 0)) return null;
  }
  const inTop = new Set(top.map((k) => k.id));
  return {
    keep: new Set(candidates.filter((c) => inTop.has(c.id)).map((c) => c.id)),
    evicted: others.filter((o) => !inTop.has(o.id)).map((o) => o.id),
  };
}

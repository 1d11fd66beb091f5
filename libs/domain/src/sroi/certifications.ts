import { compareDates } from './dates';
import type { DatePeriod } from './months';
import { type CertificationFact, type PsoLevel, psoLevelRank } from './policy.types';

/** A certification without a level never satisfies a level requirement: its rank is unknown. */
export function meetsPsoLevel(cert: CertificationFact, required: PsoLevel): boolean {
  return cert.level != null && psoLevelRank(cert.level) >= psoLevelRank(required);
}

export function validOn(cert: CertificationFact, date: string): boolean {
  return (
    compareDates(cert.validFrom, date) <= 0 &&
    (cert.validUntil == null || compareDates(date, cert.validUntil) <= 0)
  );
}

export function validThroughout(cert: CertificationFact, period: DatePeriod): boolean {
  return validOn(cert, period.start) && validOn(cert, period.end);
}

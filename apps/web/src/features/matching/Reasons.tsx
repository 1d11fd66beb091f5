import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';

type Reason = Schemas['MatchReasonDto'];

/** A match's (or opportunity's) reasons as sentences in the current language, with the factor's name. */
export function Reasons({ reasons, title }: { reasons: Reason[]; title: string }) {
  const { locale, term } = useT();
  return (
    <details className="bs-reasons">
      <summary>{title}</summary>
      <ul className="bs-list">
        {reasons.map((r) => (
          <li key={r.factor}>
            <strong>{term('matchFactor', r.factor)}</strong>: {locale === 'nl' ? r.detailNl : r.detail}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Why a supplier would not count: the certification factor's sentence. */
export function notCountingReason(reasons: Reason[], locale: 'nl' | 'en'): string {
  const r = reasons.find((x) => x.factor === 'certification') ?? reasons[0];
  if (!r) return '';
  return locale === 'nl' ? r.detailNl : r.detail;
}

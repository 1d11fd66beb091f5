import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';

type Reason = Schemas['MeetingReasonDto'];

/** The reasons that count (a wish, or a matching factor above zero), strongest first, in the current language. */
export function meetingReasons(reasons: Reason[], locale: 'nl' | 'en'): string[] {
  return reasons
    .filter((r) => r.factor === 'wish' || r.value > 0)
    .sort(
      (a, b) =>
        Number(b.factor === 'wish') - Number(a.factor === 'wish') || b.weight * b.value - a.weight * a.value,
    )
    .map((r) => (locale === 'nl' ? r.detailNl : r.detail));
}

/** Why two organisations meet, as sentences under a summary that opens them. */
export function WhyTheyMeet({ meeting, title }: { meeting: Schemas['MeetingResponseDto']; title?: string }) {
  const { t, locale } = useT();
  const lines = meetingReasons(meeting.reasons, locale);
  if (!lines.length) return null;
  return (
    <details className="bs-reasons">
      <summary>{title ?? t('md.why')}</summary>
      <ul className="bs-list">
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </details>
  );
}

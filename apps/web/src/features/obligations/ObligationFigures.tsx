import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { pct, ProgressBar } from '../../ui/Bits';

type Obligation = Schemas['ObligationResponseDto'];

/** Verified against the amount as a bar, with the verified and claimed shares in words. */
export function ObligationProgress({ o }: { o: Obligation }) {
  const { t } = useT();
  return (
    <ProgressBar
      label={t('obligations.progressText', {
        pct: pct(o.verifiedCents, o.amountCents),
        claimed: pct(o.claimedCents, o.amountCents),
      })}
      value={o.verifiedCents}
      max={o.amountCents}
    />
  );
}

/** An obligation's figures (amount, claimed, verified, remaining, forecast) and its progress. */
export function ObligationFigures({ o }: { o: Obligation }) {
  const { t, money } = useT();
  const figures = [
    ['obligations.amount', o.amountCents],
    ['obligations.claimed', o.claimedCents],
    ['obligations.verified', o.verifiedCents],
    ['obligations.remaining', o.remainingCents],
    ['obligations.forecast', o.forecastCents],
  ] as const;
  return (
    <>
      <dl className="bs-figures">
        {figures.map(([label, cents]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd data-testid={label}>{cents === null ? t('obligations.noForecast') : money(cents)}</dd>
          </div>
        ))}
      </dl>
      <ObligationProgress o={o} />
    </>
  );
}

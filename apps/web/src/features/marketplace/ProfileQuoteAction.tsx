import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { useObligations } from '../obligations/api';
import { QuoteRequestForm, type Choice } from './QuoteRequestForm';

type Obligation = Schemas['ObligationResponseDto'];

/** Obligations a purchase can still help: not yet fulfilled, waived or closed. */
const OPEN: ReadonlySet<Obligation['status']> = new Set(['not_started', 'open', 'on_track', 'at_risk']);

/**
 * "Offerte aanvragen" on a social enterprise's public profile, for a contractor with at least one open obligation
 * (nothing otherwise): for one offering (`offering`), or for the enterprise as a whole (picking among `offerings`).
 * Any published offering will do, whether or not it is among the obligation's matches.
 */
export function ProfileQuoteAction({
  enterpriseName,
  offering,
  offerings,
}: {
  enterpriseName: string;
  offering?: Choice;
  offerings?: Choice[];
}) {
  const { t, date } = useT();
  const list = useObligations();
  const [asking, setAsking] = useState(false);
  const open = (list.data?.items ?? []).filter((o) => OPEN.has(o.status));
  if (open.length === 0 || (!offering && !offerings?.length)) return null;
  const obligations: Choice[] = open.map((o) => ({
    id: o.id,
    label: t('profile.qr.obligationLabel', {
      title: o.tenderTitle || t('profile.qr.untitled'),
      date: date(o.dueDate),
    }),
  }));
  if (asking)
    return (
      <QuoteRequestForm
        match={{ socialEnterpriseName: enterpriseName, offeringId: offering?.id }}
        obligations={obligations}
        offerings={offerings}
        headingLevel={offering ? 4 : 2}
      />
    );
  return (
    <>
      {!offering && <Paragraph>{t('profile.qr.lead')}</Paragraph>}
      <div className="bs-actions">
        <Button
          type="button"
          appearance={offering ? 'secondary-action-button' : 'primary-action-button'}
          aria-label={offering ? `${t('profile.qr.action')}: ${offering.label}` : undefined}
          onClick={() => setAsking(true)}
        >
          {t('profile.qr.action')}
        </Button>
      </div>
    </>
  );
}

import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useT } from '../../i18n/LocaleProvider';
import { SelectField } from '../../ui/Fields';
import { QueryState, RouterLink } from '../../ui/States';
import { useQuoteRequests } from '../marketplace/api';
import { QuoteRequestForm } from '../marketplace/QuoteRequestForm';
import { useObligations } from '../obligations/api';
import { useTenderTitles } from '../tenders/api';
import type { Meeting } from './api';

/**
 * The next step after a meeting that asked for a follow-up, on the contractor's side: a quote request to the
 * enterprise (the marketplace's own form), on the obligation and offering the meeting was about. When the pair
 * met on a wish alone, the contractor picks the obligation and the offering.
 */
export function FollowUp({ meeting, since }: { meeting: Meeting; since: string | null }) {
  const { t, date } = useT();
  const [asking, setAsking] = useState(false);
  const requests = useQuoteRequests();
  // Requests to this enterprise since the schedule was made: the next step may already have been taken.
  const asked = (requests.data?.items ?? []).filter(
    (r) =>
      r.socialEnterpriseId === meeting.socialEnterpriseOrganisationId && (!since || r.createdAt >= since),
  );
  return (
    <div className="bs-preview">
      {asking ? (
        <FollowUpForm meeting={meeting} />
      ) : (
        <>
          <Heading level={4}>{t('md.followUp.title')}</Heading>
          {asked.length > 0 ? (
            <Paragraph>
              {t('md.followUp.asked', { name: meeting.socialEnterpriseName, date: date(asked[0].createdAt) })}{' '}
              <RouterLink to="/contractor/quotes">{t('nav.quotes')}</RouterLink>
            </Paragraph>
          ) : (
            <Paragraph>{t('md.followUp.lead', { name: meeting.socialEnterpriseName })}</Paragraph>
          )}
          <div className="bs-actions">
            <Button
              type="button"
              appearance={asked.length ? 'secondary-action-button' : 'primary-action-button'}
              onClick={() => setAsking(true)}
            >
              {t('md.followUp.request', { name: meeting.socialEnterpriseName })}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

function FollowUpForm({ meeting }: { meeting: Meeting }) {
  const { t } = useT();
  const obligations = useObligations({ fresh: true });
  const open = (obligations.data?.items ?? []).filter((o) => o.applicable && o.status !== 'waived');
  const titles = useTenderTitles(open.map((o) => o.tenderId));
  const [obligationId, setObligationId] = useState(meeting.obligationId ?? '');
  const [offeringId, setOfferingId] = useState(meeting.offeringId ?? meeting.offerings[0]?.id ?? '');
  if (meeting.offerings.length === 0)
    return <Paragraph>{t('md.followUp.noOfferings', { name: meeting.socialEnterpriseName })}</Paragraph>;
  return (
    <QueryState
      query={obligations}
      isEmpty={() => open.length === 0}
      empty={t('md.followUp.noObligations')}
      emptyAction={<RouterLink to="/contractor/obligations">{t('nav.myObligations')}</RouterLink>}
    >
      {() => {
        const chosen = obligationId || (open.length === 1 ? open[0].id : '');
        return (
          <>
            {(!meeting.obligationId || !open.some((o) => o.id === meeting.obligationId)) &&
              open.length > 1 && (
                <SelectField
                  label={t('md.followUp.obligation')}
                  value={obligationId}
                  onChange={setObligationId}
                  options={[
                    { value: '', label: t('md.followUp.choose') },
                    ...open.map((o) => ({
                      value: o.id,
                      label: titles.get(o.tenderId) || t('md.followUp.obligationUntitled'),
                    })),
                  ]}
                />
              )}
            {meeting.offerings.length > 1 && (
              <SelectField
                label={t('md.followUp.offering')}
                value={offeringId}
                onChange={setOfferingId}
                options={meeting.offerings.map((o) => ({ value: o.id, label: o.title }))}
              />
            )}
            {chosen && offeringId ? (
              <QuoteRequestForm
                key={`${chosen}/${offeringId}`}
                obligationId={chosen}
                match={{ offeringId, socialEnterpriseName: meeting.socialEnterpriseName }}
              />
            ) : null}
          </>
        );
      }}
    </QueryState>
  );
}

import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { Status } from '../../ui/Bits';
import { Notice, PageHeading, QueryState } from '../../ui/States';
import { Breakdown } from '../policies/Breakdown';
import { useOwnTenderTitles } from '../tenders/api';
import { useContributions, useObligation } from './api';
import { ContributionCard } from './ContributionCard';
import { ObligationFigures } from './ObligationFigures';

/** One obligation for the buyer: its figures and the contributions to review. */
export function OfficerObligationPage() {
  const { id = '' } = useParams();
  const ob = useObligation(id);
  // Asked beside the obligation, not after it.
  const contributions = useContributions(id);
  return (
    <QueryState query={ob} page>
      {(o) => <OfficerObligation o={o} contributions={contributions} />}
    </QueryState>
  );
}

function OfficerObligation({
  o,
  contributions,
}: {
  o: Schemas['ObligationResponseDto'];
  contributions: ReturnType<typeof useContributions>;
}) {
  const { t, date, termLower } = useT();
  const titles = useOwnTenderTitles();
  return (
    <>
      <PageHeading>
        {t('obligation.title', { tender: o.tenderTitle ?? titles.get(o.tenderId) ?? '' })}
      </PageHeading>
      {o.contractorName && (
        <Paragraph>
          {t('obligations.contractor')}: {o.contractorName}
        </Paragraph>
      )}
      <Paragraph>
        <Status list="obligationStatus" value={o.status} /> · {t('obligations.due')} {date(o.dueDate)}
      </Paragraph>
      {!o.applicable && o.reason && (
        <Notice type="info">
          {t('obligations.notApplicable', { reason: termLower('obligationReason', o.reason) })}
        </Notice>
      )}
      <ObligationFigures o={o} />
      <Breakdown lines={o.breakdown} />
      <Heading level={2}>{t('obligation.contributions')}</Heading>
      <QueryState
        query={contributions}
        isEmpty={(d) => d.items.length === 0}
        empty={t('obligation.contributions.empty')}
      >
        {({ items }) => (
          <ul className="bs-cards">
            {items.map((c) => (
              <ContributionCard key={c.id} c={c} />
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}

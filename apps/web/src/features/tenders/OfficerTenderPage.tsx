import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { ErrorAlert, Notice, PageHeading, QueryState, RouterLink } from '../../ui/States';
import { usePublishTender, useTender } from './api';
import { AuditLog } from './AuditLog';
import { AwardForm } from './AwardForm';
import { TenderFacts } from './TenderFacts';

/** One page per tender: moving to another tender starts with fresh actions and messages. */
export function OfficerTenderPage() {
  const { id = '' } = useParams();
  const tender = useTender(id);
  return (
    <QueryState query={tender} page>
      {(x) => <OfficerTender key={id} tender={x} />}
    </QueryState>
  );
}

function OfficerTender({ tender: x }: { tender: Schemas['TenderResponseDto'] }) {
  const { t, money } = useT();
  const publish = usePublishTender(x.id);
  return (
    <>
      <PageHeading>{x.title}</PageHeading>
      {publish.isSuccess && x.status === 'active' && <Notice>{t('tender.published')}</Notice>}
      <ErrorAlert error={publish.error} />
      {x.status === 'draft' && (
        <div className="bs-actions">
          <Button
            appearance="primary-action-button"
            busy={publish.isPending}
            onClick={() => publish.mutate()}
          >
            {t('tender.publish')}
          </Button>
        </div>
      )}
      <TenderFacts tender={x} />
      {/* Stays mounted through the award, so the officer keeps seeing the obligation it created. */}
      {(x.status === 'active' || x.award) && <AwardForm tender={x} />}
      {x.award && (
        <section className="bs-section">
          <Heading level={2}>{t('tender.obligation')}</Heading>
          {x.contractorName && (
            <Paragraph>
              {t('tender.contractor')}: {x.contractorName}
            </Paragraph>
          )}
          <Paragraph>
            {t('tender.contractValue')}: {money(x.award.contractValueCents)}
          </Paragraph>
          {x.award.obligationId && (
            <Paragraph>
              <RouterLink to={`/officer/obligations/${x.award.obligationId}`}>
                {t('tender.obligationLink')}
              </RouterLink>
            </Paragraph>
          )}
        </section>
      )}
      <AuditLog tenderId={x.id} />
    </>
  );
}

import { humanise } from '@glossary';
import { Heading, TableCell, TableRow } from '@utrecht/component-library-react';
import { useT } from '../../i18n/LocaleProvider';
import type { MessageId } from '../../i18n/messages';
import { DataTable } from '../../ui/DataTable';
import { QueryState } from '../../ui/States';
import { useTenderAudit } from './api';

/** The tender's history: when, what was done, and the status it left. */
export function AuditLog({ tenderId }: { tenderId: string }) {
  const { t, date, has, term } = useT();
  // An action the app has no words for yet reads as its humanised code (never the raw code).
  const label = (id: string, fallback: string) => (has(id) ? t(id as MessageId) : humanise(fallback));
  const log = useTenderAudit(tenderId);
  return (
    <section className="bs-section" aria-labelledby="audit-heading">
      <Heading level={2} id="audit-heading">
        {t('tender.audit')}
      </Heading>
      <QueryState query={log} isEmpty={(d) => d.items.length === 0} empty={t('tender.audit.empty')}>
        {({ items }) => (
          <DataTable columns={[t('tender.audit.when'), t('tender.audit.action'), t('common.status')]}>
            {items.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{date(a.createdAt)}</TableCell>
                <TableCell>{label(`audit.${a.action}`, a.action)}</TableCell>
                <TableCell>
                  {term('tenderStatus', typeof a.after?.status === 'string' ? a.after.status : '')}
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        )}
      </QueryState>
    </section>
  );
}

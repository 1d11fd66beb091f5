import { Button, Heading, Paragraph, TableCell, TableRow, Textbox } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { Status } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { TextField } from '../../ui/Fields';
import { EmptyState, ErrorAlert, PageHeading, QueryState } from '../../ui/States';
import { useCertifications, useEnterpriseSearch, useVerifyCertification } from './api';
import { OrganisationPicker, type PickedOrganisation } from './OrganisationPicker';

type Certification = Schemas['CertificationDto'];

function Decision({ cert }: { cert: Certification }) {
  const { t, term } = useT();
  const [note, setNote] = useState('');
  const decide = useVerifyCertification(cert);
  const send = (decision: 'verified' | 'rejected') =>
    decide.mutate({ decision, note: note.trim() || undefined });
  const label = `${term('certificationType', cert.type)}${cert.certificateNumber ? ` ${cert.certificateNumber}` : ''}`;
  return (
    <div className="bs-actions">
      <Textbox
        aria-label={`${t('certs.note')}, ${label}`}
        placeholder={t('certs.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        size={16}
      />
      <Button appearance="primary-action-button" busy={decide.isPending} onClick={() => send('verified')}>
        {t('certs.verify')}
        <span className="bs-visually-hidden"> {label}</span>
      </Button>
      <Button
        appearance="secondary-action-button"
        hint="danger"
        busy={decide.isPending}
        onClick={() => send('rejected')}
      >
        {t('certs.reject')}
        <span className="bs-visually-hidden"> {label}</span>
      </Button>
      <ErrorAlert error={decide.error} />
    </div>
  );
}

function OrganisationCertifications({ orgId, name }: { orgId: string; name: string }) {
  const { t, date, certName } = useT();
  const list = useCertifications(orgId);
  return (
    <section className="bs-section" aria-labelledby="certs-heading">
      <Heading level={2} id="certs-heading">
        {t('certs.for', { name })}
      </Heading>
      <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty={t('certs.empty')}>
        {(data) => (
          <DataTable
            columns={[
              t('certs.type'),
              t('certs.number'),
              t('certs.validity'),
              t('common.status'),
              t('common.actions'),
            ]}
          >
            {data.items.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{certName(c.type, c.level)}</TableCell>
                <TableCell>{c.certificateNumber ?? '—'}</TableCell>
                <TableCell>
                  {t('tenders.period', {
                    start: date(c.validFrom),
                    end: c.validUntil ? date(c.validUntil) : '…',
                  })}
                </TableCell>
                <TableCell>
                  <Status list="certificationStatus" value={c.status} />
                  {c.reviewNote ? <span className="bs-muted"> {c.reviewNote}</span> : null}
                </TableCell>
                <TableCell>
                  {c.status === 'unverified' ? <Decision cert={c} /> : date(c.reviewedAt)}
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        )}
      </QueryState>
    </section>
  );
}

export function CertificationsReviewPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [contractor, setContractor] = useState<PickedOrganisation | null>(null);
  const selected = params.get('org');
  const search = useEnterpriseSearch(params.get('q'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(q.trim() ? { q: q.trim() } : {});
  };
  const choose = (id: string, name: string) =>
    setParams({ ...(params.get('q') ? { q: params.get('q') as string } : {}), org: id, name });
  return (
    <>
      <PageHeading>{t('certs.title')}</PageHeading>
      <Paragraph appearance="lead">{t('certs.lead')}</Paragraph>
      <form onSubmit={submit} className="bs-form" role="search" aria-label={t('certs.title')} noValidate>
        <TextField label={t('certs.search')} value={q} onChange={setQ} type="search" />
        <div>
          <Button type="submit" appearance="secondary-action-button">
            {t('search.submit')}
          </Button>
        </div>
      </form>
      <div className="bs-form">
        <OrganisationPicker
          source="organisations"
          kind="contractor"
          label={t('certs.orgId')}
          description={t('certs.orgId.help')}
          value={contractor}
          onChange={(o) => {
            setContractor(o);
            if (o) choose(o.id, o.name);
          }}
        />
      </div>
      {params.get('q') && (
        <QueryState query={search} isEmpty={(d) => d.items.length === 0} empty={t('certs.noHits')}>
          {(hits) => (
            <ul className="bs-list">
              {hits.items.map((e) => (
                <li key={e.id}>
                  <Button
                    appearance="subtle-button"
                    pressed={selected === e.id}
                    onClick={() => choose(e.id, e.name)}
                  >
                    {e.name}
                    {e.city ? ` (${e.city})` : ''}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      )}
      {selected ? (
        <OrganisationCertifications orgId={selected} name={params.get('name') ?? ''} />
      ) : (
        <EmptyState>{t('certs.pick')}</EmptyState>
      )}
    </>
  );
}

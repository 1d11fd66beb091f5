import { Button, Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { today } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { Status } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { SelectField, TextField } from '../../ui/Fields';
import { FormError, Notice, QueryState } from '../../ui/States';
import { CERTIFICATION_TYPES } from '../../ui/vocabulary';
import { useAddCertification, useCertifications } from './api';

/** The enterprise's own certificates: the list with the officer's review, and a form to add one. */
export function OwnCertificationsSection({ id }: { id: string }) {
  const { t, date, fieldErrors, term, certName } = useT();
  const list = useCertifications(id, { fresh: true });
  const [type, setType] = useState<string>('pso');
  const [level, setLevel] = useState('trede_2');
  const [number, setNumber] = useState('');
  const [from, setFrom] = useState(today());
  const [until, setUntil] = useState('');
  const add = useAddCertification(id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        type: type as Schemas['CreateCertificationDto']['type'],
        ...(type === 'pso' ? { level: level as Schemas['CreateCertificationDto']['level'] } : {}),
        ...(number.trim() ? { certificateNumber: number.trim() } : {}),
        validFrom: from,
        ...(until ? { validUntil: until } : {}),
      },
      { onSuccess: () => setNumber('') },
    );
  };
  const errors = fieldErrors(add.error);
  return (
    <section className="bs-section" aria-labelledby="certs-h">
      <Heading level={2} id="certs-h">
        {t('se.certs.title')}
      </Heading>
      <Paragraph>{t('se.certs.lead')}</Paragraph>
      <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty={t('se.certs.empty')}>
        {({ items }) => (
          <DataTable columns={[t('certs.type'), t('certs.number'), t('certs.validity'), t('common.status')]}>
            {items.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{certName(c.type, c.level)}</TableCell>
                <TableCell>{c.certificateNumber ?? '—'}</TableCell>
                <TableCell>
                  {c.validUntil
                    ? t('se.certs.validity', { from: date(c.validFrom), until: date(c.validUntil) })
                    : t('se.certs.validityOpen', { from: date(c.validFrom) })}
                </TableCell>
                <TableCell>
                  <Status list="certificationStatus" value={c.status} />
                  {c.reviewNote ? ` · ${c.reviewNote}` : ''}
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        )}
      </QueryState>
      <form onSubmit={submit} className="bs-form" noValidate>
        <Heading level={3}>{t('se.certs.add')}</Heading>
        <FormError error={add.error} />
        {add.isSuccess && <Notice>{t('se.certs.added')}</Notice>}
        <div className="bs-row">
          <SelectField
            label={t('se.certs.type')}
            value={type}
            onChange={setType}
            error={errors.type}
            options={CERTIFICATION_TYPES.map((c) => ({ value: c, label: term('certificationType', c) }))}
          />
          {type === 'pso' && (
            <SelectField
              label={t('se.certs.level')}
              value={level}
              onChange={setLevel}
              error={errors.level}
              options={['aspirant', 'basistrede', 'trede_1', 'trede_2', 'trede_3'].map((l) => ({
                value: l,
                label: term('psoLevel', l),
              }))}
            />
          )}
        </div>
        <div className="bs-row">
          <TextField
            label={`${t('se.certs.number')} ${t('common.optional')}`}
            value={number}
            onChange={setNumber}
            error={errors.certificateNumber}
          />
          <TextField
            label={t('se.certs.validFrom')}
            type="date"
            value={from}
            onChange={setFrom}
            error={errors.validFrom}
          />
          <TextField
            label={`${t('se.certs.validUntil')} ${t('common.optional')}`}
            type="date"
            value={until}
            onChange={setUntil}
            error={errors.validUntil}
          />
        </div>
        <div className="bs-actions">
          <Button type="submit" appearance="secondary-action-button" busy={add.isPending}>
            {t('se.certs.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}

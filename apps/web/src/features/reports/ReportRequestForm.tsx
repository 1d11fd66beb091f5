import { Button, Heading } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { RadioGroup, SelectField, TextField } from '../../ui/Fields';
import { FormError, Notice } from '../../ui/States';
import { useObligations } from '../obligations/api';
import { useTenderTitles } from '../tenders/api';
import { useRequestReport } from './api';

type Report = Schemas['ReportResponseDto'];
type Scope = Report['scope'];

export const FORMAT_NAMES: Record<Report['format'], string> = {
  pdf: 'PDF',
  xlsx: 'Excel (XLSX)',
  csv: 'CSV',
  json: 'JSON',
};

/** Asking for a report: about the buyer, a tender or an obligation; PDF, Excel, CSV or JSON; Dutch or English. */
export function ReportRequestForm() {
  const { t, locale, fieldErrors } = useT();
  const { me } = useAuth();
  const [params] = useSearchParams();
  const officer = me?.role === 'procurement_officer';
  const obligations = useObligations({ fresh: true });
  const obs = obligations.data?.items ?? [];
  const titles = useTenderTitles(obs.map((o) => o.tenderId));
  const preset = params.get('obligation');
  const [scope, setScope] = useState<Scope>(officer && !preset ? 'buyer' : 'obligation');
  const [subject, setSubject] = useState(preset ?? '');
  const [format, setFormat] = useState<Report['format']>('pdf');
  const [language, setLanguage] = useState<'nl' | 'en'>(locale);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const create = useRequestReport();
  const subjects =
    scope === 'obligation'
      ? obs.map((o) => ({ value: o.id, label: titles.get(o.tenderId) || o.id.slice(0, 8) }))
      : [...new Set(obs.map((o) => o.tenderId))].map((id) => ({
          value: id,
          label: titles.get(id) || id.slice(0, 8),
        }));
  const chosen = subjects.some((s) => s.value === subject) ? subject : (subjects[0]?.value ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      scope,
      scopeId: scope === 'buyer' ? (me?.organisation?.id ?? '') : chosen,
      format,
      language,
      ...(from && to ? { period: { from, to } } : {}),
    });
  };
  const errors = fieldErrors(create.error);
  const scopes: Scope[] = officer ? ['buyer', 'tender', 'obligation'] : ['obligation'];
  return (
    <form onSubmit={submit} className="bs-form" noValidate>
      <Heading level={2}>{t('rp.new')}</Heading>
      <FormError error={create.error} />
      {create.isSuccess && <Notice>{t('rp.requested')}</Notice>}
      {scopes.length > 1 && (
        <RadioGroup
          legend={t('rp.scope')}
          value={scope}
          onChange={(v) => setScope(v as Scope)}
          options={scopes.map((s) => ({ value: s, label: t(`rp.scope.${s}`) }))}
        />
      )}
      {scope !== 'buyer' && (
        <SelectField
          label={t('rp.subject')}
          value={chosen}
          onChange={setSubject}
          error={errors.scopeId}
          options={subjects}
        />
      )}
      <div className="bs-row">
        <SelectField
          label={t('rp.format')}
          value={format}
          onChange={(v) => setFormat(v as Report['format'])}
          options={(['pdf', 'xlsx', 'csv', 'json'] as const).map((f) => ({
            value: f,
            label: FORMAT_NAMES[f],
          }))}
        />
        <SelectField
          label={t('rp.language')}
          value={language}
          onChange={(v) => setLanguage(v as 'nl' | 'en')}
          options={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
        />
      </div>
      <div className="bs-row">
        <TextField
          label={`${t('rp.from')} ${t('common.optional')}`}
          type="date"
          value={from}
          onChange={setFrom}
          error={errors['period.from']}
        />
        <TextField
          label={`${t('rp.to')} ${t('common.optional')}`}
          type="date"
          value={to}
          onChange={setTo}
          error={errors['period.to']}
        />
      </div>
      <div className="bs-actions">
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={create.isPending}
          disabled={scope !== 'buyer' && !chosen}
        >
          {t('rp.submit')}
        </Button>
      </div>
    </form>
  );
}

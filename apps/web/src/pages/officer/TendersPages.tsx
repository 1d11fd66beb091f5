import {
  Button,
  Fieldset,
  FieldsetLegend,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { parseMoney } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { nlMessages, type MessageId } from '../../i18n/messages';
import { Status } from '../../ui/Bits';
import { CpvPicker } from '../../ui/CpvPicker';
import { SelectField, TextField } from '../../ui/Fields';
import {
  EmptyState,
  ErrorAlert,
  Loading,
  Notice,
  PageHeading,
  QueryError,
  RouterLink,
} from '../../ui/States';
import { CATEGORIES } from '../../ui/vocabulary';
import { TenderFacts } from '../public/TenderPage';
import { Breakdown } from './PolicyPage';

type Tender = Schemas['TenderResponseDto'];
type Cpv = Schemas['CpvItemDto'];

export const buyerId = (t: Tender): string | undefined => t.buyer?.id;

/** The officer's own tenders (drafts included): the list API also returns other buyers' public tenders. */
export function useOwnTenders() {
  const { me } = useAuth();
  return useQuery({
    queryKey: ['tenders', 'own', me?.organisation?.id],
    queryFn: async () => {
      const r = await call(api.GET('/tenders', { params: { query: { limit: 100 } } }));
      return r.items.filter((t) => buyerId(t) === me?.organisation?.id);
    },
  });
}

export function OfficerTendersPage() {
  const { t, money } = useT();
  const list = useOwnTenders();
  const action = <RouterLink to="/officer/tenders/new">{t('otenders.new')}</RouterLink>;
  return (
    <>
      <PageHeading>{t('otenders.title')}</PageHeading>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.length === 0 ? (
        <EmptyState action={action}>{t('otenders.empty')}</EmptyState>
      ) : (
        <>
          <Paragraph>{action}</Paragraph>
          <div className="bs-table-wrap">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('tender.f.title')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('common.status')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('tenders.value')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.map((tender) => (
                  <TableRow key={tender.id}>
                    <TableCell>
                      <RouterLink to={`/officer/tenders/${tender.id}`}>{tender.title}</RouterLink>
                    </TableCell>
                    <TableCell>
                      <Status prefix="tenderStatus" value={tender.status} />
                    </TableCell>
                    <TableCell>{money(tender.estimatedValueCents)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </>
  );
}

interface Item {
  description: string;
  cpv: Cpv | null;
}

export function NewTenderPage() {
  const { t, locale, fieldErrors } = useT();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const policies = useQuery({
    queryKey: ['policies'],
    queryFn: () => call(api.GET('/sroi-policies', { params: { query: { limit: 100 } } })),
  });
  const published = (policies.data?.items ?? []).filter((p) => p.status === 'published');
  const [f, setF] = useState({
    title: '',
    description: '',
    category: 'services',
    value: '',
    postcode: '',
    deadline: '',
    start: '',
    end: '',
    labourShare: '',
    policyId: '',
    percentage: '',
  });
  const [items, setItems] = useState<Item[]>([{ description: '', cpv: null }]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const policyId = f.policyId || published[0]?.id || '';

  const create = useMutation({
    mutationFn: (body: Schemas['CreateTenderDto']) => call(api.POST('/tenders', { body })),
    onSuccess: (tender) => {
      void qc.invalidateQueries({ queryKey: ['tenders'] });
      navigate(`/officer/tenders/${tender.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = parseMoney(f.value, locale);
    setLocal(value === null ? { estimatedValueCents: t('tender.f.value.invalid') } : {});
    if (value === null) return;
    create.mutate({
      title: f.title.trim(),
      description: f.description.trim() || undefined,
      mainProcurementCategory: f.category as Schemas['CreateTenderDto']['mainProcurementCategory'],
      items: items.map((i) => ({ description: i.description.trim(), cpvCode: i.cpv?.code ?? '' })),
      estimatedValueCents: value,
      deliveryPostcode: f.postcode.trim() || undefined,
      tenderPeriodEnd: f.deadline || undefined,
      contractPeriod: { startDate: f.start, endDate: f.end },
      labourShare: f.labourShare.trim() ? Number(f.labourShare.replace(',', '.')) : undefined,
      sroi: {
        policyId,
        ...(f.percentage.trim() ? { percentage: Number(f.percentage.replace(',', '.')) } : {}),
      },
    });
  };
  const errors = { ...fieldErrors(create.error), ...local };

  if (policies.isPending) return <Loading />;
  return (
    <>
      <PageHeading>{t('tender.new.title')}</PageHeading>
      {published.length === 0 ? (
        <EmptyState action={<RouterLink to="/officer/policies">{t('nav.policies')}</RouterLink>}>
          {t('tender.new.noPolicy')}
        </EmptyState>
      ) : (
        <form onSubmit={submit} className="bs-form" noValidate>
          {Object.keys(errors).length > 0 && <Notice type="warning">{t('common.formErrors')}</Notice>}
          {create.error && Object.keys(fieldErrors(create.error)).length === 0 && (
            <ErrorAlert error={create.error} />
          )}
          <TextField
            label={t('tender.f.title')}
            value={f.title}
            onChange={set('title')}
            error={errors.title}
            required
          />
          <TextField
            label={`${t('tender.f.description')} ${t('common.optional')}`}
            value={f.description}
            onChange={set('description')}
            error={errors.description}
            multiline
          />
          <SelectField
            label={t('tender.f.category')}
            value={f.category}
            onChange={set('category')}
            error={errors.mainProcurementCategory}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`cat.${c}` as MessageId) }))}
          />
          <Fieldset className="bs-fieldset">
            <FieldsetLegend>{t('tender.f.items')}</FieldsetLegend>
            {errors.items && (
              <div className="utrecht-form-field-error-message bs-field__error">{errors.items}</div>
            )}
            {items.map((item, i) => (
              <div key={i} className="bs-card">
                <TextField
                  label={t('tender.f.itemDescription', { n: i + 1 })}
                  value={item.description}
                  onChange={(v) => setItems(items.map((x, j) => (j === i ? { ...x, description: v } : x)))}
                  error={errors[`items[${i}].description`]}
                />
                <CpvPicker
                  label={`${t('cpv.label')} (${i + 1})`}
                  value={item.cpv}
                  onChange={(v) => setItems(items.map((x, j) => (j === i ? { ...x, cpv: v } : x)))}
                  error={errors[`items[${i}].cpvCode`]}
                />
                {items.length > 1 && (
                  <Button
                    type="button"
                    appearance="subtle-button"
                    onClick={() => setItems(items.filter((_, j) => j !== i))}
                  >
                    {t('tender.f.itemRemove', { n: i + 1 })}
                  </Button>
                )}
              </div>
            ))}
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => setItems([...items, { description: '', cpv: null }])}
            >
              {t('tender.f.itemAdd')}
            </Button>
          </Fieldset>
          <TextField
            label={t('tender.f.value')}
            value={f.value}
            onChange={set('value')}
            error={errors.estimatedValueCents}
            inputMode="decimal"
          />
          <div className="bs-row">
            <TextField
              label={t('tender.f.start')}
              type="date"
              value={f.start}
              onChange={set('start')}
              error={errors['contractPeriod.startDate'] ?? errors.contractPeriod}
            />
            <TextField
              label={t('tender.f.end')}
              type="date"
              value={f.end}
              onChange={set('end')}
              error={errors['contractPeriod.endDate']}
            />
          </div>
          <div className="bs-row">
            <TextField
              label={`${t('tender.f.deadline')} ${t('common.optional')}`}
              type="date"
              value={f.deadline}
              onChange={set('deadline')}
              error={errors.tenderPeriodEnd}
            />
            <TextField
              label={`${t('tender.f.postcode')} ${t('common.optional')}`}
              value={f.postcode}
              onChange={set('postcode')}
              error={errors.deliveryPostcode}
              size={8}
            />
          </div>
          <TextField
            label={`${t('tender.f.labourShare')} ${t('common.optional')}`}
            value={f.labourShare}
            onChange={set('labourShare')}
            error={errors.labourShare}
            inputMode="decimal"
          />
          <SelectField
            label={t('tender.f.policy')}
            value={policyId}
            onChange={set('policyId')}
            error={errors['sroi.policyId'] ?? errors.sroi}
            options={published.map((p) => ({ value: p.id, label: `${p.name} (${p.version})` }))}
          />
          <TextField
            label={`${t('tender.f.percentage')} ${t('common.optional')}`}
            description={t('tender.f.percentage.help')}
            value={f.percentage}
            onChange={set('percentage')}
            error={errors['sroi.percentage']}
            inputMode="decimal"
          />
          <div>
            <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
              {t('tender.create')}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}

function AwardForm({ tender }: { tender: Tender }) {
  const { t, money, locale, fieldErrors } = useT();
  const qc = useQueryClient();
  const [contractor, setContractor] = useState('');
  const [value, setValue] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const award = useMutation({
    mutationFn: (body: Schemas['AwardDto']) =>
      call(api.POST('/tenders/{id}/award', { params: { path: { id: tender.id } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['tender', tender.id] });
      void qc.invalidateQueries({ queryKey: ['audit', tender.id] });
      void qc.invalidateQueries({ queryKey: ['obligations'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseMoney(value, locale);
    setLocal(cents === null ? { contractValueCents: t('tender.f.value.invalid') } : {});
    if (cents === null) return;
    award.mutate({ contractorOrganisationId: contractor.trim(), contractValueCents: cents });
  };
  const errors = { ...fieldErrors(award.error), ...local };
  if (!award.data && tender.status !== 'active') return null;
  if (award.data) {
    const ob = award.data.obligation;
    return (
      <div className="bs-section">
        <Notice>{t('tender.awarded', { amount: money(ob.amountCents) })}</Notice>
        <Breakdown lines={ob.breakdown} locale={locale} money={money} title={t('policy.breakdown')} />
      </div>
    );
  }
  return (
    <section className="bs-section" aria-labelledby="award-heading">
      <Heading level={2} id="award-heading">
        {t('tender.award.title')}
      </Heading>
      <form onSubmit={submit} className="bs-form" noValidate>
        {award.error && Object.keys(fieldErrors(award.error)).length === 0 && (
          <ErrorAlert error={award.error} />
        )}
        <TextField
          label={t('tender.award.contractor')}
          description={t('tender.award.contractor.help')}
          value={contractor}
          onChange={setContractor}
          error={errors.contractorOrganisationId}
        />
        <TextField
          label={t('tender.award.value')}
          value={value}
          onChange={setValue}
          error={errors.contractValueCents}
          inputMode="decimal"
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={award.isPending}>
            {t('tender.award.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function AuditLog({ tenderId }: { tenderId: string }) {
  const { t, date } = useT();
  // Actions and statuses the app has no words for yet are shown as the API names them.
  const label = (id: string, fallback: string) => (id in nlMessages ? t(id as MessageId) : fallback);
  const log = useQuery({
    queryKey: ['audit', tenderId],
    queryFn: () =>
      call(
        api.GET('/audit-log', {
          params: { query: { entityType: 'tender', entityId: tenderId, limit: 100 } },
        }),
      ),
  });
  return (
    <section className="bs-section" aria-labelledby="audit-heading">
      <Heading level={2} id="audit-heading">
        {t('tender.audit')}
      </Heading>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <ErrorAlert error={log.error} />
      ) : log.data.items.length === 0 ? (
        <EmptyState>{t('tender.audit.empty')}</EmptyState>
      ) : (
        <div className="bs-table-wrap">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('tender.audit.when')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('tender.audit.action')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {log.data.items.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{date(a.createdAt)}</TableCell>
                  <TableCell>{label(`audit.${a.action}`, a.action)}</TableCell>
                  <TableCell>{label(`tenderStatus.${String(a.after?.status ?? '')}`, '')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

export function OfficerTenderPage() {
  const { id = '' } = useParams();
  return <OfficerTender key={id} id={id} />;
}

function OfficerTender({ id }: { id: string }) {
  const { t, money } = useT();
  const qc = useQueryClient();
  const tender = useQuery({
    queryKey: ['tender', id],
    queryFn: () => call(api.GET('/tenders/{id}', { params: { path: { id } } })),
  });
  const publish = useMutation({
    mutationFn: () => call(api.POST('/tenders/{id}/publish', { params: { path: { id } } })),
    onSuccess: (x) => {
      qc.setQueryData(['tender', id], x);
      void qc.invalidateQueries({ queryKey: ['tenders'] });
      void qc.invalidateQueries({ queryKey: ['audit', id] });
    },
  });
  if (tender.isPending) return <Loading />;
  if (tender.isError) return <QueryError error={tender.error} />;
  const x = tender.data;
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

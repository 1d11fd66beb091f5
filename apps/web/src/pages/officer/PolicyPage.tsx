import {
  Button,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { moneyInput, parseMoney } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import type { MessageId } from '../../i18n/messages';
import { Status } from '../../ui/Bits';
import { CheckboxGroup, RadioGroup, SelectField, TextField } from '../../ui/Fields';
import { ErrorAlert, Loading, Notice, PageHeading, QueryError } from '../../ui/States';
import { BLOCK_CATEGORIES, BLOCK_UNITS, CATEGORIES, TARGET_GROUPS } from '../../ui/vocabulary';
import { policyBody } from './example-policy';

type Policy = Schemas['PolicyResponseDto'];
type Obj = Record<string, unknown>;

interface BlockRow {
  orig: Obj;
  code: string;
  category: string;
  targetGroup: string;
  unit: string;
  value: string;
  maxMonths: string;
}

interface Draft {
  name: string;
  version: string;
  validFrom: string;
  threshold: string;
  percentage: string;
  fullTime: string;
  categories: string[];
  blocks: BlockRow[];
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const num = (s: string): number | string => (s.trim() !== '' && !Number.isNaN(Number(s)) ? Number(s) : s);

function toDraft(p: Policy, locale: 'nl' | 'en'): Draft {
  return {
    name: p.name,
    version: p.version,
    validFrom: p.validFrom,
    threshold: moneyInput(p.thresholdCents, locale),
    percentage: str(p.defaultPercentage),
    fullTime: str(p.fullTimeHoursPerWeek),
    categories: [...p.categories],
    blocks: p.blocks.map((b) => ({
      orig: b,
      code: str(b.code),
      category: str(b.category),
      targetGroup: str(b.targetGroup),
      unit: str(b.unit),
      value: moneyInput(b.valueCents as number, locale),
      maxMonths: str(b.maxCountMonths),
    })),
  };
}

/** A table cell's input: labelled by its column and row, with the API's message for that cell under it. */
function CellInput({
  label,
  value,
  onChange,
  error,
  readOnly,
  inputMode,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  readOnly?: boolean;
  inputMode?: 'decimal' | 'numeric';
}) {
  const id = useId();
  return (
    <>
      <Textbox
        aria-label={label}
        value={value}
        readOnly={readOnly}
        invalid={Boolean(error)}
        inputMode={inputMode}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => onChange(e.target.value)}
        size={8}
      />
      {error && (
        <div id={`${id}-err`} className="utrecht-form-field-error-message bs-field__error">
          {error}
        </div>
      )}
    </>
  );
}

function CellSelect({
  label,
  value,
  onChange,
  options,
  error,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  error?: string;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <>
      <Select
        aria-label={label}
        value={value}
        disabled={disabled}
        invalid={Boolean(error)}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <SelectOption key={o.value} value={o.value}>
            {o.label}
          </SelectOption>
        ))}
      </Select>
      {error && (
        <div id={`${id}-err`} className="utrecht-form-field-error-message bs-field__error">
          {error}
        </div>
      )}
    </>
  );
}

function EvaluatePreview({ policy }: { policy: Policy }) {
  const { t, money, locale, fieldErrors } = useT();
  const [kind, setKind] = useState<'placement' | 'activity'>('placement');
  const year = new Date().getFullYear();
  const [f, setF] = useState({
    category: 'employment',
    targetGroup: 'participatiewet',
    hours: '24',
    start: `${year}-01-01`,
    end: `${year}-12-31`,
    blockCode: str(policy.blocks.find((b) => b.category === 'social_activity')?.code),
    quantity: '16',
    description: 'Gastlessen',
  });
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const evaluate = useMutation({
    mutationFn: () => {
      const body =
        kind === 'placement'
          ? {
              category: f.category as 'employment' | 'training',
              targetGroup: f.targetGroup as Schemas['PlacementContributionDto']['targetGroup'],
              hoursPerWeek: num(f.hours) as number,
              startDate: f.start,
              endDate: f.end,
              personToken: 'preview',
            }
          : {
              category: 'social_activity' as const,
              blockCode: f.blockCode,
              quantity: num(f.quantity) as number,
              description: f.description,
            };
      return call(api.POST('/sroi-policies/{id}/evaluate', { params: { path: { id: policy.id } }, body }));
    },
  });
  const errors = fieldErrors(evaluate.error);
  const activityBlocks = policy.blocks.filter((b) => b.category === 'social_activity');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    evaluate.mutate();
  };
  const r = evaluate.data;
  return (
    <section className="bs-section" aria-labelledby="evaluate-heading">
      <Heading level={2} id="evaluate-heading">
        {t('policy.evaluate')}
      </Heading>
      <Paragraph>{t('policy.evaluate.lead')}</Paragraph>
      <form onSubmit={submit} className="bs-form" noValidate>
        <RadioGroup
          legend={t('policy.evaluate.kind')}
          value={kind}
          onChange={(v) => setKind(v as 'placement' | 'activity')}
          options={[
            { value: 'placement', label: t('policy.evaluate.placement') },
            { value: 'activity', label: t('policy.evaluate.activity') },
          ]}
        />
        {kind === 'placement' ? (
          <>
            <div className="bs-row">
              <SelectField
                label={t('policy.evaluate.category')}
                value={f.category}
                onChange={set('category')}
                error={errors.category}
                options={['employment', 'training'].map((c) => ({
                  value: c,
                  label: t(`policy.blockCat.${c}` as MessageId),
                }))}
              />
              <SelectField
                label={t('policy.block.targetGroup')}
                value={f.targetGroup}
                onChange={set('targetGroup')}
                error={errors.targetGroup}
                options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`tg.${g}` as MessageId) }))}
              />
            </div>
            <div className="bs-row">
              <TextField
                label={t('policy.evaluate.hours')}
                value={f.hours}
                onChange={set('hours')}
                error={errors.hoursPerWeek}
                inputMode="decimal"
              />
              <TextField
                label={t('policy.evaluate.start')}
                type="date"
                value={f.start}
                onChange={set('start')}
                error={errors.startDate}
              />
              <TextField
                label={t('policy.evaluate.end')}
                type="date"
                value={f.end}
                onChange={set('end')}
                error={errors.endDate}
              />
            </div>
          </>
        ) : (
          <>
            <SelectField
              label={t('policy.evaluate.blockCode')}
              value={f.blockCode}
              onChange={set('blockCode')}
              error={errors.blockCode}
              options={activityBlocks.map((b) => ({ value: str(b.code), label: str(b.code) }))}
            />
            <TextField
              label={t('policy.evaluate.quantity')}
              value={f.quantity}
              onChange={set('quantity')}
              error={errors.quantity}
              inputMode="decimal"
            />
            <TextField
              label={t('policy.evaluate.description')}
              value={f.description}
              onChange={set('description')}
              error={errors.description}
            />
          </>
        )}
        <div>
          <Button appearance="secondary-action-button" type="submit" busy={evaluate.isPending}>
            {t('policy.evaluate.submit')}
          </Button>
        </div>
      </form>
      {evaluate.error && Object.keys(errors).length === 0 && <ErrorAlert error={evaluate.error} />}
      {r && (
        <div role="status" className="bs-card">
          <Paragraph>
            <strong>
              {r.countable
                ? t('policy.evaluate.result', { amount: money(r.claimedValueCents) })
                : t('policy.evaluate.notCountable', { reason: r.reason ?? '' })}
            </strong>
          </Paragraph>
          <Breakdown lines={r.breakdown} locale={locale} money={money} title={t('policy.breakdown')} />
        </div>
      )}
    </section>
  );
}

export function Breakdown({
  lines,
  locale,
  money,
  title,
}: {
  lines: Schemas['BreakdownLineDto'][];
  locale: 'nl' | 'en';
  money: (c: number | null | undefined) => string;
  title: string;
}) {
  if (!lines.length) return null;
  return (
    <div className="bs-table-wrap">
      <Table>
        <TableCaption>{title}</TableCaption>
        <TableBody>
          {lines.map((l, i) => (
            <TableRow key={`${l.code}-${i}`}>
              <TableHeaderCell scope="row">
                {locale === 'nl' ? l.labelNl : l.labelEn}
                {l.detail ? <span className="bs-muted"> ({l.detail})</span> : null}
              </TableHeaderCell>
              <TableCell>{l.valueCents !== undefined ? money(l.valueCents) : ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** One editor per policy version: moving to a new version starts with fresh form state and messages. */
export function PolicyPage() {
  const { id = '' } = useParams();
  return <PolicyEditor key={id} id={id} />;
}

function PolicyEditor({ id }: { id: string }) {
  const { t, locale, date, money, fieldErrors } = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const policy = useQuery({
    queryKey: ['policy', id],
    queryFn: () => call(api.GET('/sroi-policies/{id}', { params: { path: { id } } })),
  });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [newVersion, setNewVersion] = useState('');
  useEffect(() => {
    if (policy.data) setDraft(toDraft(policy.data, locale));
    // Re-read only when another record arrives; a language switch must not throw away edits.
  }, [policy.data]);

  const refresh = (p: Policy) => {
    qc.setQueryData(['policy', p.id], p);
    void qc.invalidateQueries({ queryKey: ['policies'] });
  };

  const save = useMutation({
    mutationFn: (body: Obj) =>
      call(
        api.PATCH('/sroi-policies/{id}', {
          params: { path: { id } },
          body: body as Schemas['PolicyBodyDto'],
        }),
      ),
    onSuccess: (p) => {
      refresh(p);
      setSaved(true);
    },
  });
  const publish = useMutation({
    mutationFn: () => call(api.POST('/sroi-policies/{id}/publish', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const version = useMutation({
    mutationFn: (p: Policy) =>
      call(
        api.POST('/sroi-policies/{id}/versions', {
          params: { path: { id } },
          body: { ...policyBody(p), version: newVersion.trim() },
        }),
      ),
    onSuccess: (p) => {
      refresh(p);
      setNewVersion('');
      navigate(`/officer/policies/${p.id}`);
    },
  });

  if (policy.isPending || (!draft && !policy.isError)) return <Loading />;
  if (policy.isError) return <QueryError error={policy.error} />;
  const p = policy.data;
  const d = draft as Draft;
  const editable = p.status === 'draft';
  const errors = { ...fieldErrors(save.error), ...local };
  const setField = (k: keyof Omit<Draft, 'blocks' | 'categories'>) => (v: string) => {
    setSaved(false);
    setDraft({ ...d, [k]: v });
  };
  const setBlock = (i: number, k: keyof Omit<BlockRow, 'orig'>) => (v: string) => {
    setSaved(false);
    setDraft({ ...d, blocks: d.blocks.map((b, j) => (j === i ? { ...b, [k]: v } : b)) });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const threshold = parseMoney(d.threshold, locale);
    if (threshold === null) problems.thresholdCents = t('tender.f.value.invalid');
    const blocks = d.blocks.map((b, i) => {
      const valueCents = parseMoney(b.value, locale);
      if (valueCents === null) problems[`blocks[${i}].valueCents`] = t('tender.f.value.invalid');
      const { targetGroup: _tg, maxCountMonths: _max, ...rest } = b.orig;
      return {
        ...rest,
        code: b.code.trim(),
        category: b.category,
        ...(b.category !== 'social_activity' && b.targetGroup ? { targetGroup: b.targetGroup } : {}),
        unit: b.unit,
        valueCents,
        ...(b.maxMonths.trim() ? { maxCountMonths: num(b.maxMonths) } : {}),
      };
    });
    setLocal(problems);
    if (Object.keys(problems).length) return;
    save.mutate({
      name: d.name,
      version: d.version,
      validFrom: d.validFrom,
      categories: d.categories,
      thresholdCents: threshold,
      defaultPercentage: num(d.percentage),
      fullTimeHoursPerWeek: num(d.fullTime),
      blocks,
    });
  };

  const blockCats = BLOCK_CATEGORIES.map((c) => ({
    value: c,
    label: t(`policy.blockCat.${c}` as MessageId),
  }));
  const units = BLOCK_UNITS.map((u) => ({ value: u, label: t(`unit.${u}` as MessageId) }));
  const groups = [
    { value: '', label: t('policy.none') },
    ...TARGET_GROUPS.map((g) => ({ value: g, label: t(`tg.${g}` as MessageId) })),
  ];

  return (
    <>
      <PageHeading>{t('policy.title', { name: `${p.name} ${p.version}` })}</PageHeading>
      <Paragraph>
        <Status prefix="policyStatus" value={p.status} />
      </Paragraph>
      {publish.isSuccess && <Notice>{t('policy.published')}</Notice>}
      {saved && <Notice>{t('policy.saved')}</Notice>}
      {Object.keys(errors).length > 0 && <Notice type="warning">{t('common.formErrors')}</Notice>}
      {save.error && Object.keys(fieldErrors(save.error)).length === 0 && <ErrorAlert error={save.error} />}
      <ErrorAlert error={publish.error} />
      {!editable && <Paragraph>{t('policy.publishedNote', { date: date(p.publishedAt) })}</Paragraph>}

      <form onSubmit={submit} className="bs-form bs-form--wide" noValidate>
        <Heading level={2}>{t('policy.general')}</Heading>
        <div className="bs-row">
          <TextField
            label={t('policies.name')}
            value={d.name}
            onChange={setField('name')}
            error={errors.name}
          />
          <TextField
            label={t('policies.version')}
            value={d.version}
            onChange={setField('version')}
            error={errors.version}
          />
          <TextField
            label={t('policies.validFrom')}
            type="date"
            value={d.validFrom}
            onChange={setField('validFrom')}
            error={errors.validFrom}
          />
        </div>
        <div className="bs-row">
          <TextField
            label={t('policy.threshold')}
            description={t('policy.threshold.help')}
            value={d.threshold}
            onChange={setField('threshold')}
            error={errors.thresholdCents}
            inputMode="decimal"
          />
          <TextField
            label={t('policy.defaultPercentage')}
            value={d.percentage}
            onChange={setField('percentage')}
            error={errors.defaultPercentage}
            inputMode="decimal"
          />
          <TextField
            label={t('policy.fullTime')}
            value={d.fullTime}
            onChange={setField('fullTime')}
            error={errors.fullTimeHoursPerWeek}
            inputMode="decimal"
          />
        </div>
        <CheckboxGroup
          legend={t('policy.categories')}
          values={d.categories}
          onChange={(v) => setDraft({ ...d, categories: v })}
          error={errors.categories}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`cat.${c}` as MessageId) }))}
        />

        <Heading level={2}>{t('policy.blocks')}</Heading>
        {errors.blocks && (
          <div className="utrecht-form-field-error-message bs-field__error">{errors.blocks}</div>
        )}
        <div className="bs-table-wrap">
          <Table>
            <TableCaption>{t('policy.blocks.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('policy.block.code')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.block.category')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.block.targetGroup')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.block.unit')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.block.value')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.block.maxMonths')}</TableHeaderCell>
                {editable && <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {d.blocks.map((b, i) => {
                const row = t('policy.block.row', { n: i + 1 });
                const e = (k: string) =>
                  errors[`blocks[${i}].${k}`] ?? (k === 'code' ? errors[`blocks[${i}]`] : undefined);
                return (
                  <TableRow key={i}>
                    <TableCell>
                      <CellInput
                        label={`${t('policy.block.code')}, ${row}`}
                        value={b.code}
                        onChange={setBlock(i, 'code')}
                        error={e('code')}
                        readOnly={!editable}
                      />
                    </TableCell>
                    <TableCell>
                      <CellSelect
                        label={`${t('policy.block.category')}, ${row}`}
                        value={b.category}
                        onChange={setBlock(i, 'category')}
                        options={blockCats}
                        error={e('category')}
                        disabled={!editable}
                      />
                    </TableCell>
                    <TableCell>
                      <CellSelect
                        label={`${t('policy.block.targetGroup')}, ${row}`}
                        value={b.category === 'social_activity' ? '' : b.targetGroup}
                        onChange={setBlock(i, 'targetGroup')}
                        options={groups}
                        error={e('targetGroup')}
                        disabled={!editable || b.category === 'social_activity'}
                      />
                    </TableCell>
                    <TableCell>
                      <CellSelect
                        label={`${t('policy.block.unit')}, ${row}`}
                        value={b.unit}
                        onChange={setBlock(i, 'unit')}
                        options={units}
                        error={e('unit')}
                        disabled={!editable}
                      />
                    </TableCell>
                    <TableCell>
                      <CellInput
                        label={`${t('policy.block.value')} (€), ${row}`}
                        value={editable ? b.value : money(b.orig.valueCents as number)}
                        onChange={setBlock(i, 'value')}
                        error={e('valueCents')}
                        readOnly={!editable}
                        inputMode="decimal"
                      />
                    </TableCell>
                    <TableCell>
                      <CellInput
                        label={`${t('policy.block.maxMonths')}, ${row}`}
                        value={b.maxMonths}
                        onChange={setBlock(i, 'maxMonths')}
                        error={e('maxCountMonths')}
                        readOnly={!editable}
                        inputMode="numeric"
                      />
                    </TableCell>
                    {editable && (
                      <TableCell>
                        <Button
                          type="button"
                          appearance="subtle-button"
                          onClick={() => setDraft({ ...d, blocks: d.blocks.filter((_, j) => j !== i) })}
                        >
                          {t('common.remove')}
                          <span className="bs-visually-hidden"> {row}</span>
                        </Button>
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
        {editable && (
          <div className="bs-actions">
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() =>
                setDraft({
                  ...d,
                  blocks: [
                    ...d.blocks,
                    {
                      orig: {},
                      code: '',
                      category: 'employment',
                      targetGroup: '',
                      unit: 'fte_year',
                      value: '',
                      maxMonths: '',
                    },
                  ],
                })
              }
            >
              {t('policy.block.add')}
            </Button>
            <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
              {t('common.save')}
            </Button>
            <Button
              type="button"
              appearance="secondary-action-button"
              busy={publish.isPending}
              onClick={() => publish.mutate()}
            >
              {t('policy.publish')}
            </Button>
          </div>
        )}
      </form>

      {!editable && (
        <form
          className="bs-form"
          onSubmit={(e) => {
            e.preventDefault();
            version.mutate(p);
          }}
          noValidate
        >
          <TextField
            label={t('policy.newVersionName')}
            value={newVersion}
            onChange={setNewVersion}
            error={fieldErrors(version.error).version}
          />
          {version.error && !fieldErrors(version.error).version && <ErrorAlert error={version.error} />}
          <div>
            <Button type="submit" appearance="secondary-action-button" busy={version.isPending}>
              {t('policy.newVersion')}
            </Button>
          </div>
        </form>
      )}

      <EvaluatePreview policy={p} />
    </>
  );
}

import { blockName } from '@glossary';
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  TableCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import type { MessageId } from '../../i18n/messages';
import { parseDecimal, parseMoney } from '../../i18n/format';
import { Status } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { SelectField, TextField } from '../../ui/Fields';
import { FormError, Notice, PageHeading, QueryState } from '../../ui/States';
import { useObligations } from '../obligations/api';
import {
  useCountPledge,
  useInitiative,
  usePledge,
  usePledgeStep,
  useUpdateInitiative,
  type Initiative,
  type Pledge,
} from './api';
import { supportAmount } from './words';

export const SUPPORT_KINDS = ['money', 'hours', 'goods', 'space', 'network'] as const;
const CLOSED = ['realised', 'stopped'];

/** An initiative: its needs and what has been pledged; supporters pledge, the initiator's side accepts. */
export function InitiativePage() {
  const { id = '' } = useParams();
  const initiative = useInitiative(id);
  return (
    <QueryState query={initiative} page>
      {(i) => <InitiativeView initiative={i} />}
    </QueryState>
  );
}

function InitiativeView({ initiative: i }: { initiative: Initiative }) {
  const { t, date } = useT();
  const { me } = useAuth();
  const officer = me?.role === 'procurement_officer';
  const manages = officer || (!!i.organisationId && me?.organisation?.id === i.organisationId);
  const canPledge =
    !CLOSED.includes(i.status) && (me?.role === 'contractor' || me?.role === 'social_enterprise' || officer);
  const row = (key: MessageId, value: ReactNode) => (
    <DataListItem>
      <DataListKey>{t(key)}</DataListKey>
      <DataListValue>{value}</DataListValue>
    </DataListItem>
  );
  return (
    <>
      <PageHeading>{i.title}</PageHeading>
      <DataList className="bs-facts">
        {row('common.status', <Status list="initiativeStatus" value={i.status} />)}
        {row('in.by', i.forResident ? t('in.by.resident') : (i.organisationName ?? ''))}
        {i.postcode && row('in.f.postcode', i.postcode)}
        {i.pitchedAt &&
          row(
            'in.pitched',
            i.pitchedAt.eventName
              ? t('in.pitched.at', { date: date(i.pitchedAt.date), event: i.pitchedAt.eventName })
              : date(i.pitchedAt.date),
          )}
        {i.outcomeNote && row('in.outcome', i.outcomeNote)}
        {/* The initiator's contact: the API gives it only to the initiative's organisation and officers. */}
        {i.initiator &&
          row('in.initiator', [i.initiator.name, i.initiator.email].filter(Boolean).join(' · '))}
      </DataList>
      <Paragraph className="bs-prewrap">{i.summary}</Paragraph>
      <Needs initiative={i} />
      <Pledges initiative={i} manages={manages} />
      {canPledge && <PledgeForm initiative={i} />}
      {manages && <StatusForm initiative={i} />}
    </>
  );
}

function Needs({ initiative: i }: { initiative: Initiative }) {
  const { t, term, money, num } = useT();
  const hours = (n: string) => t('in.hours', { hours: n });
  if (i.needs.length === 0) return null;
  return (
    <section aria-labelledby="in-needs">
      <Heading level={2} id="in-needs">
        {t('in.needs')}
      </Heading>
      <DataTable columns={[t('in.f.kind'), t('in.f.description'), t('in.asked'), t('in.pledged')]}>
        {i.needs.map((n) => (
          <TableRow key={n.index}>
            <TableCell>{term('supportKind', n.kind)}</TableCell>
            <TableCell>{n.description}</TableCell>
            <TableCell>{supportAmount(n, { money, num }, hours) || '—'}</TableCell>
            <TableCell>
              {t('in.pledged.count', { count: n.pledgedCount })}
              {n.pledgedAmountCents > 0 && ` · ${money(n.pledgedAmountCents)}`}
              {n.pledgedHours > 0 && ` · ${hours(num(n.pledgedHours, 2))}`}
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    </section>
  );
}

function Pledges({ initiative: i, manages }: { initiative: Initiative; manages: boolean }) {
  const { t, term, money, num } = useT();
  const { me } = useAuth();
  const hours = (n: string) => t('in.hours', { hours: n });
  return (
    <section aria-labelledby="in-pledges">
      <Heading level={2} id="in-pledges">
        {t('in.pledges')}
      </Heading>
      {i.pledges.length === 0 ? (
        <Paragraph>{t('in.pledges.none')}</Paragraph>
      ) : (
        <DataTable
          columns={[
            t('in.pledge.by'),
            t('in.f.kind'),
            t('in.f.description'),
            t('in.pledge.amount'),
            t('common.status'),
            t('common.actions'),
          ]}
        >
          {i.pledges.map((p) => (
            <TableRow key={p.id}>
              <TableCell>{p.organisationName}</TableCell>
              <TableCell>{term('supportKind', p.kind)}</TableCell>
              <TableCell>{p.description}</TableCell>
              <TableCell>{supportAmount(p, { money, num }, hours) || '—'}</TableCell>
              <TableCell>
                <Status list="pledgeStatus" value={p.status} />
              </TableCell>
              <TableCell>
                {manages && <PledgeStep pledge={p} />}
                {me?.role === 'contractor' && me.organisation?.id === p.organisationId && (
                  <CountPledge pledge={p} />
                )}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function PledgeStep({ pledge: p }: { pledge: Pledge }) {
  const { t } = useT();
  const step = usePledgeStep(p.id);
  const next = p.status === 'offered' ? 'accept' : p.status === 'accepted' ? 'deliver' : null;
  if (!next) return null;
  return (
    <>
      <Button
        appearance="secondary-action-button"
        type="button"
        disabled={step.isPending}
        onClick={() => step.mutate(next)}
      >
        {t(next === 'accept' ? 'in.pledge.accept' : 'in.pledge.deliver', { name: p.organisationName })}
      </Button>
      <FormError error={step.error} />
    </>
  );
}

/** A contractor counts its delivered pledge towards one of its SROI obligations. */
function CountPledge({ pledge: p }: { pledge: Pledge }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  if (p.contributionId) return <Paragraph>{t('in.count.done')}</Paragraph>;
  if (p.status !== 'delivered') return null;
  if (!open)
    return (
      <Button appearance="secondary-action-button" type="button" onClick={() => setOpen(true)}>
        {t('in.count.open')}
      </Button>
    );
  return <CountForm pledge={p} onCancel={() => setOpen(false)} />;
}

function CountForm({ pledge: p, onCancel }: { pledge: Pledge; onCancel: () => void }) {
  const { t, locale, money, fieldErrors } = useT();
  const obligations = useObligations();
  const count = useCountPledge(p.id);
  const [obligationId, setObligationId] = useState('');
  const [blockCode, setBlockCode] = useState('');
  const errors = fieldErrors(count.error);
  // Only obligations whose policy has a block a pledge can count under (hours or one activity).
  const items = (obligations.data?.items ?? []).filter(
    (o) => o.applicable && (o.activityBlocks ?? []).some((b) => b.unit === 'hour' || b.unit === 'activity'),
  );
  const obligation = items.find((o) => o.id === obligationId) ?? items[0];
  const blocks = (obligation?.activityBlocks ?? []).filter((b) => b.unit === 'hour' || b.unit === 'activity');
  const block = blocks.find((b) => b.code === blockCode) ?? blocks[0];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (obligation && block) count.mutate({ obligationId: obligation.id, blockCode: block.code });
  };
  return (
    <QueryState query={obligations} isEmpty={() => items.length === 0} empty={t('in.count.noObligations')}>
      {() => (
        <form onSubmit={submit} className="bs-form" noValidate aria-label={t('in.count.open')}>
          <FormError error={count.error} />
          <SelectField
            label={t('in.count.obligation')}
            value={obligation?.id ?? ''}
            onChange={(v) => {
              setObligationId(v);
              setBlockCode('');
            }}
            error={errors.obligationId}
            options={items.map((o) => ({
              value: o.id,
              label: t('in.count.obligation.option', {
                tender: o.tenderTitle ?? '',
                buyer: o.buyerName ?? '',
              }),
            }))}
          />
          <SelectField
            label={t('in.count.block')}
            description={t('in.count.block.help')}
            value={block?.code ?? ''}
            onChange={setBlockCode}
            error={errors.blockCode}
            options={blocks.map((b) => ({
              value: b.code,
              label: t('in.count.block.option', {
                name: blockName({ category: 'social_activity', unit: b.unit }, locale),
                value: money(b.valueCents),
              }),
            }))}
          />
          <div className="bs-actions">
            <Button appearance="primary-action-button" type="submit" disabled={count.isPending || !block}>
              {t('in.count.submit')}
            </Button>
            <Button appearance="subtle-button" type="button" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </QueryState>
  );
}

function PledgeForm({ initiative: i }: { initiative: Initiative }) {
  const { t, term, locale, fieldErrors } = useT();
  const pledge = usePledge(i.id);
  const [f, setF] = useState({ need: '', kind: 'hours', description: '', amount: '', hours: '' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const errors = { ...fieldErrors(pledge.error), ...local };
  const chooseNeed = (v: string) => {
    const need = v === '' ? undefined : i.needs[Number(v)];
    setF((x) => ({ ...x, need: v, kind: need?.kind ?? x.kind }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const amountCents = f.kind === 'money' && f.amount.trim() ? parseMoney(f.amount, locale) : null;
    const hours = f.kind === 'hours' && f.hours.trim() ? parseDecimal(f.hours) : null;
    const bad: Record<string, string> = {};
    if (f.kind === 'money' && f.amount.trim() && amountCents === null)
      bad.amountCents = t('in.f.amount.invalid');
    if (f.kind === 'hours' && f.hours.trim() && hours === null) bad.hours = t('in.f.hours.invalid');
    setLocal(bad);
    if (Object.keys(bad).length) return;
    pledge.mutate(
      {
        needIndex: f.need === '' ? null : Number(f.need),
        kind: f.kind as (typeof SUPPORT_KINDS)[number],
        description: f.description.trim(),
        amountCents,
        hours,
      },
      {
        onSuccess: () => {
          setDone(true);
          setF({ need: '', kind: 'hours', description: '', amount: '', hours: '' });
        },
      },
    );
  };
  return (
    <section aria-labelledby="in-pledge">
      <Heading level={2} id="in-pledge">
        {t('in.pledge.title')}
      </Heading>
      {done && <Notice>{t('in.pledge.sent')}</Notice>}
      <form onSubmit={submit} className="bs-form" noValidate>
        {Object.keys(errors).length > 0 && <Notice type="warning">{t('common.formErrors')}</Notice>}
        <FormError error={pledge.error} />
        {i.needs.length > 0 && (
          <SelectField
            label={t('in.pledge.need')}
            value={f.need}
            onChange={chooseNeed}
            error={errors.needIndex}
            options={[
              { value: '', label: t('in.pledge.need.none') },
              ...i.needs.map((n) => ({
                value: String(n.index),
                label: `${term('supportKind', n.kind)}: ${n.description}`,
              })),
            ]}
          />
        )}
        <SelectField
          label={t('in.f.kind')}
          value={f.kind}
          onChange={set('kind')}
          error={errors.kind}
          options={SUPPORT_KINDS.map((k) => ({ value: k, label: term('supportKind', k) }))}
        />
        <TextField
          label={t('in.f.description')}
          description={t('in.pledge.description.help')}
          value={f.description}
          onChange={set('description')}
          error={errors.description}
          required
          multiline
        />
        {f.kind === 'money' && (
          <TextField
            label={t('in.f.amount')}
            value={f.amount}
            onChange={set('amount')}
            error={errors.amountCents}
            inputMode="decimal"
          />
        )}
        {f.kind === 'hours' && (
          <TextField
            label={t('in.f.hours')}
            value={f.hours}
            onChange={set('hours')}
            error={errors.hours}
            inputMode="decimal"
          />
        )}
        <Button appearance="primary-action-button" type="submit" disabled={pledge.isPending}>
          {t('in.pledge.submit')}
        </Button>
      </form>
    </section>
  );
}

function StatusForm({ initiative: i }: { initiative: Initiative }) {
  const { t, term, fieldErrors } = useT();
  const update = useUpdateInitiative(i.id);
  const [status, setStatus] = useState<string>(i.status === 'pitched' ? 'in_progress' : i.status);
  const [note, setNote] = useState(i.outcomeNote ?? '');
  const [done, setDone] = useState(false);
  const errors = fieldErrors(update.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    update.mutate(
      { status: status as 'in_progress', outcomeNote: note.trim() || null },
      { onSuccess: () => setDone(true) },
    );
  };
  return (
    <section aria-labelledby="in-status">
      <Heading level={2} id="in-status">
        {t('in.status.title')}
      </Heading>
      {done && <Notice>{t('in.status.saved')}</Notice>}
      <form onSubmit={submit} className="bs-form" noValidate>
        <FormError error={update.error} />
        <SelectField
          label={t('common.status')}
          value={status}
          onChange={setStatus}
          error={errors.status}
          options={(['in_progress', 'realised', 'changed', 'stopped'] as const).map((s) => ({
            value: s,
            label: term('initiativeStatus', s),
          }))}
        />
        <TextField
          label={`${t('in.outcome')} ${t('common.optional')}`}
          description={t('in.outcome.help')}
          value={note}
          onChange={setNote}
          error={errors.outcomeNote}
          multiline
        />
        <Button appearance="primary-action-button" type="submit" disabled={update.isPending}>
          {t('in.status.save')}
        </Button>
      </form>
    </section>
  );
}

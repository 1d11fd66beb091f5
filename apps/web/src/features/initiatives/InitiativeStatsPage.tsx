import { Button, Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/LocaleProvider';
import { Lead } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { TextField } from '../../ui/Fields';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useInitiativeStats } from './api';

type Stats = NonNullable<ReturnType<typeof useInitiativeStats>['data']>;

const OUTCOMES = [
  ['inProgress', 'in_progress'],
  ['realised', 'realised'],
  ['changed', 'changed'],
  ['stopped', 'stopped'],
] as const;

/** What became of the initiatives pitched in a period: a bar per outcome (with the same figures as a table). */
export function InitiativeStatsPage() {
  const { t } = useT();
  const [draft, setDraft] = useState({ from: '', to: '' });
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const stats = useInitiativeStats(range);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setRange({ from: draft.from || undefined, to: draft.to || undefined });
  };
  return (
    <>
      <PageHeading>{t('in.stats.title')}</PageHeading>
      <Lead>{t('in.stats.lead')}</Lead>
      <Paragraph>
        <RouterLink to="/initiatives">{t('in.list.title')}</RouterLink>
      </Paragraph>
      <form onSubmit={apply} className="bs-form bs-filters" aria-label={t('in.stats.period')}>
        <div className="bs-row">
          <TextField
            label={`${t('in.stats.from')} ${t('common.optional')}`}
            type="date"
            value={draft.from}
            onChange={(v) => setDraft((d) => ({ ...d, from: v }))}
          />
          <TextField
            label={`${t('in.stats.to')} ${t('common.optional')}`}
            type="date"
            value={draft.to}
            onChange={(v) => setDraft((d) => ({ ...d, to: v }))}
          />
        </div>
        <Button appearance="secondary-action-button" type="submit">
          {t('in.stats.apply')}
        </Button>
      </form>
      <QueryState query={stats}>{(s) => <StatsView stats={s} />}</QueryState>
    </>
  );
}

function StatsView({ stats: s }: { stats: Stats }) {
  const { t, term, money, num } = useT();
  const rows = [
    { label: t('in.stats.pitched'), value: s.pitched },
    ...OUTCOMES.map(([key, code]) => ({ label: term('initiativeStatus', code), value: s[key] })),
  ];
  const max = Math.max(1, ...rows.map((r) => r.value));
  const barH = 28;
  const gap = 12;
  const labelW = 120;
  const width = 480;
  const height = rows.length * (barH + gap);
  return (
    <>
      <Heading level={2}>{t('in.stats.outcomes')}</Heading>
      <figure className="bs-chart">
        {/* The chart repeats the table below it; screen readers read the table. */}
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          role="img"
          aria-label={t('in.stats.chart', {
            summary: rows.map((r) => `${r.label}: ${r.value}`).join(', '),
          })}
          className="bs-chart__svg"
        >
          {rows.map((r, i) => {
            const y = i * (barH + gap);
            const w = ((width - labelW - 60) * r.value) / max;
            return (
              <g key={r.label}>
                <text x={0} y={y + barH * 0.68} className="bs-chart__label">
                  {r.label}
                </text>
                <rect
                  x={labelW}
                  y={y}
                  width={Math.max(w, 2)}
                  height={barH}
                  className="bs-chart__bar"
                  rx={3}
                />
                <text x={labelW + Math.max(w, 2) + 8} y={y + barH * 0.68} className="bs-chart__value">
                  {r.value}
                </text>
              </g>
            );
          })}
        </svg>
      </figure>
      <DataTable columns={[t('in.stats.outcome'), t('in.stats.count')]}>
        {rows.map((r) => (
          <TableRow key={r.label}>
            <TableCell>{r.label}</TableCell>
            <TableCell>{r.value}</TableCell>
          </TableRow>
        ))}
      </DataTable>
      <Heading level={2}>{t('in.stats.support')}</Heading>
      <DataTable columns={[t('in.stats.figure'), t('in.stats.value')]}>
        <TableRow>
          <TableCell>{t('in.stats.pledges')}</TableCell>
          <TableCell>{s.pledges.count}</TableCell>
        </TableRow>
        <TableRow>
          <TableCell>{t('in.stats.money')}</TableCell>
          <TableCell>{money(s.pledges.amountCents)}</TableCell>
        </TableRow>
        <TableRow>
          <TableCell>{t('in.stats.hours')}</TableCell>
          <TableCell>{num(s.pledges.hours, 2)}</TableCell>
        </TableRow>
        <TableRow>
          <TableCell>{t('in.stats.sroi')}</TableCell>
          <TableCell>{money(s.sroiCreditCents)}</TableCell>
        </TableRow>
      </DataTable>
    </>
  );
}

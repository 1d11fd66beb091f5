import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { TableScroll } from '../../ui/DataTable';
import { wordBreakdownLine } from './breakdown-words';

type Line = Schemas['BreakdownLineDto'];

/** How a policy valued something (an obligation, a contribution), line by line, as a table. */
export function Breakdown({ lines }: { lines: Line[] }) {
  const { t, money, locale } = useT();
  if (!lines.length) return null;
  return (
    <TableScroll>
      <Table>
        <TableCaption>{t('policy.breakdown')}</TableCaption>
        <TableBody>
          {lines.map((l, i) => {
            const w = wordBreakdownLine(l, locale);
            return (
              <TableRow key={`${l.code}-${i}`}>
                <TableHeaderCell scope="row">
                  {w.label}
                  {w.detail ? <span className="bs-muted"> ({w.detail})</span> : null}
                </TableHeaderCell>
                <TableCell>{l.valueCents !== undefined ? money(l.valueCents) : ''}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

/** The same lines as a list in a sentence's flow (`label: € 1.000 (detail)`). */
export function BreakdownList({ lines, label }: { lines: Line[]; label?: string }) {
  const { money, locale } = useT();
  return (
    <ul className="bs-list" aria-label={label}>
      {lines.map((l, i) => {
        const w = wordBreakdownLine(l, locale);
        return (
          <li key={`${l.code}-${i}`}>
            {w.label}
            {l.valueCents !== undefined ? `: ${money(l.valueCents)}` : ''}
            {w.detail ? <span className="bs-muted"> ({w.detail})</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

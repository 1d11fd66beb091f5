import {
  Table,
  TableBody,
  TableCaption,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useT } from '../i18n/LocaleProvider';

/**
 * A table of rows under column headings. `children` are its TableRows; a column given as `false` is left out (a
 * column only some people see).
 *
 * On a narrow screen (below 40rem) it either
 * - `stack`s (the default, for lists people read on a phone): each row becomes a block and each cell is labelled
 *   with its column's heading (DataTable copies the heading text into the cell's `data-label`; the CSS shows it), or
 * - `scroll`s sideways (for wide numeric tables): inside its own box, which then says that it scrolls, is
 *   focusable (the arrow keys scroll it) and is named after the table.
 */
export function DataTable({
  columns,
  caption,
  footer,
  children,
  layout = 'stack',
  label,
}: {
  columns: (ReactNode | false)[];
  caption?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
  layout?: 'stack' | 'scroll';
  /** The scroll region's accessible name when the table has no caption (its first column's heading otherwise). */
  label?: string;
}) {
  const tableRef = useRef<HTMLTableElement>(null);
  useCellLabels(tableRef, layout === 'stack');
  const table = (
    <Table ref={tableRef}>
      {caption && <TableCaption>{caption}</TableCaption>}
      <TableHeader>
        <TableRow>
          {columns.map(
            (c, i) =>
              c !== false && (
                <TableHeaderCell key={i} scope="col">
                  {c}
                </TableHeaderCell>
              ),
          )}
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
      {footer && <TableFooter>{footer}</TableFooter>}
    </Table>
  );
  if (layout === 'stack') return <div className="bs-table-wrap bs-table-wrap--stack">{table}</div>;
  return <TableScroll label={label}>{table}</TableScroll>;
}

/**
 * Copies each column heading's text into its cells' `data-label` (the stacked layout's labels), again whenever
 * rows or headings change.
 */
function useCellLabels(ref: RefObject<HTMLTableElement | null>, on: boolean) {
  useLayoutEffect(() => {
    const table = ref.current;
    if (!on || !table) return;
    const label = () => {
      const heads = [...table.querySelectorAll('thead tr:first-child th')].map((th) =>
        (th.textContent ?? '').trim(),
      );
      for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody tr, tfoot tr')) {
        let col = 0;
        for (const cell of row.cells) {
          const text = heads[col] ?? '';
          if (cell.getAttribute('data-label') !== text) {
            if (text) cell.setAttribute('data-label', text);
            else cell.removeAttribute('data-label');
          }
          col += cell.colSpan || 1;
        }
      }
    };
    label();
    const observer = new MutationObserver(label);
    observer.observe(table, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [ref, on]);
}

/**
 * A wide table's own sideways-scrolling box. When its content is wider than the box it shows a cue ("scroll
 * sideways"), a shadow on the side with more, and becomes a focusable region named after the table.
 */
export function TableScroll({ label, children }: { label?: string; children: ReactNode }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState(false);
  const [name, setName] = useState(label ?? '');
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      setOverflow(box.scrollWidth > box.clientWidth + 1);
      if (!label) {
        const caption = box.querySelector('caption')?.textContent?.trim();
        const firstHead = box.querySelector('th')?.textContent?.trim();
        setName(caption || firstHead || '');
      }
    };
    measure();
    const resize = new ResizeObserver(measure);
    resize.observe(box);
    const table = box.querySelector('table');
    if (table) resize.observe(table);
    return () => resize.disconnect();
  }, [label]);
  const regionName = name ? t('table.scroll.region', { name }) : t('table.scroll.regionUnnamed');
  return (
    <div className={`bs-table-scroll${overflow ? ' bs-table-scroll--overflow' : ''}`}>
      {overflow && (
        <p className="bs-table-scroll__cue" aria-hidden="true">
          {t('table.scroll.cue')}
        </p>
      )}
      <div
        ref={ref}
        className="bs-table-wrap bs-table-wrap--scroll"
        {...(overflow ? { role: 'region', tabIndex: 0, 'aria-label': regionName } : {})}
      >
        {children}
      </div>
    </div>
  );
}

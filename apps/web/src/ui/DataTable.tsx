import {
  Table,
  TableBody,
  TableCaption,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/**
 * A table of rows under column headings, scrolling sideways on a narrow screen. `children` are its TableRows;
 * a column given as `false` is left out (a column only some people see).
 */
export function DataTable({
  columns,
  caption,
  footer,
  children,
}: {
  columns: (ReactNode | false)[];
  caption?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="bs-table-wrap">
      <Table>
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
    </div>
  );
}

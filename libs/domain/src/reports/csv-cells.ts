/**
 * Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection); a leading
 * apostrophe makes them show it as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Csv-stringify cast for strings: everything text goes through the neutraliser; numbers stay numbers. */
export const CSV_CAST = { string: (value: string): string => neutraliseCell(value) };

/**
 * RFC 4180: CRLF between records, and a field holding a line break quoted. csv-stringify only quotes a field
 * that contains the record delimiter itself, so a bare LF or CR is matched explicitly.
 */
export const CSV_OPTIONS = {
  cast: CSV_CAST,
  record_delimiter: '\r\n',
  quoted_match: /[\r\n]/,
  eof: true,
} as const;

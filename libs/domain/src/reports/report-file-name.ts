import type { ReportFormat, ReportLanguage, ReportScope } from '@app/database';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  xlsx: XLSX_CONTENT_TYPE,
};

const SCOPE_WORD: Record<ReportLanguage, Record<ReportScope, string>> = {
  nl: { obligation: 'verplichting', tender: 'aanbesteding', buyer: 'opdrachtgever' },
  en: { obligation: 'obligation', tender: 'tender', buyer: 'buyer' },
};

/** ASCII only: the name goes into a quoted Content-Disposition header. */
function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'report'
  );
}

/** `sroi-aanbesteding-<tender reference>-<date>.pdf`; buyer reports carry the buyer's name instead. */
export function reportFileName(
  scope: ReportScope,
  language: ReportLanguage,
  reference: string,
  date: string,
  format: ReportFormat,
): string {
  return `sroi-${SCOPE_WORD[language][scope]}-${slug(reference)}-${date}.${format}`;
}

export enum ReportsErrorCode {
  ReportNotFound = 'REPORT_NOT_FOUND',
  ReportNotReady = 'REPORT_NOT_READY',
  ScopeNotFound = 'REPORT_SCOPE_NOT_FOUND',
  TenderNotAwarded = 'TENDER_NOT_AWARDED',
  InvalidPeriod = 'INVALID_PERIOD',
}

export enum TenderErrorCode {
  TenderNotFound = 'TENDER_NOT_FOUND',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  TenderNotEditable = 'TENDER_NOT_EDITABLE',
  TenderReadOnly = 'TENDER_READ_ONLY',
  ContractorNotFound = 'CONTRACTOR_NOT_FOUND',
  InvalidPeriod = 'INVALID_PERIOD',
  UnknownCpvCode = 'UNKNOWN_CPV_CODE',
}

export enum ObligationErrorCode {
  ObligationNotFound = 'OBLIGATION_NOT_FOUND',
  ObligationWaived = 'OBLIGATION_WAIVED',
  ContributionNotFound = 'CONTRIBUTION_NOT_FOUND',
  ContributionInvalid = 'CONTRIBUTION_INVALID',
  NotCountable = 'NOT_COUNTABLE',
  InvoiceDateInFuture = 'INVOICE_DATE_IN_FUTURE',
  DuplicateInvoice = 'DUPLICATE_INVOICE',
  PersonAlreadyCounted = 'PERSON_ALREADY_COUNTED',
  PersonTokenLooksPersonal = 'PERSON_TOKEN_LOOKS_PERSONAL',
  AlreadyReviewed = 'ALREADY_REVIEWED',
  VerifiedValueTooHigh = 'VERIFIED_VALUE_TOO_HIGH',
  SupplierNotFound = 'SUPPLIER_NOT_FOUND',
}

export enum MarketplaceErrorCode {
  QuoteRequestNotFound = 'QUOTE_REQUEST_NOT_FOUND',
  QuoteNotFound = 'QUOTE_NOT_FOUND',
  OrderNotFound = 'ORDER_NOT_FOUND',
  OfferingNotFound = 'OFFERING_NOT_FOUND',
  ObligationNotFound = 'OBLIGATION_NOT_FOUND',
  ObligationWaived = 'OBLIGATION_WAIVED',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  QuoteExpired = 'QUOTE_EXPIRED',
  NotYourStep = 'NOT_YOUR_STEP',
  DuplicateInvoice = 'DUPLICATE_INVOICE',
}

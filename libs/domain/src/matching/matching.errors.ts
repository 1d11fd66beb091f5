export enum MatchingErrorCode {
  ObligationNotFound = 'OBLIGATION_NOT_FOUND',
  TenderNotFound = 'TENDER_NOT_FOUND',
  TenderNotActive = 'TENDER_NOT_ACTIVE',
  NotOwnTender = 'NOT_OWN_TENDER',
  NotOwnSocialEnterprise = 'NOT_OWN_SOCIAL_ENTERPRISE',
}

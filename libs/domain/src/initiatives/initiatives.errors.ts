export enum InitiativesErrorCode {
  InitiativeNotFound = 'INITIATIVE_NOT_FOUND',
  PledgeNotFound = 'PLEDGE_NOT_FOUND',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  InitiatorOfficerOnly = 'INITIATOR_OFFICER_ONLY',
  InvalidNeed = 'INVALID_NEED',
  InitiativeClosed = 'INITIATIVE_CLOSED',
  PledgeNotDelivered = 'PLEDGE_NOT_DELIVERED',
  PledgeAlreadyCounted = 'PLEDGE_ALREADY_COUNTED',
  PledgeNotCountable = 'PLEDGE_NOT_COUNTABLE',
}

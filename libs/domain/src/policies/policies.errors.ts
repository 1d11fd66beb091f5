export enum PolicyErrorCode {
  PolicyNotFound = 'POLICY_NOT_FOUND',
  PolicyInvalid = 'POLICY_INVALID',
  PolicyPublished = 'POLICY_ALREADY_PUBLISHED',
  PolicyNotPublished = 'POLICY_NOT_PUBLISHED',
  PolicyVersionTaken = 'POLICY_VERSION_TAKEN',
  /** The contract period given to evaluate. */
  InvalidPeriod = 'INVALID_PERIOD',
}

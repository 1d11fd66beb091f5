export enum ChallengesErrorCode {
  ChallengeNotFound = 'CHALLENGE_NOT_FOUND',
  ProposalNotFound = 'PROPOSAL_NOT_FOUND',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  ChallengeNotEditable = 'CHALLENGE_NOT_EDITABLE',
  ChallengeClosed = 'CHALLENGE_CLOSED',
  AlreadyProposed = 'ALREADY_PROPOSED',
  InvalidPartner = 'INVALID_PARTNER',
  InvalidDeadline = 'INVALID_DEADLINE',
  NotJudging = 'CHALLENGE_NOT_JUDGING',
  NotShortlisted = 'NOT_SHORTLISTED',
  InvalidChallenge = 'INVALID_CHALLENGE',
}

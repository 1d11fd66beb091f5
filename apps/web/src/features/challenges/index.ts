// Challenges (one chunk): the public board and page with the proposer's part, the officer's screens, own proposals.
export { ChallengePage } from './ChallengePage';
export { ChallengesPage } from './ChallengesPage';
export { MyProposalsPage } from './MyProposalsPage';
export { OfficerChallengePage } from './OfficerChallengePage';
export { NewChallengePage, OfficerChallengesPage } from './OfficerChallengesPage';

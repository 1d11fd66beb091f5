// The directory's signed-in screens (one chunk): the enterprise's profile and offerings, the officer's review.
export { CertificationsReviewPage } from './CertificationsReviewPage';
export { EnterpriseProfilePage } from './EnterpriseProfilePage';
export { OfferingsPage } from './OfferingsPage';

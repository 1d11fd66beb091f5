import { AuditLogEntity } from './audit-log.entity';
import { MatchStateEntity } from './match-state.entity';
import { FailureCountEntity } from './failure-count.entity';
import { ObligationMatchEntity } from './obligation-match.entity';
import { TenderMatchEntity } from './tender-match.entity';
import { BackgroundJobEntity } from './background-job.entity';
import { ContractEntity } from './contract.entity';
import { ContributionEntity } from './contribution.entity';
import { ObligationEntity } from './obligation.entity';
import { SroiPolicyEntity } from './sroi-policy.entity';
import { TenderEntity } from './tender.entity';
import { TenderItemEntity } from './tender-item.entity';
import { CertificationEntity } from './certification.entity';
import { CpvCodeEntity } from './cpv-code.entity';
import { NotificationEntity } from './notification.entity';
import { NotificationReadEntity } from './notification-read.entity';
import { UserPreferenceEntity } from './user-preference.entity';
import { EmailDeliveryEntity } from './email-delivery.entity';
import { EmailSuppressionEntity } from './email-suppression.entity';
import { OfferingEntity } from './offering.entity';
import { PostcodeAreaEntity } from './postcode-area.entity';
import { SocialEnterpriseProfileEntity } from './social-enterprise-profile.entity';
import { OrganisationEntity } from './organisation.entity';
// The outbox table belongs to the queue library (writer, producers and relay live there); listed here with the rest.
import { OutboxMessageEntity } from '@app/queue/outbox/outbox-message.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { ReportEntity } from './report.entity';
import { ReportFileChunkEntity } from './report-file-chunk.entity';
import { UserEntity } from './user.entity';
import { QuoteRequestEntity } from './quote-request.entity';
import { QuoteEntity } from './quote.entity';
import { PurchaseOrderEntity } from './purchase-order.entity';
import { InvoiceEntity } from './invoice.entity';
import { MeetingDayEntity } from './meeting-day.entity';
import { MeetingDayRegistrationEntity } from './meeting-day-registration.entity';
import { MeetingEntity } from './meeting.entity';
import { OcdsImportEntity, OcdsImportReleaseEntity } from './ocds-import.entity';
import { OcdsAwardEntity } from './ocds-award.entity';
import { ChallengeEntity, ChallengeMatchEntity, ChallengeProposalEntity } from './challenge.entity';
import { InitiativeEntity, PledgeEntity } from './initiative.entity';

export * from './audit-log.entity';
export * from './match-state.entity';
export * from './failure-count.entity';
export * from './obligation-match.entity';
export * from './tender-match.entity';
export * from './background-job.entity';
export * from './contract.entity';
export * from './contribution.entity';
export * from './obligation.entity';
export * from './sroi-policy.entity';
export * from './tender.entity';
export * from './tender-item.entity';
export * from './certification.entity';
export * from './cpv-code.entity';
export * from './notification.entity';
export * from './notification-read.entity';
export * from './user-preference.entity';
export * from './email-delivery.entity';
export * from './email-suppression.entity';
export * from './offering.entity';
export * from './postcode-area.entity';
export * from './social-enterprise-profile.entity';
export * from './organisation.entity';
export { OutboxMessageEntity } from '@app/queue/outbox/outbox-message.entity';
export * from './refresh-token.entity';
export * from './report.entity';
export * from './report-file-chunk.entity';
export * from './user.entity';
export * from './quote-request.entity';
export * from './quote.entity';
export * from './purchase-order.entity';
export * from './invoice.entity';
export * from './meeting-day.entity';
export * from './meeting-day-registration.entity';
export * from './meeting.entity';
export * from './ocds-import.entity';
export * from './ocds-award.entity';
export * from './challenge.entity';
export * from './initiative.entity';

/** Every entity, listed explicitly: globs break across ts-node, Jest and the compiled build. */
export const ENTITIES = [
  MatchStateEntity,
  FailureCountEntity,
  ObligationMatchEntity,
  TenderMatchEntity,
  OrganisationEntity,
  UserEntity,
  RefreshTokenEntity,
  OutboxMessageEntity,
  NotificationEntity,
  NotificationReadEntity,
  UserPreferenceEntity,
  EmailDeliveryEntity,
  EmailSuppressionEntity,
  CpvCodeEntity,
  PostcodeAreaEntity,
  SocialEnterpriseProfileEntity,
  CertificationEntity,
  OfferingEntity,
  SroiPolicyEntity,
  TenderEntity,
  TenderItemEntity,
  ContractEntity,
  ObligationEntity,
  ContributionEntity,
  AuditLogEntity,
  BackgroundJobEntity,
  ReportEntity,
  ReportFileChunkEntity,
  QuoteRequestEntity,
  QuoteEntity,
  PurchaseOrderEntity,
  InvoiceEntity,
  MeetingDayEntity,
  MeetingDayRegistrationEntity,
  MeetingEntity,
  OcdsImportEntity,
  OcdsImportReleaseEntity,
  OcdsAwardEntity,
  ChallengeEntity,
  ChallengeProposalEntity,
  ChallengeMatchEntity,
  InitiativeEntity,
  PledgeEntity,
];

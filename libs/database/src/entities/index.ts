import { AuditLogEntity } from './audit-log.entity';
import { ContractEntity } from './contract.entity';
import { ContributionEntity } from './contribution.entity';
import { ObligationEntity } from './obligation.entity';
import { SroiPolicyEntity } from './sroi-policy.entity';
import { TenderEntity } from './tender.entity';
import { TenderItemEntity } from './tender-item.entity';
import { CertificationEntity } from './certification.entity';
import { CpvCodeEntity } from './cpv-code.entity';
import { NotificationEntity } from './notification.entity';
import { OfferingEntity } from './offering.entity';
import { PostcodeAreaEntity } from './postcode-area.entity';
import { SocialEnterpriseProfileEntity } from './social-enterprise-profile.entity';
import { OrganisationEntity } from './organisation.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';

export * from './audit-log.entity';
export * from './contract.entity';
export * from './contribution.entity';
export * from './obligation.entity';
export * from './sroi-policy.entity';
export * from './tender.entity';
export * from './tender-item.entity';
export * from './certification.entity';
export * from './cpv-code.entity';
export * from './notification.entity';
export * from './offering.entity';
export * from './postcode-area.entity';
export * from './social-enterprise-profile.entity';
export * from './organisation.entity';
export * from './outbox-message.entity';
export * from './refresh-token.entity';
export * from './user.entity';

/** Every entity, listed explicitly: globs break across ts-node, Jest and the compiled build. */
export const ENTITIES = [
  OrganisationEntity,
  UserEntity,
  RefreshTokenEntity,
  OutboxMessageEntity,
  NotificationEntity,
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
];

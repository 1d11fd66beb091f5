import { NotificationEntity } from './notification.entity';
import { OrganisationEntity } from './organisation.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';

export * from './notification.entity';
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
];

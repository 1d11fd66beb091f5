export * from './queue-names';
export * from './redis-connection';
export * from './producers';
export * from './outbox/outbox-message.entity';
export * from './outbox/outbox.service';
export * from './outbox/outbox.relay';
export * from './queue.module';

export * from './queue-names';
export * from './redis-connection';
export * from './outbox.service';
export * from './queue.module';

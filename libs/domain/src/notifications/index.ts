export * from './notifications.service';
export * from './notifications.module';
export * from './notifications.errors';
export * from './email.service';
export * from './kinds';
export * from './mail-templates';
export * from './unsubscribe-token';
export * from './names';

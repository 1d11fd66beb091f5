export * from './initiatives.errors';
export * from './initiatives.module';
export * from './initiatives.service';

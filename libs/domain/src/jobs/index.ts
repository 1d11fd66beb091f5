export * from './jobs.errors';
export * from './jobs.module';
export * from './jobs.service';
export * from './job-visibility';

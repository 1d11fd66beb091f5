export * from './policies.errors';
export * from './policies.module';
export * from './policies.service';
export * from './policy-visibility';
export * from './policy-rules';
export * from './sroi-engine';

export * from './contribution-input';
export * from './obligation-json';
export * from './obligations.errors';
export * from './obligations.module';
export * from './obligations.service';
export * from './obligation-visibility';
export * from './progress';

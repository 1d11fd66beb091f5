export * from './contract-period';
export * from './tender-input';
export * from './tender-status';
export * from './tender-visibility';
export * from './tenders.errors';
export * from './tenders.module';
export * from './tenders.service';
export * from './tender-sroi';

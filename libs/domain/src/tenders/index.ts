export * from './contract-period';
export * from './tenders.errors';
export * from './tenders.module';
export * from './tenders.service';

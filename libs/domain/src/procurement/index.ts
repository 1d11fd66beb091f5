export * from '../audit/audit.service';
export * from './contribution-input';
export * from './obligations.service';
export * from './policies.service';
export * from './procurement.errors';
export * from './procurement.module';
export * from './progress';
export * from './tenders.service';

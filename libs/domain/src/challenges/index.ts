export * from './challenge-score';
export * from './challenge-matching.service';
export * from './challenges.errors';
export * from './challenges.module';
export * from './challenges.service';

export * from './failure-counts';

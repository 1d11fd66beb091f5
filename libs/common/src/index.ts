export * from './errors';
export * from './error-body';
export * from './exception.filter';
export * from './validation';
export * from './pagination';
export * from './money';
export * from './dutch';
export * from './dates';

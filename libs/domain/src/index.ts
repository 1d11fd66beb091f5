export * from './audit';
export * from './identity';
export * from './notifications';
export * from './sroi';
export * from './directory';
export * from './procurement';

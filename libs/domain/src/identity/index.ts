export * from './actor';
export * from './visible-row';
export * from './identity.errors';
export * from './identity.service';
export * from './identity.module';
export * from './passwords';
export * from './tokens.service';
export * from './organisation-search';

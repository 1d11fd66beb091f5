export * from './imports.service';
export * from './interop.errors';
export * from './interop.module';
export * from './ocds-export.mapping';
export * from './ocds-export.service';
export * from './ocds-import.mapping';
export * from './ocds-schema';
export * from './eforms';

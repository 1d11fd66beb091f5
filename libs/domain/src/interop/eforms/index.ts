export * from './codelists.data';
export * from './eforms-import.service';
export * from './eforms-problems';
export * from './eforms-schema';
export * from './eforms-upload';
export * from './eforms-xml';
export * from './eforms.mapping';

export * from './entities';
export * from './data-source-options';
export * from './ensure-database';
export * from './naming.strategy';
export * from './database.module';
export * from './transaction';
export * from './pagination';
export * from './raw-pool';

import 'reflect-metadata';
import { loadEnvOrExit } from '@app/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** The data source the TypeORM CLI uses (migration:generate / revert). */
export default new DataSource(dataSourceOptions(loadEnvOrExit()));

import { EnableExtensions1763800000000 } from './1763800000000-EnableExtensions';
import { CreateIdentity1795377404289 } from './1795377404289-CreateIdentity';

/** Every migration, in order, listed explicitly. */
export const MIGRATIONS = [EnableExtensions1763800000000, CreateIdentity1795377404289];

import type { ReferenceDataService } from '@app/domain';

/** The entities keep bare 8-digit CPV codes; responses show them with their check digit. */
export type CpvDisplay = Pick<ReferenceDataService, 'displayCodes'>;

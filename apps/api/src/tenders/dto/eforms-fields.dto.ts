import { TENDER_RESERVATIONS, type TenderEntity, type TenderReservation } from '@app/database';
import { labelled } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

/** A code of an eForms list with its Dutch and English label (eForms SDK code lists). */
export class EformsCodeDto {
  @ApiProperty({ example: 'opp' }) code: string;
  @ApiProperty({
    example: 'Werkgelegenheidskansen voor langdurig werklozen, kansarmen en/of personen met een handicap',
  })
  labelNl: string;
  @ApiProperty({
    example:
      'Employment opportunities for the long-term unemployed, disadvantaged and/or for persons with disabilities',
  })
  labelEn: string;
}

/** The Dutch and English title and description of an eForms notice, where it has them. */
export class TenderTranslationsDto {
  @ApiProperty({ type: String, nullable: true }) titleNl: string | null;
  @ApiProperty({ type: String, nullable: true }) titleEn: string | null;
  @ApiProperty({ type: String, nullable: true }) descriptionNl: string | null;
  @ApiProperty({ type: String, nullable: true }) descriptionEn: string | null;
}

export const RESERVED_PROPERTY = {
  enum: TENDER_RESERVATIONS,
  nullable: true,
  description:
    'eForms tenders: participation reserved for sheltered workshops and enterprises integrating disabled or ' +
    'disadvantaged people (`res-ws`, art. 2.82 Aanbestedingswet) or for organisations with a public service ' +
    'mission (`res-pub-ser`); null: not reserved',
} as const;

export interface EformsFields {
  noticeId: string | null;
  noticeType: string | null;
  noticeUrl: string | null;
  reserved: TenderReservation | null;
  socialObjectives: EformsCodeDto[];
  strategicProcurement: EformsCodeDto[];
  nutsCode: string | null;
  translations: TenderTranslationsDto | null;
}

/** The eForms fields of a tender (null and empty for the others). */
export function eformsFields(t: TenderEntity): EformsFields {
  return {
    noticeId: t.noticeId ?? null,
    noticeType: t.noticeType ?? null,
    noticeUrl: t.noticeUrl ?? null,
    reserved: t.reserved ?? null,
    socialObjectives: labelled('social-objective', t.socialObjectives),
    strategicProcurement: labelled('strategic-procurement', t.strategicProcurement),
    nutsCode: t.nutsCode ?? null,
    translations: t.translations ?? null,
  };
}

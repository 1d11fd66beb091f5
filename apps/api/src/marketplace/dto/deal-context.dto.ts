import type { DealContext } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ContractPeriodDto } from '../../tenders/dto/contract-period.dto';

/** The names next to the ids of a quote request, quote or order (api.md "Names with ids"). */
export class DealContextDto {
  @ApiProperty({ type: String, nullable: true, example: 'Bouwbedrijf De Vries B.V.' })
  contractorName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Groene Handen' })
  socialEnterpriseName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Schoonmaak stadhuis' })
  tenderTitle: string | null;
  @ApiProperty({ type: ContractPeriodDto, nullable: true, description: "The obligation's contract period" })
  contractPeriod: ContractPeriodDto | null;
}

export function dealContextJson(c: DealContext): DealContextDto {
  return {
    contractorName: c.contractorName,
    socialEnterpriseName: c.socialEnterpriseName,
    tenderTitle: c.tenderTitle,
    contractPeriod: c.contractPeriod,
  };
}

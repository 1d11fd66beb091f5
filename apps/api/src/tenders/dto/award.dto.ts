import { Bounded, BOUNDS } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { ContractPeriodDto } from './contract-period.dto';

export class AwardDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  contractorOrganisationId: string;

  @ApiProperty({ example: 115000000 })
  @Bounded(BOUNDS.contractValueCents)
  contractValueCents: number;

  @ApiPropertyOptional({ type: ContractPeriodDto, description: "Defaults to the tender's contract period" })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContractPeriodDto)
  contractPeriod?: ContractPeriodDto;
}

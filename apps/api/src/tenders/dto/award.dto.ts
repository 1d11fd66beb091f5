import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ContractPeriodDto } from './contract-period.dto';

export class AwardDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  contractorOrganisationId: string;

  @ApiProperty({ example: 115000000 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  contractValueCents: number;

  @ApiPropertyOptional({ type: ContractPeriodDto, description: "Defaults to the tender's contract period" })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContractPeriodDto)
  contractPeriod?: ContractPeriodDto;
}

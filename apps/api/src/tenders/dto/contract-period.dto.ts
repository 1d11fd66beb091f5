import { IsoDateConstraint } from '@app/common';
import { ApiProperty } from '@nestjs/swagger';
import { Validate } from 'class-validator';

export class ContractPeriodDto {
  @ApiProperty({ example: '2026-01-01' })
  @Validate(IsoDateConstraint)
  startDate: string;

  @ApiProperty({ example: '2027-12-31' })
  @Validate(IsoDateConstraint)
  endDate: string;
}

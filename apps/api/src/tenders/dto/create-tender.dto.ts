import { Bounded, BOUNDS, IsoDateConstraint, POSTCODE_OR_PC4_PATTERN, SIZES, Sized } from '@app/common';
import { PROCUREMENT_CATEGORY_VALUES, type MainProcurementCategory } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Validate,
  ValidateNested,
} from 'class-validator';
import { ContractPeriodDto } from './contract-period.dto';

export class TenderItemDto {
  @ApiProperty({ example: 'Schoonmaak van gemeentelijke gebouwen' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  description: string;

  @ApiProperty({ example: '90911200-8' })
  @IsString()
  @MaxLength(20)
  cpvCode: string;
}

export class TenderSroiDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  policyId: string;

  @ApiPropertyOptional({
    example: 5,
    description: "The tender's own percentage (overrides the policy default)",
    type: Number,
    nullable: true,
  })
  @IsOptional()
  @Bounded(BOUNDS.percentage, { decimals: 2 })
  percentage?: number | null;
}

export class CreateTenderDto {
  @ApiProperty({ example: 'Schoonmaak gemeentelijke panden 2026-2028' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ example: 'Dagelijkse schoonmaak van 14 panden.' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiProperty({ enum: PROCUREMENT_CATEGORY_VALUES })
  @IsIn(PROCUREMENT_CATEGORY_VALUES)
  mainProcurementCategory: MainProcurementCategory;

  @ApiProperty({ type: [TenderItemDto] })
  @IsArray()
  @Sized(SIZES.tenderItems)
  @ValidateNested({ each: true })
  @Type(() => TenderItemDto)
  items: TenderItemDto[];

  @ApiProperty({ example: 120000000 })
  @Bounded(BOUNDS.contractValueCents)
  estimatedValueCents: number;

  @ApiPropertyOptional({ example: '2011 RD', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(POSTCODE_OR_PC4_PATTERN, { message: 'deliveryPostcode must be a Dutch postcode such as 2011 AB' })
  deliveryPostcode?: string | null;

  @ApiPropertyOptional({ example: '2026-02-01', type: String, nullable: true })
  @IsOptional()
  @Validate(IsoDateConstraint)
  tenderPeriodEnd?: string | null;

  @ApiProperty({ type: ContractPeriodDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ContractPeriodDto)
  contractPeriod: ContractPeriodDto;

  @ApiPropertyOptional({ example: 0.7, type: Number, nullable: true })
  @IsOptional()
  @Bounded(BOUNDS.share, { decimals: 3 })
  labourShare?: number | null;

  @ApiProperty({ type: TenderSroiDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TenderSroiDto)
  sroi: TenderSroiDto;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The challenge of your organisation this tender follows from',
  })
  @IsOptional()
  @IsUUID()
  challengeId?: string | null;
}

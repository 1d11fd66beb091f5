import { ValidationFailedError } from '@app/common';
import { PolicyErrorCode } from '@app/domain';
import { applyDecorators, ArgumentMetadata } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { DiscriminatedBodyPipe } from '../../discriminated-body.pipe';
import {
  ActivityContributionDto,
  CONTRIBUTION_INVALID,
  PlacementContributionDto,
  PurchaseContributionDto,
} from '../../obligations/dto/contribution-body.dto';
import { ContractPeriodDto } from '../../tenders/dto/contract-period.dto';

const ContractPeriodField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      type: ContractPeriodDto,
      description: 'The contract the contribution would count for; default: any period',
    }),
    IsOptional(),
    IsObject(),
    ValidateNested(),
    Type(() => ContractPeriodDto),
  );

export class EvaluatePlacementDto extends PlacementContributionDto {
  @ContractPeriodField() contractPeriod?: ContractPeriodDto;
}

export class EvaluatePurchaseDto extends PurchaseContributionDto {
  @ContractPeriodField() contractPeriod?: ContractPeriodDto;
}

export class EvaluateActivityDto extends ActivityContributionDto {
  @ContractPeriodField() contractPeriod?: ContractPeriodDto;
}

export type EvaluateContributionDto = EvaluatePlacementDto | EvaluatePurchaseDto | EvaluateActivityDto;

export const EVALUATE_CLASSES = {
  employment: EvaluatePlacementDto,
  training: EvaluatePlacementDto,
  social_purchase: EvaluatePurchaseDto,
  social_activity: EvaluateActivityDto,
};

/** Like a contribution body; when only the contract period is wrong the answer says INVALID_PERIOD. */
export class EvaluateBodyPipe extends DiscriminatedBodyPipe {
  constructor() {
    super('category', EVALUATE_CLASSES, CONTRIBUTION_INVALID);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (err) {
      if (
        err instanceof ValidationFailedError &&
        err.details.length > 0 &&
        err.details.every((d) => d.field?.startsWith('contractPeriod'))
      )
        throw new ValidationFailedError(
          'The contract period is invalid',
          err.details,
          PolicyErrorCode.InvalidPeriod,
        );
      throw err;
    }
  }
}

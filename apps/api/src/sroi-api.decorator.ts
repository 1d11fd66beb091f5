import { ProblemDto } from '@app/common';
import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';

/** The OpenAPI frame shared by the SROI controllers (policies, tenders, obligations, contributions, audit). */
export function SroiApi(): ClassDecorator {
  return applyDecorators(
    ApiTags('sroi'),
    ApiBearerAuth(),
    ApiResponse({
      status: 400,
      type: ProblemDto,
      description: 'Invalid input (details name each bad field)',
    }),
    ApiResponse({ status: 401, type: ProblemDto }),
  );
}

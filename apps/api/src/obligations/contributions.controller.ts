import { ProblemDto } from '@app/common';
import { Actor, ObligationsService } from '@app/domain';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { SroiApi } from '../sroi-api.decorator';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { ContributionResponseDto } from './dto/contribution-response.dto';
import { ReviewDto } from './dto/review.dto';

@SroiApi()
@Controller('contributions')
export class ContributionsController {
  constructor(private readonly obligations: ObligationsService) {}

  @Post(':id/review')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Verify (with a value) or reject a contribution' })
  @ApiResponse({ status: 200, type: ContributionResponseDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'Already reviewed' })
  async review(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReviewDto,
  ): Promise<ContributionResponseDto> {
    return ContributionResponseDto.from(await this.obligations.review(actor, id, dto));
  }
}

import { ProblemDto } from '@app/common';
import { Actor, QuoteRequestsService, QuotesService } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { CreateQuoteDto } from './dto/create-quote.dto';
import { CreateQuoteRequestDto } from './dto/create-quote-request.dto';
import { DeclineQuoteRequestDto } from './dto/decline-quote-request.dto';
import { QuoteRequestListQueryDto } from './dto/marketplace-query.dto';
import { QuoteRequestListDto, QuoteRequestResponseDto } from './dto/quote-request-response.dto';
import { QuoteResponseDto } from './dto/quote-response.dto';

@ApiTags('marketplace')
@ApiBearerAuth()
@ApiResponse({
  status: 400,
  type: ProblemDto,
  description: 'Invalid input (details name each bad field)',
})
@ApiResponse({ status: 401, type: ProblemDto })
@ApiResponse({
  status: 403,
  type: ProblemDto,
  description: 'Another role, or the other party (NOT_YOUR_STEP)',
})
@Controller('quote-requests')
export class QuoteRequestsController {
  constructor(
    private readonly requests: QuoteRequestsService,
    private readonly quotes: QuotesService,
  ) {}

  @Post()
  @Roles('contractor')
  @ApiOperation({
    summary: 'Ask the social enterprise behind an offering for a quote, for one of your obligations',
  })
  @ApiResponse({ status: 201, type: QuoteRequestResponseDto })
  @ApiResponse({
    status: 404,
    type: ProblemDto,
    description: 'OBLIGATION_NOT_FOUND or OFFERING_NOT_FOUND',
  })
  @ApiResponse({ status: 422, type: ProblemDto, description: 'OBLIGATION_WAIVED' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateQuoteRequestDto,
  ): Promise<QuoteRequestResponseDto> {
    return QuoteRequestResponseDto.from(await this.requests.create(actor, dto));
  }

  @Get()
  @Roles('contractor', 'social_enterprise', 'procurement_officer')
  @ApiOperation({
    summary:
      "Your quote requests with their quotes (contractor: sent; enterprise: received; officer: on the buyer's obligations)",
  })
  @ApiResponse({ status: 200, type: QuoteRequestListDto })
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: QuoteRequestListQueryDto,
  ): Promise<QuoteRequestListDto> {
    const page = await this.requests.list(actor, q);
    return { items: page.items.map(QuoteRequestResponseDto.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles('contractor', 'social_enterprise', 'procurement_officer')
  @ApiOperation({ summary: 'One quote request with its quotes' })
  @ApiResponse({ status: 200, type: QuoteRequestResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<QuoteRequestResponseDto> {
    return QuoteRequestResponseDto.from(await this.requests.get(actor, id));
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('social_enterprise')
  @ApiOperation({ summary: 'Decline to quote, with a reason' })
  @ApiResponse({ status: 200, type: QuoteRequestResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({
    status: 409,
    type: ProblemDto,
    description: 'ILLEGAL_TRANSITION (already quoted or declined)',
  })
  async decline(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DeclineQuoteRequestDto,
  ): Promise<QuoteRequestResponseDto> {
    return QuoteRequestResponseDto.from(await this.requests.decline(actor, id, dto.reason));
  }

  @Post(':id/quotes')
  @Roles('social_enterprise')
  @ApiOperation({
    summary: 'Quote for the request; a newer quote replaces your earlier open one (superseded)',
  })
  @ApiResponse({ status: 201, type: QuoteResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({
    status: 409,
    type: ProblemDto,
    description: 'ILLEGAL_TRANSITION (declined or ordered)',
  })
  async quote(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateQuoteDto,
  ): Promise<QuoteResponseDto> {
    const quote = await this.quotes.create(actor, id, dto);
    return QuoteResponseDto.from(quote, await this.quotes.contextOfQuote(quote));
  }
}

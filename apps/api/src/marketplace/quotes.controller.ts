import { ProblemDto } from '@app/common';
import { Actor, QuotesService } from '@app/domain';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { OrderResponseDto } from './dto/order-response.dto';
import { QuoteResponseDto } from './dto/quote-response.dto';

@ApiTags('marketplace')
@ApiBearerAuth()
@ApiResponse({ status: 400, type: ProblemDto, description: 'Invalid input' })
@ApiResponse({ status: 401, type: ProblemDto })
@ApiResponse({
  status: 403,
  type: ProblemDto,
  description: 'Another role, or the other party (NOT_YOUR_STEP)',
})
@ApiResponse({ status: 404, type: ProblemDto })
@Controller('quotes')
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Get(':id')
  @Roles('contractor', 'social_enterprise', 'procurement_officer')
  @ApiOperation({ summary: 'One quote' })
  @ApiResponse({ status: 200, type: QuoteResponseDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<QuoteResponseDto> {
    const { quote, request } = await this.quotes.get(actor, id);
    return QuoteResponseDto.from(quote, request.context);
  }

  @Post(':id/accept')
  @Roles('contractor')
  @ApiOperation({ summary: 'Accept the quote: it becomes an order with the enterprise' })
  @ApiResponse({ status: 201, type: OrderResponseDto })
  @ApiResponse({
    status: 409,
    type: ProblemDto,
    description: 'ILLEGAL_TRANSITION (already accepted, rejected or replaced)',
  })
  @ApiResponse({ status: 422, type: ProblemDto, description: 'QUOTE_EXPIRED (after validUntil)' })
  async accept(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<OrderResponseDto> {
    const order = await this.quotes.accept(actor, id);
    return OrderResponseDto.from({ order, invoices: [], context: await this.quotes.contextOf(order) });
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('contractor')
  @ApiOperation({ summary: 'Reject the quote (the enterprise may quote again)' })
  @ApiResponse({ status: 200, type: QuoteResponseDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'ILLEGAL_TRANSITION' })
  async reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<QuoteResponseDto> {
    const quote = await this.quotes.reject(actor, id);
    return QuoteResponseDto.from(quote, await this.quotes.contextOfQuote(quote));
  }
}

import { ProblemDto } from '@app/common';
import { Actor, OrdersService } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { CreateInvoiceDto } from './dto/create-invoice.dto';
import { InvoiceResponseDto } from './dto/invoice-response.dto';
import { OrderListQueryDto } from './dto/marketplace-query.dto';
import { OrderListDto, OrderResponseDto } from './dto/order-response.dto';

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
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  @Roles('contractor', 'social_enterprise', 'procurement_officer')
  @ApiOperation({ summary: "Your orders with their invoices (officer: on the buyer's obligations)" })
  @ApiResponse({ status: 200, type: OrderListDto })
  async list(@CurrentActor() actor: Actor, @Query() q: OrderListQueryDto): Promise<OrderListDto> {
    const page = await this.orders.list(actor, q);
    return { items: page.items.map(OrderResponseDto.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles('contractor', 'social_enterprise', 'procurement_officer')
  @ApiOperation({ summary: 'One order with its invoices' })
  @ApiResponse({ status: 200, type: OrderResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<OrderResponseDto> {
    return OrderResponseDto.from(await this.orders.get(actor, id));
  }

  @Post(':id/invoices')
  @Roles('social_enterprise')
  @ApiOperation({
    summary:
      "Invoice the order: creates a submitted social_purchase contribution on the order's obligation, valued on the invoice date",
  })
  @ApiResponse({ status: 201, type: InvoiceResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({
    status: 409,
    type: ProblemDto,
    description: 'DUPLICATE_INVOICE, or ILLEGAL_TRANSITION (order completed)',
  })
  @ApiResponse({
    status: 422,
    type: ProblemDto,
    description: 'NOT_COUNTABLE with the reason, or OBLIGATION_WAIVED',
  })
  async invoice(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateInvoiceDto,
  ): Promise<InvoiceResponseDto> {
    return InvoiceResponseDto.from(await this.orders.invoice(actor, id, dto));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles('contractor')
  @ApiOperation({ summary: 'Mark the order completed (no further invoices)' })
  @ApiResponse({ status: 200, type: OrderResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'ILLEGAL_TRANSITION (already completed)' })
  async complete(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<OrderResponseDto> {
    return OrderResponseDto.from(await this.orders.complete(actor, id));
  }
}

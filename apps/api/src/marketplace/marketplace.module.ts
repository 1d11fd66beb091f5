import { MarketplaceModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { OrdersController } from './orders.controller';
import { QuoteRequestsController } from './quote-requests.controller';
import { QuotesController } from './quotes.controller';

/** Marketplace: quote requests, quotes, orders and invoices. */
@Module({
  imports: [MarketplaceModule],
  controllers: [QuoteRequestsController, QuotesController, OrdersController],
})
export class MarketplaceApiModule {}

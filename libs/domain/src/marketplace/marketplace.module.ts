import { Module } from '@nestjs/common';
import { MatchingTriggersModule } from '../matching/matching-triggers.module';
import { ProcurementModule } from '../procurement/procurement.module';
import { MarketplaceSteps } from './marketplace-steps.service';
import { OrdersService } from './orders.service';
import { QuoteRequestsService } from './quote-requests.service';
import { QuotesService } from './quotes.service';

@Module({
  imports: [ProcurementModule, MatchingTriggersModule],
  providers: [MarketplaceSteps, QuoteRequestsService, QuotesService, OrdersService],
  exports: [QuoteRequestsService, QuotesService, OrdersService],
})
export class MarketplaceModule {}

import { Module } from '@nestjs/common';
import { MatchingTriggersModule } from '../matching/matching-triggers.module';
import { AuditModule } from '../audit/audit.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { MarketplaceSteps } from './marketplace-steps.service';
import { OrdersService } from './orders.service';
import { QuoteRequestsService } from './quote-requests.service';
import { QuotesService } from './quotes.service';

@Module({
  imports: [ObligationsModule, AuditModule, MatchingTriggersModule],
  providers: [MarketplaceSteps, QuoteRequestsService, QuotesService, OrdersService],
  exports: [QuoteRequestsService, QuotesService, OrdersService],
})
export class MarketplaceModule {}

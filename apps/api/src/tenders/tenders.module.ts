import { TendersModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { TendersController } from './tenders.controller';

/** Tenders: their lifecycle and award. */
@Module({
  imports: [TendersModule],
  controllers: [TendersController],
})
export class TendersApiModule {}

import { InteropModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { ImportsController } from './imports.controller';
import { OcdsExtensionsController, OpenDataController } from './open-data.controller';

/** Interop: OCDS imports and publication as OCDS with the SROI extension. */
@Module({
  imports: [InteropModule],
  controllers: [ImportsController, OpenDataController, OcdsExtensionsController],
})
export class InteropApiModule {}

import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { InitiativesService } from './initiatives.service';

@Module({
  imports: [DirectoryModule, ObligationsModule],
  providers: [InitiativesService],
  exports: [InitiativesService],
})
export class InitiativesModule {}

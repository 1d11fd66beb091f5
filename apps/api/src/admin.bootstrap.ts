import { IdentityService } from '@app/domain';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';

@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  constructor(private readonly identity: IdentityService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.identity.ensureAdmin();
  }
}

import { ProblemDto } from '@app/common';
import { Actor, IdentityService } from '@app/domain';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from './auth.decorators';
import { MeResponseDto } from './dto/me-response.dto';

@ApiTags('identity')
@ApiResponse({ status: 400, type: ProblemDto, description: 'Invalid input' })
@Controller('me')
export class MeController {
  constructor(private readonly identity: IdentityService) {}

  @Get()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user and organisation' })
  @ApiResponse({ status: 200, type: MeResponseDto })
  @ApiResponse({ status: 401, type: ProblemDto })
  async me(@CurrentActor() actor: Actor): Promise<MeResponseDto> {
    return MeResponseDto.from(await this.identity.me(actor));
  }
}

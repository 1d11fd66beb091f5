import { ProblemDto } from '@app/common';
import { Actor, NotificationsService } from '@app/domain';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../identity/auth.decorators';
import { PreferencesDto } from './dto/preferences.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiResponse({ status: 400, type: ProblemDto, description: 'Invalid input' })
@ApiResponse({ status: 401, type: ProblemDto })
@Controller('me/preferences')
export class PreferencesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's language and email preference (new users: nl, immediately)" })
  @ApiResponse({ status: 200, type: PreferencesDto })
  get(@CurrentActor() actor: Actor): Promise<PreferencesDto> {
    return this.notifications.preferences(actor);
  }

  @Put()
  @ApiOperation({ summary: "Sets the caller's language and email preference" })
  @ApiResponse({ status: 200, type: PreferencesDto })
  put(@CurrentActor() actor: Actor, @Body() body: PreferencesDto): Promise<PreferencesDto> {
    return this.notifications.setPreferences(actor, { language: body.language, email: body.email });
  }
}

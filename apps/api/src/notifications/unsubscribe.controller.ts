import { ProblemDto } from '@app/common';
import { NotificationsService } from '@app/domain';
import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../identity/auth.decorators';
import { PreferencesDto } from './dto/preferences.dto';

/**
 * The one-click unsubscribe of every mail (`List-Unsubscribe` / `List-Unsubscribe-Post`, RFC 8058): turns the
 * token's user's email off without signing in. The token is signed with the app secret and expires.
 */
@ApiTags('notifications')
@Public()
@ApiQuery({ name: 'token', required: true, description: 'The token of the unsubscribe link in a mail' })
@ApiResponse({
  status: 400,
  type: ProblemDto,
  description: 'UNSUBSCRIBE_TOKEN_INVALID (forged, altered) or UNSUBSCRIBE_TOKEN_EXPIRED',
})
@Controller('email/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Turns email off for the link’s user (no session needed)' })
  @ApiResponse({ status: 200, type: PreferencesDto })
  get(@Query('token') token?: string): Promise<PreferencesDto> {
    return this.notifications.unsubscribe(token);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'One-click unsubscribe (List-Unsubscribe-Post): turns email off' })
  @ApiResponse({ status: 200, type: PreferencesDto })
  post(@Query('token') token?: string): Promise<PreferencesDto> {
    return this.notifications.unsubscribe(token);
  }
}

import { Actor, NotificationsService } from '@app/domain';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../identity/auth.decorators';
import { NotificationListDto } from './dto/notification-response.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's organisation's latest notifications" })
  @ApiResponse({ status: 200, type: NotificationListDto })
  async list(@CurrentActor() actor: Actor): Promise<NotificationListDto> {
    return NotificationListDto.from(await this.notifications.list(actor));
  }
}

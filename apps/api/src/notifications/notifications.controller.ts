import { ProblemDto } from '@app/common';
import { Actor, NotificationsService } from '@app/domain';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../identity/auth.decorators';
import { MarkReadDto, NotificationQueryDto } from './dto/notification-query.dto';
import { NotificationListDto, UnreadCountDto } from './dto/notification-response.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiResponse({ status: 400, type: ProblemDto, description: 'Invalid input' })
@ApiResponse({ status: 401, type: ProblemDto })
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: "The caller's notifications, newest first, in the caller's language, with unread count",
  })
  @ApiResponse({ status: 200, type: NotificationListDto })
  async list(@CurrentActor() actor: Actor, @Query() q: NotificationQueryDto): Promise<NotificationListDto> {
    return NotificationListDto.from(
      await this.notifications.list(actor, { unread: q.unread === 'true', limit: q.limit, cursor: q.cursor }),
    );
  }

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks notifications (ids) or all as read for the caller' })
  @ApiResponse({ status: 200, type: UnreadCountDto })
  markRead(@CurrentActor() actor: Actor, @Body() body: MarkReadDto): Promise<UnreadCountDto> {
    return this.notifications.markRead(actor, body);
  }
}

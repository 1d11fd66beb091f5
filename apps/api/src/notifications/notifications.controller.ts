import { Actor, NotificationsService } from '@app/domain';
import { NotificationEntity } from '@app/database';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/auth.decorators';

class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'welcome' }) kind: string;
  @ApiProperty() message: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) readAt: string | null;

  static from(n: NotificationEntity): NotificationDto {
    return {
      id: n.id,
      kind: n.kind,
      message: n.message,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    };
  }
}

class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's organisation's latest notifications" })
  @ApiResponse({ status: 200, type: NotificationListDto })
  async list(@CurrentActor() actor: Actor): Promise<NotificationListDto> {
    return { items: (await this.notifications.list(actor)).map(NotificationDto.from) };
  }
}

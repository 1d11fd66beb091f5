import { NotificationEntity } from '@app/database';
import { ApiProperty } from '@nestjs/swagger';

export class NotificationDto {
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

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];

  static from(notifications: NotificationEntity[]): NotificationListDto {
    return { items: notifications.map((n) => NotificationDto.from(n)) };
  }
}

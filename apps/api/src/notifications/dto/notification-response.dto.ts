import { NotificationPage, NotificationView } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    example: 'quote_received',
    description: 'What happened (the kinds are listed in the API docs)',
  })
  kind: string;
  @ApiProperty({ example: 'Offerte ontvangen', description: "In the reader's language" }) title: string;
  @ApiProperty({ example: 'Offerte voor "Catering": € 2.500,00, geldig tot en met 14 december 2026.' })
  body: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/contractor/quotes',
    description: 'Web app path of the object',
  })
  link: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When this user read it' })
  readAt: string | null;

  static from(n: NotificationView): NotificationDto {
    return {
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: new Date(n.createdAt).toISOString(),
      readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
    };
  }
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ example: 3, description: "The caller's unread notifications (all, not only this page)" })
  unreadCount: number;
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;

  static from(page: NotificationPage): NotificationListDto {
    return {
      items: page.items.map((n) => NotificationDto.from(n)),
      unreadCount: page.unreadCount,
      nextCursor: page.nextCursor,
    };
  }
}

export class UnreadCountDto {
  @ApiProperty({ example: 0 }) unreadCount: number;
}

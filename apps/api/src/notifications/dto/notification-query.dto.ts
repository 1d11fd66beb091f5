import { PageQueryDto, SIZES, Sized } from '@app/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only those this user has not read' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

export class MarkReadDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'These notifications (or give all: true)',
  })
  @IsOptional()
  @Sized(SIZES.notificationIds)
  @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional({ enum: [true], description: 'Every notification of this user' })
  @IsOptional()
  @IsBoolean()
  @Equals(true)
  all?: true;
}

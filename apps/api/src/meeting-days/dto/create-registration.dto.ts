import { Bounded, BOUNDS, SIZES, Sized } from '@app/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsOptional, IsUUID, Matches } from 'class-validator';
import { HH_MM_PATTERN, HH_MM_SOURCE } from './create-event.dto';

export class CreateRegistrationDto {
  @ApiPropertyOptional({
    example: '10:00',
    pattern: HH_MM_SOURCE,
    type: String,
    nullable: true,
    description: 'HH:MM; default: the start of the day',
  })
  @IsOptional()
  @Matches(HH_MM_PATTERN, { message: 'availableFrom must be HH:MM' })
  availableFrom?: string | null;

  @ApiPropertyOptional({
    example: '12:00',
    pattern: HH_MM_SOURCE,
    type: String,
    nullable: true,
    description: 'HH:MM; default: the end of the day',
  })
  @IsOptional()
  @Matches(HH_MM_PATTERN, { message: 'availableUntil must be HH:MM' })
  availableUntil?: string | null;

  @ApiPropertyOptional({
    example: 4,
    type: Number,
    nullable: true,
    description: 'Default: every slot of the day',
  })
  @IsOptional()
  @Bounded(BOUNDS.maxMeetings)
  maxMeetings?: number | null;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    format: 'uuid',
    nullable: true,
    description: 'Organisations of the other kind you want to meet',
    example: ['3f2b8c1e-7a5d-4e9b-9c1a-2d4e6f8a0b1c'],
  })
  @IsOptional()
  @IsArray()
  @Sized(SIZES.meetingWishes)
  @IsUUID('all', { each: true })
  wishes?: string[] | null;
}

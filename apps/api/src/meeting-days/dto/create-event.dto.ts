import { Bounded, BOUNDS, IsoDateConstraint, POSTCODE_OR_PC4_PATTERN } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Validate } from 'class-validator';

export const HH_MM_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const HH_MM_SOURCE = HH_MM_PATTERN.source;

export class CreateEventDto {
  @ApiProperty({ example: 'Buy Social Marktplaats Haarlem' })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '2026-06-12', description: 'The day (Dutch calendar date)' })
  @Validate(IsoDateConstraint)
  date: string;

  @ApiProperty({ example: '09:00', pattern: HH_MM_SOURCE, description: 'HH:MM, Dutch local time' })
  @Matches(HH_MM_PATTERN, { message: 'startTime must be HH:MM' })
  startTime: string;

  @ApiProperty({
    example: '12:00',
    pattern: HH_MM_SOURCE,
    description: 'HH:MM, Dutch local time; after startTime',
  })
  @Matches(HH_MM_PATTERN, { message: 'endTime must be HH:MM' })
  endTime: string;

  @ApiProperty({ example: 20, description: 'Length of one meeting' })
  @Bounded(BOUNDS.slotMinutes)
  slotMinutes: number;

  @ApiProperty({ example: 20, description: 'Meetings that can run at once' })
  @Bounded(BOUNDS.tables)
  tables: number;

  @ApiProperty({ example: '2011 RD', description: 'Where the day is held' })
  @IsString()
  @Matches(POSTCODE_OR_PC4_PATTERN, { message: 'postcode must be a Dutch postcode (1234 AB or 1234)' })
  postcode: string;

  @ApiPropertyOptional({
    example: 'Ontmoet sociale ondernemingen die u helpen uw SROI-verplichting in te vullen.',
    type: String,
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;
}

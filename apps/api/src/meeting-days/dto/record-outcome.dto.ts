import { MEETING_OUTCOMES, type MeetingOutcome } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class RecordOutcomeDto {
  @ApiProperty({ enum: MEETING_OUTCOMES, example: 'follow_up' })
  @IsIn(MEETING_OUTCOMES)
  outcome: MeetingOutcome;

  @ApiPropertyOptional({ example: 'Offerte volgt volgende week.', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

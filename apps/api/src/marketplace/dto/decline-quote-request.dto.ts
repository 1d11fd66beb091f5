import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class DeclineQuoteRequestDto {
  @ApiPropertyOptional({ example: 'Geen capaciteit in deze periode', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}

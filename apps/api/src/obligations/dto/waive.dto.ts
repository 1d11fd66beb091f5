import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class WaiveDto {
  @ApiProperty({ example: 'Contract ended early by mutual agreement' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

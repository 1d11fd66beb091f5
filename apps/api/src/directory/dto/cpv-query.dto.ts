import { PageQueryDto } from '@app/common';
import { ApiProperty, PickType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CpvQueryDto extends PickType(PageQueryDto, ['limit'] as const) {
  @ApiProperty({ example: 'schoonmaak', description: 'Code prefix (digits) or words in Dutch or English' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  q: string;
}

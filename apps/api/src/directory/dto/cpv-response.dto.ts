import { CpvCodeEntity } from '@app/database';
import { ApiProperty } from '@nestjs/swagger';
import type { CpvDisplay } from './cpv-display';

export class CpvItemDto {
  @ApiProperty({ example: '90910000-9' }) code: string;
  @ApiProperty({ example: 'Cleaning services' }) labelEn: string;
  @ApiProperty({ example: 'Reinigingsdiensten' }) labelNl: string;
  @ApiProperty({ example: 'class', enum: ['division', 'group', 'class', 'category', 'subcategory'] })
  level: string;
  @ApiProperty({ type: String, nullable: true, example: '90900000-6' }) parent: string | null;

  static from(c: CpvCodeEntity, parentDisplay: string | null): CpvItemDto {
    return {
      code: `${c.code}-${c.checkDigit}`,
      labelEn: c.labelEn,
      labelNl: c.labelNl,
      level: c.level,
      parent: parentDisplay,
    };
  }
}

export class CpvListDto {
  @ApiProperty({ type: [CpvItemDto] }) items: CpvItemDto[];

  static async from(rows: CpvCodeEntity[], cpv: CpvDisplay): Promise<CpvListDto> {
    const parents = await cpv.displayCodes(rows.map((r) => r.parent ?? ''));
    return { items: rows.map((r, i) => CpvItemDto.from(r, r.parent ? parents[i] : null)) };
  }
}

import type { Page } from '@app/common';
import { AuditLogEntity } from '@app/database';
import { ApiProperty } from '@nestjs/swagger';

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty({ example: 'publish' }) action: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: Record<
    string,
    unknown
  > | null;
  @ApiProperty() createdAt: string;

  static from(a: AuditLogEntity): AuditEntryDto {
    return {
      id: a.id,
      entityType: a.entityType,
      entityId: a.entityId,
      action: a.action,
      actorUserId: a.actorUserId,
      before: a.before,
      after: a.after,
      createdAt: a.createdAt.toISOString(),
    };
  }
}

export class AuditListDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;

  static from(page: Page<AuditLogEntity>): AuditListDto {
    return { items: page.items.map(AuditEntryDto.from), nextCursor: page.nextCursor };
  }
}

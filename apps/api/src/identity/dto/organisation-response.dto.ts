import { OrganisationEntity, type OrganisationKind } from '@app/database';
import { ApiProperty } from '@nestjs/swagger';

export class OrganisationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['buyer', 'contractor', 'social_enterprise'] }) kind: OrganisationKind;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, example: '34369853' }) kvkNumber: string | null;
  @ApiProperty({ example: '2011 RD' }) postcode: string;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty() createdAt: string;

  static from(o: OrganisationEntity): OrganisationResponseDto {
    return {
      id: o.id,
      kind: o.kind,
      name: o.name,
      kvkNumber: o.kvkNumber,
      postcode: o.postcode,
      city: o.city,
      createdAt: o.createdAt.toISOString(),
    };
  }
}

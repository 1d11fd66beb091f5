import { OfferingEntity } from '@app/database';
import { ApiProperty } from '@nestjs/swagger';
import type { CpvDisplay } from './cpv-display';

export class OfferingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) socialEnterpriseId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: ['90910000-9'] }) cpvCodes: string[];
  @ApiProperty({ type: Number, nullable: true }) priceIndicationCents: number | null;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
  @ApiProperty({ type: Number, nullable: true }) labourShare: number | null;
  @ApiProperty({ type: String, nullable: true }) deliveryPostcode: string | null;
  @ApiProperty({ type: Number, nullable: true }) deliveryRadiusKm: number | null;
  @ApiProperty({ type: Number, nullable: true }) capacityCentsPerMonth: number | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static async from(o: OfferingEntity, cpv: CpvDisplay): Promise<OfferingDto> {
    return {
      id: o.id,
      socialEnterpriseId: o.organisationId,
      title: o.title,
      description: o.description,
      cpvCodes: await cpv.displayCodes(o.cpvCodes),
      priceIndicationCents: o.priceIndicationCents,
      unit: o.unit,
      labourShare: o.labourShare,
      deliveryPostcode: o.deliveryPostcode,
      deliveryRadiusKm: o.deliveryRadiusKm,
      capacityCentsPerMonth: o.capacityCentsPerMonth,
      createdAt: o.createdAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
    };
  }
}

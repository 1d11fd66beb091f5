import type { BuyerDashboard } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

export class DashboardSpendDto {
  @ApiProperty({ format: 'uuid' }) socialEnterpriseId: string;
  @ApiProperty({ example: 'Schoon & Sociaal' }) name: string;
  @ApiProperty({ description: 'Invoices (social purchase contributions) counted' }) count: number;
  @ApiProperty({ description: 'Invoice amounts, cents excl. VAT' }) spentCents: number;
  @ApiProperty({ description: 'SROI credit claimed for them, cents' }) claimedCents: number;
  @ApiProperty({ description: 'SROI credit verified, cents' }) verifiedCents: number;
}

export class DashboardTotalsDto {
  @ApiProperty() spentCents: number;
  @ApiProperty() claimedCents: number;
  @ApiProperty() verifiedCents: number;
}

export class DashboardResponseDto {
  @ApiProperty({ format: 'uuid' }) buyerId: string;
  @ApiProperty() buyerName: string;
  @ApiProperty({
    type: [DashboardSpendDto],
    description: 'Money spent with each social enterprise on the buyer’s obligations, most first',
  })
  spendPerSocialEnterprise: DashboardSpendDto[];
  @ApiProperty({ type: DashboardTotalsDto }) totals: DashboardTotalsDto;

  static from(d: BuyerDashboard): DashboardResponseDto {
    return {
      buyerId: d.buyerId,
      buyerName: d.buyerName,
      spendPerSocialEnterprise: d.spendPerSocialEnterprise.map((s) => ({ ...s })),
      totals: { ...d.totals },
    };
  }
}

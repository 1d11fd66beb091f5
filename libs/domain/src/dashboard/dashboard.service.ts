import { ForbiddenError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../identity/actor';
import { SPEND_PER_SE_SQL } from '../reports/report-queries';

/** What a buyer spent with one social enterprise: invoice amounts and the credit they were valued at. */
export interface DashboardSpend {
  socialEnterpriseId: string;
  name: string;
  count: number;
  spentCents: number;
  claimedCents: number;
  verifiedCents: number;
}

export interface BuyerDashboard {
  buyerId: string;
  buyerName: string;
  spendPerSocialEnterprise: DashboardSpend[];
  totals: { spentCents: number; claimedCents: number; verifiedCents: number };
}

/**
 * The officer's dashboard figures, read straight from the database in the request: the same query as the buyer
 * report's money per social enterprise, without filing a report (reading changes nothing).
 */
@Injectable()
export class DashboardService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async buyer(actor: Actor): Promise<BuyerDashboard> {
    if (actor.role !== 'procurement_officer' || !actor.organisationId) {
      throw new ForbiddenError('FORBIDDEN', "The dashboard shows a buyer's figures to its officers");
    }
    const buyerId = actor.organisationId;
    const [buyer] = await this.ds.query<{ name: string }[]>('SELECT name FROM organisation WHERE id = $1', [
      buyerId,
    ]);
    const rows = await this.ds.query<
      {
        id: string;
        name: string;
        count: number;
        spent_cents: string;
        claimed_cents: string;
        verified_cents: string;
      }[]
    >(SPEND_PER_SE_SQL, [buyerId, null, null]);
    const spend = rows.map((r) => ({
      socialEnterpriseId: r.id,
      name: r.name,
      count: Number(r.count),
      spentCents: Number(r.spent_cents),
      claimedCents: Number(r.claimed_cents),
      verifiedCents: Number(r.verified_cents),
    }));
    const sum = (f: (s: DashboardSpend) => number) => spend.reduce((t, s) => t + f(s), 0);
    return {
      buyerId,
      buyerName: buyer?.name ?? '',
      spendPerSocialEnterprise: spend,
      totals: {
        spentCents: sum((s) => s.spentCents),
        claimedCents: sum((s) => s.claimedCents),
        verifiedCents: sum((s) => s.verifiedCents),
      },
    };
  }
}

import { Env } from '@app/config';
import { ObligationEntity, OrganisationEntity, SroiPolicyEntity } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor } from '../identity/actor';
import { TendersService } from '../tenders/tenders.service';
import {
  ExportAward,
  ExportContract,
  ExportParty,
  OcdsReleasePackage,
  tenderReleasePackage,
} from './ocds-export.mapping';

export const OCDS_PUBLISHER_NAME = 'Buy Social Marktplaats';

/** Tenders out as OCDS 1.1 release packages, visible exactly as the tender itself is. */
@Injectable()
export class OcdsExportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tenders: TendersService,
    private readonly env: Env,
  ) {}

  async releasePackage(actor: Actor | undefined, tenderId: string): Promise<OcdsReleasePackage> {
    const t = await this.tenders.get(actor, tenderId);
    const items = t.items ?? [];
    const labels = new Map<string, string>(
      items.length
        ? (
            await this.ds.query<{ code: string; label_nl: string }[]>(
              'SELECT code, label_nl FROM cpv_code WHERE code = ANY($1)',
              [items.map((i) => i.cpvCode)],
            )
          ).map((r) => [r.code, r.label_nl])
        : [],
    );
    const buyer = t.buyerOrganisation!;
    const awards: ExportAward[] = [];
    const contracts: ExportContract[] = [];
    if (t.source === 'ocds') {
      for (const a of await this.tenders.ocdsAwards(t.id)) {
        awards.push({
          id: a.awardId,
          title: a.title,
          status: a.status,
          date: a.date?.toISOString() ?? null,
          valueCents: a.valueCents,
          currency: a.currency,
          suppliers: a.suppliers.map((s) => ({ id: s.id ?? `supplier-${shortHash(s.name)}`, name: s.name })),
        });
      }
    } else {
      const contract = await this.tenders.contractOf(t.id);
      if (contract) {
        const [contractor, obligation, policy] = await Promise.all([
          this.ds
            .getRepository(OrganisationEntity)
            .findOneByOrFail({ id: contract.contractorOrganisationId }),
          this.ds.getRepository(ObligationEntity).findOne({ where: { contractId: contract.id } }),
          this.ds.getRepository(SroiPolicyEntity).findOne({ where: { id: contract.policyId } }),
        ]);
        const awardId = `${contract.id}-award`;
        const period = { startDate: contract.startDate, endDate: contract.endDate };
        awards.push({
          id: awardId,
          status: 'active',
          date: contract.awardedAt.toISOString(),
          valueCents: contract.valueCents,
          currency: t.currency,
          suppliers: [party(contractor)],
          contractPeriod: period,
        });
        contracts.push({
          id: contract.id,
          awardId,
          valueCents: contract.valueCents,
          currency: t.currency,
          period,
          dateSigned: contract.awardedAt.toISOString(),
          status: t.status === 'complete' ? 'terminated' : 'active',
          socialReturn: obligation
            ? {
                policy: {
                  id: contract.policyId,
                  name: policy?.name ?? null,
                  version: policy?.version ?? null,
                },
                applicable: obligation.applicable,
                reason: obligation.reason,
                percentage: obligation.percentage,
                amountCents: obligation.amountCents,
                dueDate: obligation.dueDate,
              }
            : null,
        });
      }
    }
    return tenderReleasePackage({
      tender: {
        id: t.id,
        source: t.source,
        ocid: this.tenders.ocidOf(t),
        title: t.title,
        description: t.description,
        status: t.status,
        ocdsStatus: t.ocdsStatus,
        mainProcurementCategory: t.mainProcurementCategory,
        estimatedValueCents: t.estimatedValueCents,
        currency: t.currency,
        tenderPeriodEnd: t.tenderPeriodEnd,
        contractStart: t.contractStart,
        contractEnd: t.contractEnd,
        labourShare: t.labourShare,
        suitability: { sme: t.suitableForSme, vcse: t.suitableForVcse },
        lots: t.lots,
        items: items.map((i) => ({
          position: i.position,
          description: i.description,
          cpvCode: i.cpvCode,
          label: labels.get(i.cpvCode) ?? null,
        })),
        sroi: t.sroiPolicyId
          ? {
              policyId: t.sroiPolicyId,
              policyName: t.sroiPolicy?.name ?? null,
              policyVersion: t.sroiPolicy?.version ?? null,
              percentage: t.sroiPercentage,
            }
          : null,
        publishedAt: t.publishedAt?.toISOString() ?? null,
        updatedAt: t.updatedAt.toISOString(),
      },
      buyer: party(buyer),
      awards,
      contracts,
      ocidPrefix: this.env.OCDS_OCID_PREFIX,
      publisherName: OCDS_PUBLISHER_NAME,
      apiBaseUrl: `${this.env.PUBLIC_BASE_URL.replace(/\/+$/, '')}/api/v1`,
    });
  }
}

function party(o: OrganisationEntity): ExportParty {
  return { id: o.id, name: o.name, kvkNumber: o.kvkNumber, city: o.city };
}

function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 12);
}

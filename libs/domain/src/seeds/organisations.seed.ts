import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import {
  CertificationEntity,
  OfferingEntity,
  OrganisationEntity,
  SocialEnterpriseProfileEntity,
  UserEntity,
} from '@app/database';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD } from './organisations.demo-data';

export interface SeededLogin {
  email: string;
  role: string;
  organisation: string;
}

async function cpvAncestors(m: EntityManager, codes: string[]): Promise<string[]> {
  const rows: { code: string }[] = await m.query(
    `WITH RECURSIVE up AS (SELECT code, parent FROM cpv_code WHERE code = ANY($1)
       UNION SELECT c.code, c.parent FROM cpv_code c JOIN up ON c.code = up.parent)
     SELECT DISTINCT code FROM up ORDER BY code`,
    [codes],
  );
  return rows.map((r) => r.code);
}

/** Idempotent: organisations are matched by KvK number and users by email; running twice changes nothing. */
export async function seedDemoData(ds: DataSource): Promise<SeededLogin[]> {
  const logins: SeededLogin[] = [];
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
  await ds.transaction(async (m) => {
    for (const demo of DEMO_ORGANISATIONS) {
      await m
        .createQueryBuilder()
        .insert()
        .into(OrganisationEntity)
        .values({
          kind: demo.kind,
          name: demo.name,
          kvkNumber: demo.kvkNumber,
          postcode: demo.postcode,
          city: demo.city,
        })
        .orIgnore()
        .execute();
      const org = await m.getRepository(OrganisationEntity).findOneByOrFail({ kvkNumber: demo.kvkNumber });
      for (const u of demo.users) {
        await m
          .createQueryBuilder()
          .insert()
          .into(UserEntity)
          .values({ email: u.email, name: u.name, role: u.role, organisationId: org.id, passwordHash })
          .orIgnore()
          .execute();
        logins.push({ email: u.email, role: u.role, organisation: org.name });
      }
      if (demo.profile) {
        await m
          .createQueryBuilder()
          .insert()
          .into(SocialEnterpriseProfileEntity)
          .values({
            organisationId: org.id,
            ...demo.profile,
            targetGroups: demo.profile.targetGroups as never,
          })
          .orIgnore()
          .execute();
      }
      // Certifications and offerings are only added the first time, so a rerun changes nothing.
      if (
        demo.certifications &&
        !(await m.getRepository(CertificationEntity).countBy({ organisationId: org.id }))
      ) {
        for (const c of demo.certifications) {
          await m.getRepository(CertificationEntity).insert({
            organisationId: org.id,
            type: c.type as CertificationEntity['type'],
            level: (c.level ?? null) as CertificationEntity['level'],
            validFrom: c.validFrom,
            validUntil: c.validUntil ?? null,
            status: c.verified ? 'verified' : 'unverified',
            reviewNote: c.verified ? 'Demo data' : null,
            reviewedAt: c.verified ? new Date() : null,
          });
        }
      }
      if (demo.offerings && !(await m.getRepository(OfferingEntity).countBy({ organisationId: org.id }))) {
        const [area] = await m.query('SELECT lat, lon FROM postcode_area WHERE pc4 = $1', [
          demo.postcode.slice(0, 4),
        ]);
        for (const o of demo.offerings) {
          await m.getRepository(OfferingEntity).insert({
            organisationId: org.id,
            title: o.title,
            description: o.description,
            cpvCodes: o.cpvCodes,
            cpvAncestors: await cpvAncestors(m, o.cpvCodes),
            priceIndicationCents: o.priceIndicationCents ?? null,
            unit: o.unit ?? null,
            labourShare: o.labourShare ?? null,
            deliveryRadiusKm: o.deliveryRadiusKm ?? null,
            lat: area?.lat ?? null,
            lon: area?.lon ?? null,
          });
        }
      }
    }
  });
  return logins;
}

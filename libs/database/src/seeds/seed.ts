import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { OrganisationEntity, UserEntity } from '../entities';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD } from './demo-data';

export interface SeededLogin {
  email: string;
  role: string;
  organisation: string;
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
    }
  });
  return logins;
}

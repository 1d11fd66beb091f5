import {
  BusinessRuleError,
  ConflictError,
  normalisePostcode,
  NotFoundError,
  Page,
  UnauthorizedError,
  withUniqueConflicts,
} from '@app/common';
import { Env } from '@app/config';
import { OrganisationEntity, OrganisationKind, UserEntity, UserRole } from '@app/database';
import { OutboxJobs, OutboxService } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from './actor';
import { OrganisationHit, OrganisationSearchQuery, searchOrganisations } from './organisation-search';
import { IdentityErrorCode } from './identity.errors';
import { hashPassword, verifyPassword } from './passwords';
import { TokenPair, TokensService } from './tokens.service';

export interface OrganisationInput {
  kind: OrganisationKind;
  name: string;
  kvkNumber?: string | null;
  postcode: string;
  city?: string | null;
}

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  organisation: OrganisationInput;
}

export interface NewUserInput {
  email: string;
  name: string;
  password: string;
  role: UserRole;
}

export interface SessionResult extends TokenPair {
  user: UserEntity;
}

/** Which user role belongs to which organisation kind. */
const ROLE_OF_KIND: Record<OrganisationKind, UserRole> = {
  buyer: 'procurement_officer',
  contractor: 'contractor',
  social_enterprise: 'social_enterprise',
};

@Injectable()
export class IdentityService {
  private readonly logger = new Logger(IdentityService.name);
  /** Verified against when the email is unknown, so a login takes as long either way. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tokens: TokensService,
    private readonly outbox: OutboxService,
    private readonly env: Env,
  ) {}

  async register(input: RegisterInput): Promise<SessionResult> {
    const passwordHash = await hashPassword(input.password);
    return this.uniqueViolationsAsConflicts(() =>
      this.ds.transaction(async (m) => {
        const organisation = await this.insertOrganisation(m, input.organisation);
        const user = await m.getRepository(UserEntity).save({
          email: input.email.toLowerCase(),
          name: input.name.trim(),
          passwordHash,
          role: ROLE_OF_KIND[organisation.kind],
          organisationId: organisation.id,
        });
        await this.outbox.add(m, OutboxJobs.welcomeOrganisation({ organisationId: organisation.id }));
        user.organisation = organisation;
        return { user, ...(await this.tokens.issue(m, user, organisation.kind)) };
      }),
    );
  }

  async login(email: string, password: string): Promise<SessionResult> {
    const user = await this.ds
      .getRepository(UserEntity)
      .findOne({ where: { email: email.toLowerCase() }, relations: { organisation: true } });
    if (!user) {
      this.dummyHash ??= hashPassword('not-a-real-password');
      await verifyPassword(await this.dummyHash, password);
      throw new UnauthorizedError(IdentityErrorCode.InvalidCredentials, 'Email or password is wrong');
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new UnauthorizedError(IdentityErrorCode.InvalidCredentials, 'Email or password is wrong');
    }
    const pair = await this.ds.transaction((m) =>
      this.tokens.issue(m, user, user.organisation?.kind ?? null),
    );
    return { user, ...pair };
  }

  async refresh(refreshToken: string): Promise<SessionResult> {
    const { user, pair } = await this.tokens.rotate(refreshToken);
    return { user, ...pair };
  }

  async me(actor: Actor): Promise<UserEntity> {
    const user = await this.ds
      .getRepository(UserEntity)
      .findOne({ where: { id: actor.userId }, relations: { organisation: true } });
    if (!user)
      throw new UnauthorizedError(IdentityErrorCode.InvalidAccessToken, 'The account no longer exists');
    return user;
  }

  async createOrganisation(input: OrganisationInput): Promise<OrganisationEntity> {
    return this.uniqueViolationsAsConflicts(() =>
      this.ds.transaction((m) => this.insertOrganisation(m, input)),
    );
  }

  async getOrganisation(actor: Actor, id: string): Promise<OrganisationEntity> {
    const org = await this.ds.getRepository(OrganisationEntity).findOne({ where: { id } });
    if (!org || (actor.role !== 'admin' && actor.organisationId !== id)) {
      throw new NotFoundError(IdentityErrorCode.OrganisationNotFound, 'Organisation');
    }
    return org;
  }

  /** The organisation picker (officers, admins): by name or KvK number, in name order. */
  findOrganisations(query: OrganisationSearchQuery): Promise<Page<OrganisationHit>> {
    return searchOrganisations(this.ds, query);
  }

  async createUser(organisationId: string, input: NewUserInput): Promise<UserEntity> {
    const passwordHash = await hashPassword(input.password);
    return this.uniqueViolationsAsConflicts(() =>
      this.ds.transaction(async (m) => {
        const org = await m.getRepository(OrganisationEntity).findOne({ where: { id: organisationId } });
        if (!org) throw new NotFoundError(IdentityErrorCode.OrganisationNotFound, 'Organisation');
        if (ROLE_OF_KIND[org.kind] !== input.role) {
          throw new BusinessRuleError(
            IdentityErrorCode.RoleNotAllowedForOrganisation,
            `Role ${input.role} cannot belong to a ${org.kind} organisation`,
          );
        }
        return m.getRepository(UserEntity).save({
          email: input.email.toLowerCase(),
          name: input.name.trim(),
          passwordHash,
          role: input.role,
          organisationId: org.id,
        });
      }),
    );
  }

  /** Creates the admin account from ADMIN_EMAIL / ADMIN_PASSWORD, or brings its password up to date. */
  async ensureAdmin(): Promise<void> {
    const repo = this.ds.getRepository(UserEntity);
    const email = this.env.ADMIN_EMAIL.toLowerCase();
    const existing = await repo.findOne({ where: { email } });
    if (!existing) {
      await repo
        .createQueryBuilder()
        .insert()
        .values({
          email,
          name: 'Administrator',
          passwordHash: await hashPassword(this.env.ADMIN_PASSWORD),
          role: 'admin',
        })
        .orIgnore()
        .execute();
      this.logger.log({ email }, 'admin account created');
      return;
    }
    const changes: Partial<UserEntity> = {};
    if (existing.role !== 'admin') changes.role = 'admin';
    if (!(await verifyPassword(existing.passwordHash, this.env.ADMIN_PASSWORD))) {
      changes.passwordHash = await hashPassword(this.env.ADMIN_PASSWORD);
    }
    if (Object.keys(changes).length) {
      await repo.update({ id: existing.id }, changes);
      this.logger.log({ email }, 'admin account updated');
    }
  }

  private insertOrganisation(m: EntityManager, input: OrganisationInput): Promise<OrganisationEntity> {
    return m.getRepository(OrganisationEntity).save({
      kind: input.kind,
      name: input.name.trim(),
      kvkNumber: input.kvkNumber ?? null,
      postcode: normalisePostcode(input.postcode),
      city: input.city?.trim() || null,
    });
  }

  private uniqueViolationsAsConflicts<T>(work: () => Promise<T>): Promise<T> {
    return withUniqueConflicts(work, {
      uq_app_user_email: () =>
        new ConflictError(IdentityErrorCode.EmailTaken, 'An account with this email already exists', [
          { field: 'email', message: 'already registered' },
        ]),
      uq_organisation_kvk_number: () =>
        new ConflictError(IdentityErrorCode.KvkNumberTaken, 'An organisation with this KvK number exists', [
          { field: 'kvkNumber', message: 'already registered' },
        ]),
    });
  }
}

import { UnauthorizedError } from '@app/common';
import { Env } from '@app/config';
import { RefreshTokenEntity, UserEntity } from '@app/database';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Actor } from './actor';
import { IdentityErrorCode } from './identity.errors';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_DAYS = 30;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

interface AccessClaims {
  sub: string;
  role: Actor['role'];
  org: string | null;
  kind: Actor['organisationKind'];
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly env: Env,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async issue(
    manager: EntityManager,
    user: UserEntity,
    kind: Actor['organisationKind'],
    familyId: string = randomUUID(),
  ): Promise<TokenPair> {
    const claims: AccessClaims = { sub: user.id, role: user.role, org: user.organisationId, kind };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.env.JWT_SECRET,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      algorithm: 'HS256',
    });
    const secret = randomBytes(32).toString('base64url');
    const row = await manager.getRepository(RefreshTokenEntity).save({
      userId: user.id,
      familyId,
      secretHash: sha256(secret),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * 86400_000),
      usedAt: null,
      revokedAt: null,
    });
    return { accessToken, refreshToken: `${row.id}.${secret}`, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  async verifyAccessToken(token: string): Promise<Actor> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims & { exp?: unknown }>(token, {
        secret: this.env.JWT_SECRET,
        algorithms: ['HS256'],
      });
      // The JWT library only checks exp when present: a token without one would never expire.
      if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || typeof claims.role !== 'string')
        throw new Error('access token without exp, sub or role');
      return {
        userId: claims.sub,
        role: claims.role,
        organisationId: claims.org,
        organisationKind: claims.kind,
      };
    } catch {
      throw new UnauthorizedError(IdentityErrorCode.InvalidAccessToken, 'Access token is invalid or expired');
    }
  }

  /**
   * Rotates a refresh token. The row is locked so two concurrent refreshes with one token cannot both win;
   * a token presented a second time revokes its whole family (the theft case).
   */
  async rotate(
    refreshToken: string,
  ): Promise<{ user: UserEntity; kind: Actor['organisationKind']; pair: TokenPair }> {
    const [id, secret] = refreshToken.split('.') as [string | undefined, string | undefined];
    const invalid = new UnauthorizedError(
      IdentityErrorCode.InvalidRefreshToken,
      'Refresh token is invalid or expired',
    );
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw invalid;

    const outcome = await this.ds.transaction(async (m) => {
      const row = await m
        .getRepository(RefreshTokenEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.id = :id', { id })
        .getOne();
      if (!row || !timingSafeEqual(Buffer.from(row.secretHash), Buffer.from(sha256(secret))))
        return { error: invalid };
      if (row.revokedAt || row.expiresAt.getTime() <= Date.now()) return { error: invalid };
      if (row.usedAt) {
        await m
          .getRepository(RefreshTokenEntity)
          .update({ familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        return {
          error: new UnauthorizedError(
            IdentityErrorCode.RefreshTokenReused,
            'Refresh token was already used; every session of this login is now signed out',
          ),
        };
      }
      await m.getRepository(RefreshTokenEntity).update({ id: row.id }, { usedAt: new Date() });
      const user = await m
        .getRepository(UserEntity)
        .findOne({ where: { id: row.userId }, relations: { organisation: true } });
      if (!user) return { error: invalid };
      const kind = user.organisation?.kind ?? null;
      const pair = await this.issue(m, user, kind, row.familyId);
      return { user, kind, pair };
    });
    // The revocation above must commit, so the error is thrown only after the transaction.
    if ('error' in outcome) throw outcome.error;
    return outcome;
  }
}

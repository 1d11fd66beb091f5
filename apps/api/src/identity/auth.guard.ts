import { ForbiddenError, UnauthorizedError } from '@app/common';
import type { UserRole } from '@app/database';
import { Actor, IdentityErrorCode, TokensService } from '@app/domain';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC, ROLES } from './auth.decorators';

/**
 * The one guard layer: bearer token → actor, then the route's roles. Every route is private unless marked
 * @Public(); ownership of objects is left to services, which answer 404 for other organisations' objects.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const header = req.headers.authorization;

    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) {
        throw new UnauthorizedError(
          IdentityErrorCode.InvalidAccessToken,
          'Authorization header must be "Bearer <token>"',
        );
      }
      req.actor = await this.tokens.verifyAccessToken(match[1]);
    } else if (!isPublic) {
      throw new UnauthorizedError('UNAUTHORIZED', 'Sign in first: send Authorization: Bearer <accessToken>');
    }

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles?.length && (!req.actor || !roles.includes(req.actor.role))) {
      throw new ForbiddenError('ROLE_NOT_ALLOWED', `This needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}

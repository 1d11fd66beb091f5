import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { IS_PUBLIC, ROLES } from '../../apps/api/src/identity/auth.decorators';

export type Role = 'admin' | 'procurement_officer' | 'contractor' | 'social_enterprise';

export interface Route {
  /** `Procurement_award`: the OpenAPI operationId of the handler (see buildOpenApi). */
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** `/api/v1/tenders/{id}/award`, as in openapi.json. */
  path: string;
  isPublic: boolean;
  /** Empty: any signed-in user passes the guard. */
  roles: Role[];
}

const METHODS: Partial<Record<RequestMethod, Route['method']>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

const join = (...parts: string[]): string =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .map((p) => (p.startsWith(':') ? `{${p.slice(1)}}` : p))
    .join('/');

/**
 * Every HTTP route of the running app with the guard's view of it (public flag, roles), read from the same
 * decorator metadata the AuthGuard reads: a route added by anyone shows up here without editing a test.
 */
export function routeTable(app: INestApplication): Route[] {
  const routes: Route[] = [];
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const prefixes = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const method = requestMethod === undefined ? undefined : METHODS[requestMethod];
        if (!method) continue;
        const paths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const isPublic =
          (Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller)) === true;
        const roles = (Reflect.getMetadata(ROLES, handler) ??
          Reflect.getMetadata(ROLES, controller) ??
          []) as Role[];
        for (const prefix of prefixes) {
          for (const path of paths) {
            const full = join(prefix, path);
            routes.push({
              operationId: `${controller.name.replace(/Controller$/, '')}_${name}`,
              method,
              path: full === '/health' ? full : join('api/v1', full),
              isPublic,
              roles,
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHODS } from 'node:http';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { PERMISSIONS_KEY, PUBLIC_KEY } from '../../src/shared/auth/permissions.decorator';

export interface Route {
  method: string;
  /** As declared, e.g. `/deductions/:deductionId/contest`. */
  path: string;
  permissions: string[];
  isPublic: boolean;
}

/** Every route the running app serves, found from its controllers (not from a hand-kept list). */
export function routesOf(app: INestApplication): Route[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  return discovery.getControllers().flatMap(({ metatype }) => {
    if (!metatype) return [];
    const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const prototype = metatype.prototype as Record<string, unknown>;
    return scanner.getAllMethodNames(prototype).flatMap((name) => {
      const handler = prototype[name] as object;
      const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (sub === undefined) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const path = `/${[base, sub].map((p) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`;
      const permissions = (Reflect.getMetadata(PERMISSIONS_KEY, handler) as string[] | undefined) ?? [];
      return [{ method, path, permissions, isPublic: Reflect.getMetadata(PUBLIC_KEY, handler) === true }];
    });
  });
}

/** The route's path with each `:param` replaced from `values`. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no fixture value for path parameter ${name} of ${path}`);
    return values[name];
  });
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every method and path the HTTP server's router answers, controllers or not (the OpenAPI document
 * too). A route bound to every method is how Nest mounts a middleware for all routes (the request
 * logger), not something served: it is left out.
 */
export function servedRoutes(app: INestApplication): { method: string; path: string }[] {
  const server = app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  return server.router.stack.flatMap(({ route }) => {
    if (!route) return [];
    const methods = Object.keys(route.methods).filter((m) => route.methods[m]);
    if (METHODS.every((m) => methods.includes(m.toLowerCase()))) return [];
    return methods.map((m) => ({ method: m.toUpperCase(), path: route.path }));
  });
}

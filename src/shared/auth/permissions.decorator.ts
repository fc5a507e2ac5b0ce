import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const PERMISSIONS_KEY = 'assessment-ledger:permissions';
export const PUBLIC_KEY = 'assessment-ledger:public';

/**
 * What a route requires, e.g. `@RequirePermissions('deductions:apply')`. Every route declares
 * its permissions or is marked `@Public()`; the guard refuses anything else.
 */
export const RequirePermissions = (...permissions: string[]) =>
  applyDecorators(SetMetadata(PERMISSIONS_KEY, permissions), ApiExtension('x-permissions', permissions));

/** A route anyone may call without credentials (health, the OpenAPI document). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-public', true));

import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { HTTP_METHODS } from './error-table';

/**
 * Who may call each operation, in the OpenAPI document: a bearer token for every operation but the
 * public ones (`security: []`), and the 401 and 403 answers of those that need one. The permissions
 * an operation requires are listed in its `x-permissions` (from `@RequirePermissions`).
 */
export function describeAccess(document: OpenAPIObject): OpenAPIObject {
  const secured = (operation: OperationObject): OperationObject => {
    const extensions = operation as unknown as { 'x-public'?: boolean; 'x-permissions'?: string[] };
    if (extensions['x-public'] === true) return { ...operation, security: [] };
    const permissions = extensions['x-permissions'] ?? [];
    return {
      ...operation,
      security: operation.security ?? [{ bearer: [] }],
      responses: {
        '401': { description: 'No valid bearer token' },
        '403': { description: `No role of the caller grants ${permissions.join(', ') || 'this'}, or not for this object` },
        ...operation.responses,
      },
    };
  };
  const paths = Object.fromEntries(
    Object.entries(document.paths).map(([path, item]) => [
      path,
      Object.fromEntries(Object.entries(item).map(([key, value]) => [key, HTTP_METHODS.has(key) ? secured(value as OperationObject) : value])),
    ]),
  );
  return { ...document, paths };
}

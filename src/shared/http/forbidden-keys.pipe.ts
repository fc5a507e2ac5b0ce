import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

/**
 * Refuses a body or query that carries `__proto__`, `constructor` or `prototype` as a key at any
 * depth (JSON.parse makes them ordinary own keys; copying them onto an object could reach a
 * prototype), or nests deeper than any DTO does. Runs before the validation pipe.
 */
export class ForbiddenKeysPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const problem = findProblem(value, metadata.type, 0);
    if (problem) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        code: 'invalid_input',
        message: [problem.message],
        fields: [{ field: problem.field, rules: { [problem.rule]: problem.message } }],
      });
    }
    return value;
  }
}

type Problem = { field: string; rule: string; message: string };

function findProblem(value: unknown, path: string, depth: number): Problem | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (depth > MAX_DEPTH) return { field: path, rule: 'maxDepth', message: `${path} nests deeper than ${MAX_DEPTH} levels` };
  for (const key of Object.keys(value)) {
    const field = `${path}.${key}`;
    if (FORBIDDEN_KEYS.has(key)) return { field, rule: 'forbiddenKey', message: `${field}: the key "${key}" is not allowed` };
    const nested = findProblem((value as Record<string, unknown>)[key], field, depth + 1);
    if (nested) return nested;
  }
  return undefined;
}

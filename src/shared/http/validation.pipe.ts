import { BadRequestException, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/**
 * Strict input validation: unknown fields are rejected, and a 400 names each field and the rule
 * it broke, e.g. `{ field: 'points', rules: { isPositive: 'points must be a positive number' } }`.
 */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) =>
      new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        code: 'invalid_input',
        message: flatten(errors).map((e) => Object.values(e.rules).join('; ')),
        fields: flatten(errors),
      }),
  });
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; rules: Record<string, string> }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, rules: error.constraints }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

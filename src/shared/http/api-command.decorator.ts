import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { CommandResponse } from '../command-handling/command-response';

/** OpenAPI description shared by every command endpoint. */
export function ApiCommand(summary: string) {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first response and appends nothing' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'Expected stream revision, e.g. "3"; a mismatch is a 409' }),
    ApiBearerAuth(),
    ApiHeader({ name: 'X-Correlation-Id', required: false }),
    ApiCreatedResponse({ type: CommandResponse }),
    ApiResponse({ status: 400, description: 'Invalid input: each field and the rule it broke' }),
    ApiResponse({ status: 401, description: 'No valid bearer token' }),
    ApiResponse({ status: 403, description: 'No role of the caller grants this, or not for this object' }),
    ApiResponse({ status: 404, description: 'Unknown id' }),
    ApiResponse({ status: 409, description: 'Expected revision conflict' }),
    ApiResponse({ status: 422, description: 'A business rule was broken; `code` says which' }),
  );
}

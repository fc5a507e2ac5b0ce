import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';

/**
 * The request's correlation id: the incoming `X-Correlation-Id` (what commands already write into
 * their events' metadata), else `X-Request-Id`, else a new UUID. A generated id is put back on the
 * request as `x-correlation-id`, so the events a command appends carry the same id as its log
 * lines, and it is echoed in the `X-Correlation-Id` response header.
 */
export function correlationIdOf(request: IncomingMessage, response: ServerResponse): string {
  const first = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  // a malformed X-Correlation-Id is left as is: the command answers 400 naming that header
  const given = first('x-correlation-id');
  if (given !== undefined) return given;
  const requestId = first('x-request-id');
  const id = requestId !== undefined && ID.test(requestId) ? requestId : randomUUID();
  request.headers['x-correlation-id'] = id;
  response.setHeader('X-Correlation-Id', id);
  return id;
}

/** What command metadata accepts as a correlation id (src/shared/http/command-metadata.decorator.ts). */
const ID = /^[A-Za-z0-9.:@/_-]{1,128}$/;

/** Default level: `info`, `silent` under jest (NODE_ENV=test) so tests stay quiet; LOG_LEVEL overrides. */
export function logLevel(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info');
}

/**
 * Structured JSON logs (pino): one line per request and every line logged while handling it
 * carries `correlationId`. Credentials never reach the log.
 */
export const LoggingModule = LoggerModule.forRoot({
  pinoHttp: {
    level: logLevel(),
    genReqId: (request, response) => correlationIdOf(request, response),
    customProps: (request) => ({ correlationId: request.id }),
    quietReqLogger: true,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
    serializers: {
      // the route, method and id; never query strings or bodies (they may hold personal data)
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      // the status alone: the response headers (security headers, rate limits) made each line ~2 kB
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  },
});

import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import helmet from 'helmet';
import { SagaRunner } from './policies/sagas/saga-runner.service';
import { APP_CONFIG } from './shared/config/app-config';
import type { AppConfig } from './shared/config/app-config';
import { DomainErrorFilter } from './shared/http/domain-error.filter';
import { ForbiddenKeysPipe } from './shared/http/forbidden-keys.pipe';
import { IdempotencyInterceptor } from './shared/http/idempotency.interceptor';
import { ReadModelHeadersInterceptor, describeReadModelHeaders } from './shared/projector/read-model-headers';
import { strictValidationPipe } from './shared/http/validation.pipe';
import { httpMetrics } from './shared/observability/http-metrics.middleware';
import { MetricsService } from './shared/observability/metrics.service';
import { describeErrors } from './shared/http/error-table';
import { serveDesk } from './desk/desk-assets';
import { describeAccess } from './shared/http/openapi-access';
import { errorCatalogues } from './error-catalogues';

/**
 * Initialises the app, then starts what must run only once every provider is ready: the saga
 * runner executes commands, whose handlers CqrsModule registers in onApplicationBootstrap.
 */
export async function startApp(app: INestApplication): Promise<INestApplication> {
  await app.init();
  await app.get(SagaRunner).start();
  return app;
}

/** Everything main.ts and the end-to-end tests configure the same way. */
export function configureApp(app: INestApplication): INestApplication {
  const config = app.get<AppConfig>(APP_CONFIG);
  // the service speaks plain HTTP (TLS ends in front of it), so requests are not upgraded to https
  app.use(httpMetrics(app.get(MetricsService)));
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  // a rulebook version is one large document (the shipped default is ~120 KB): it alone gets a
  // larger limit; a body parsed here is not parsed again by the general parser below
  app.use('/rulebook/versions', json({ limit: config.maxRulebookBodyBytes }));
  (app as NestExpressApplication).useBodyParser('json', { limit: config.maxBodyBytes });
  (app as NestExpressApplication).useBodyParser('urlencoded', { limit: config.maxBodyBytes, extended: false });
  serveDesk(app);
  app.useGlobalPipes(new ForbiddenKeysPipe(), strictValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  app.useGlobalInterceptors(app.get(IdempotencyInterceptor), app.get(ReadModelHeadersInterceptor));
  // no enableShutdownHooks(): main.ts installs the graceful shutdown (src/shared/lifecycle), which
  // drains requests before closing the application
  const document = describeErrors(describeAccess(describeReadModelHeaders(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('assessment-ledger')
      .setDescription('Event-sourced assessment record of service staff: commands record facts, queries read projections, the record endpoint replays the event store. Every route but /health and /docs needs "Authorization: Bearer <token>".')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addServer('/', 'this service')
      .setLicense('UNLICENSED (proprietary)', 'https://docs.npmjs.com/cli/v10/configuring-npm/package-json#license')
      .build(),
  ))), errorCatalogues);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DomainErrorFilter } from './shared/http/domain-error.filter';
import { IdempotencyInterceptor } from './shared/http/idempotency.interceptor';
import { strictValidationPipe } from './shared/http/validation.pipe';

/** Everything main.ts and the end-to-end tests configure the same way. */
export function configureApp(app: INestApplication): INestApplication {
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  app.useGlobalInterceptors(app.get(IdempotencyInterceptor));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('assessment-ledger')
      .setDescription('Event-sourced assessment record of service staff: commands record facts, queries read projections, the record endpoint replays the event store.')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { APP_CONFIG } from './shared/config/app-config';
import type { AppConfig } from './shared/config/app-config';
import { describeStores } from './shared/infrastructure/stores.factory';

async function bootstrap(): Promise<void> {
  const app = configureApp(await NestFactory.create(AppModule, { bufferLogs: true }));
  app.useLogger(app.get(PinoLogger)); // structured JSON logs (src/shared/observability/logging.module.ts)
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.port, config.host);
  const logger = new Logger('assessment-ledger');
  logger.log(`listening on http://${config.host}:${config.port} (OpenAPI at /docs); ${describeStores(config)}`);
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp, startApp } from './app.setup';
import { APP_CONFIG } from './shared/config/app-config';
import type { AppConfig } from './shared/config/app-config';
import { describeStores } from './shared/infrastructure/stores.factory';
import { gracefulShutdown } from './shared/lifecycle/graceful-shutdown';

async function bootstrap(): Promise<void> {
  const app = configureApp(await NestFactory.create(AppModule, { bufferLogs: true }));
  app.useLogger(app.get(PinoLogger)); // structured JSON logs (src/shared/observability/logging.module.ts)
  const config = app.get<AppConfig>(APP_CONFIG);
  const logger = new Logger('assessment-ledger');
  const shutdown = gracefulShutdown(app, { timeoutMs: config.shutdownTimeoutMs, log: (message) => logger.log(message) });
  // after gracefulShutdown's middleware (registered before init), and before listening: init, then
  // the saga runner, which must not run commands before every command handler is registered
  await startApp(app);
  await app.listen(config.port, config.host);
  shutdown.start();
  logger.log(`listening on http://${config.host}:${config.port} (OpenAPI at /docs); ${describeStores(config)}`);
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

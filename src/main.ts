import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { Logger as PinoLogger, PinoLogger as NativePinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { BootstrapAdmin } from './auth/credentials/bootstrap-admin';
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
  // last, after the logs written so far, so the first start's token is not lost among them
  app.flushLogs();
  app.get(BootstrapAdmin).announce(afterTheLogs(await app.resolve(NativePinoLogger)));
}

/**
 * Where the structured logs go (pino's destination, which writes asynchronously): text written there
 * comes out after every log line written before it.
 */
function afterTheLogs(logger: NativePinoLogger): (text: string) => void {
  // outside a request the logger writes through its own pino instance, not the HTTP one
  const destination = (logger.logger as unknown as Record<symbol, { write?: (chunk: string) => unknown } | undefined>)[pino.symbols.streamSym];
  return (text) => (destination?.write ? destination.write(text) : process.stdout.write(text));
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

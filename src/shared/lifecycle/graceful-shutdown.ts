import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { Socket } from 'node:net';

/** How long a connection must have been idle (no request in progress) before shutdown closes it. */
const IDLE_GRACE_MS = 250;

export interface GracefulShutdownOptions {
  /** Everything (draining requests, stopping subscriptions, closing stores) ends within this, in ms. */
  timeoutMs: number;
  log: (message: string) => void;
  signals?: NodeJS.Signals[];
  /** Called at the end instead of `process.exit` (tests). */
  exit?: (code: number) => void;
}

/**
 * Graceful shutdown on SIGTERM/SIGINT:
 * 1. the listener closes (new connections are refused by the OS), every response still to be
 *    written carries `Connection: close`, and keep-alive connections idle for 250 ms are closed
 *    (`server.closeIdleConnections()` would also close a connection whose request is sent but not
 *    yet parsed, resetting it);
 * 2. a request that arrives on an open connection after the signal is refused with
 *    503 `shutting_down` (nothing of it runs), the ones in flight finish and are answered;
 * 3. then the application closes: subscriptions stop after their current event, stores close;
 * 4. the process exits 0, or 1 if anything is still open when `timeoutMs` has passed.
 *
 * Install it before `listen` (its middleware must see every request); `start` after `listen`.
 */
export function gracefulShutdown(app: INestApplication, options: GracefulShutdownOptions) {
  const inFlight = new Set<Response>();
  let shuttingDown = false;
  const exit = options.exit ?? ((code: number) => process.exit(code));

  const sockets = new SocketTracker(app.getHttpServer() as Server);
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (shuttingDown) {
      response.setHeader('Connection', 'close');
      response.setHeader('Retry-After', '1');
      response.status(503).json({ statusCode: 503, code: 'shutting_down', message: 'the service is shutting down; retry on another instance or after its restart' });
      return;
    }
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
    next();
  });

  const shutdown = async (signal: string): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    const deadline = Date.now() + options.timeoutMs;
    const hardStop = setTimeout(() => {
      options.log(`shutdown: still busy after ${options.timeoutMs} ms, exiting`);
      exit(1);
    }, options.timeoutMs);
    hardStop.unref();
    options.log(`shutdown: ${signal} received, ${inFlight.size} request(s) in flight; no new requests accepted`);
    const server = app.getHttpServer() as Server;
    for (const response of inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
    // stop listening without http.Server#close's immediate closeIdleConnections(): a connection
    // counts as idle before its first request is parsed, so closing it then would reset a request
    // the client has already sent. Idle connections are closed once idle for a grace period instead.
    const drained = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    const sweep = setInterval(() => sockets.closeIdle(IDLE_GRACE_MS), 25);
    // keep a quarter of the bound (at most 2 s) for stopping subscriptions and closing stores
    const drainBudget = Math.max(0, deadline - Date.now() - Math.min(2000, options.timeoutMs / 4));
    const drainedInTime = await Promise.race([drained.then(() => true), delay(drainBudget).then(() => false)]);
    clearInterval(sweep);
    if (!drainedInTime) {
      options.log(`shutdown: ${inFlight.size} request(s) still open after ${drainBudget} ms; closing their connections`);
      server.closeAllConnections();
    }
    try {
      await app.close();
    } catch (error) {
      options.log(`shutdown: closing failed: ${error instanceof Error ? error.message : String(error)}`);
      clearTimeout(hardStop);
      return exit(1);
    }
    clearTimeout(hardStop);
    options.log('shutdown: complete');
    exit(0);
  };

  return {
    start(): void {
      for (const signal of options.signals ?? (['SIGTERM', 'SIGINT'] as NodeJS.Signals[])) {
        process.once(signal, () => void shutdown(signal));
      }
    },
    /** For tests: shut down as on a signal. */
    shutdown,
    get shuttingDown(): boolean {
      return shuttingDown;
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Every open connection of the server, with whether a request is in progress on it and since when it is idle. */
class SocketTracker {
  private readonly sockets = new Map<Socket, { active: number; idleSince: number }>();

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.set(socket, { active: 0, idleSince: Date.now() });
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const state = this.sockets.get(request.socket);
      if (!state) return;
      state.active++;
      response.once('close', () => {
        state.active--;
        state.idleSince = Date.now();
      });
    });
  }

  closeIdle(graceMs: number): void {
    const now = Date.now();
    for (const [socket, state] of this.sockets) {
      if (state.active === 0 && now - state.idleSince >= graceMs && socket.readableLength === 0) socket.destroySoon();
    }
  }
}

/**
 * The HTTP ceiling's servers, one per process: `node` is a bare node:http server, `nest` the
 * service's framework (NestJS with its Express adapter) with one controller. Both parse the JSON
 * body and answer 201 with no other work. Sends its port to the parent once listening.
 */
import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

@Controller()
class NoWorkController {
  @Post('no-work')
  @HttpCode(201)
  answer(@Body() body: unknown): { ok: boolean } {
    return { ok: body !== undefined };
  }
}

@Module({ controllers: [NoWorkController] })
class NoWorkModule {}

async function listen(kind: string): Promise<Server> {
  if (kind === 'node') {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ok: body !== undefined }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server;
  }
  const app = await NestFactory.create(NoWorkModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  return app.getHttpServer() as Server;
}

listen(process.argv[2] ?? 'nest').then(
  (server) => process.send?.({ port: (server.address() as AddressInfo).port }),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

/** A minimal keep-alive HTTP client for requests timed one at a time. */
import * as http from 'node:http';
import { nowMs } from './stats';

export interface HttpResponse {
  status: number;
  body: string;
  ms: number;
}

export class HttpClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  /** `token`: sent as `Authorization: Bearer <token>` with every request. */
  constructor(
    private readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  /** The same service, as another principal. */
  as(token: string): HttpClient {
    return new HttpClient(this.baseUrl, token);
  }

  get(path: string): Promise<HttpResponse> {
    return this.request('GET', path);
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpResponse> {
    return this.request('POST', path, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
  }

  async getJson<T>(path: string): Promise<T> {
    const response = await this.get(path);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${response.body.slice(0, 300)}`);
    return JSON.parse(response.body) as T;
  }

  async postJson<T>(path: string, body: unknown): Promise<T> {
    const response = await this.post(path, body);
    if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${response.body.slice(0, 300)}`);
    return JSON.parse(response.body) as T;
  }

  close(): void {
    this.agent.destroy();
  }

  private request(method: string, path: string, body?: string, headers: Record<string, string> = {}, retried = false): Promise<HttpResponse> {
    const url = new URL(path, this.baseUrl);
    const started = nowMs();
    return new Promise((resolve, reject) => {
      const req = http.request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
            ...headers,
            ...(body ? { 'content-length': Buffer.byteLength(body) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: nowMs() - started }));
          res.on('error', reject);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        // the server closed a kept-alive socket while it sat idle (Node's advice: send again once)
        if (req.reusedSocket && error.code === 'ECONNRESET' && !retried) resolve(this.request(method, path, body, headers, true));
        else reject(error);
      });
      req.end(body);
    });
  }
}

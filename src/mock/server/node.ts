import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createMockHandler, type MockHandler, type MockHandlerOptions } from './handler.js';

export interface MockServerOptions extends MockHandlerOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
}

export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:53121`. */
  url: string;
  handler: MockHandler;
  server: Server;
  close(): Promise<void>;
}

/** Waits until a response can take more, or is gone; leaves no listener behind. */
function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Bridges Node's request to the fetch-style handler and streams its response back. */
export function nodeListener(handler: MockHandler) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    const host = req.headers.host ?? '127.0.0.1';
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(`http://${host}${req.url ?? '/'}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      signal: controller.signal,
      // Node's fetch needs this for a streamed request body.
      ...(hasBody && { duplex: 'half' }),
    } as RequestInit);
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return res.end();
    const reader = response.body.getReader();
    try {
      for (;;) {
        // The client went away: stop producing (the export stream is cancelled below).
        if (res.destroyed || controller.signal.aborted) return;
        const { done, value } = await reader.read();
        if (done) break;
        // Backpressure: a slow client makes the stream wait instead of the server buffering the whole answer.
        if (!res.write(value)) await drainedOrClosed(res);
      }
      res.end();
    } finally {
      await reader.cancel().catch(() => undefined);
    }
  };
}

/** Starts the mock backend as a real HTTP server speaking one dialect (tests, the demo, your own app). */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const handler = createMockHandler(options);
  const listener = nodeListener(handler);
  const server = createServer((req, res) => {
    listener(req, res).catch((error: unknown) => {
      // Failed after the status line went out (a stream that broke half way): the only honest answer is to
      // cut the connection, so the client sees an incomplete response rather than a short "success".
      if (res.headersSent) {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    handler,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

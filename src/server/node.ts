import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/**
 * A `node:http` (and Express) listener for a fetch-standard handler: `createServer(nodeListener(handler))`, or
 * `app.use('/api/audit', nodeListener(handler))` with the handler's `basePath` left at `/`.
 */
export function nodeListener(handler: (request: Request) => Promise<Response>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), {
      method: req.method,
      headers,
      signal: controller.signal,
      ...(hasBody && { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' }),
    } as RequestInit);
    void handler(request).then(
      async (response) => {
        // A body the handler refused unread (too large) leaves the connection unusable for the next request.
        const close = !req.complete ? { connection: 'close' } : {};
        res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...close });
        if (!response.body) return void res.end();
        // Written as the handler streams it, waiting for the socket when it is full (an export never piles up).
        const reader = response.body.getReader();
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            if (res.destroyed) throw new Error('the client went away');
            if (!res.write(value)) await new Promise((resolve) => (res.once('drain', resolve), res.once('close', resolve)));
          }
          res.end();
        } catch (error) {
          // A stream that fails midway (the database, or a client that left) ends the connection without its
          // last chunk: the client sees a failed download, never a complete-looking truncated file.
          void reader.cancel(error).catch(() => undefined);
          res.destroy();
        }
      },
      () => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"error":{"kind":"server","message":"The audit log server failed."}}');
      },
    );
  };
}

import net from 'node:net';
import type { Server, ServerResponse } from 'node:http';

/**
 * Drains an HTTP server on shutdown without resetting a request a client has already sent.
 *
 * node's `server.close()` is not enough on its own: it destroys the connections that look idle at
 * that instant, including those whose next request is already in the socket buffer (the client
 * gets ECONNRESET for a request it sent before the signal), and it keeps serving keep-alive
 * connections that stay busy, telling their clients to keep them, until the bound runs out.
 * So, from the signal on:
 * - the listener stops accepting (new connections are refused: the client knows to retry elsewhere);
 * - every response says `Connection: close`, and node closes its connection once it is written;
 * - connections that stay idle are closed only after `idleGraceMs`, by which time any request sent
 *   before the signal has been read (and is answered, with `Connection: close`);
 * - whatever is still open after `timeoutMs` is closed, as the documented bound says.
 */
export interface DrainOptions {
  readonly idleGraceMs: number;
  readonly timeoutMs: number;
  readonly onTimeout: () => void;
}

/**
 * Installed at start: once `closing()` holds, every response to a request that arrives asks the
 * client to close. A request already being read at the signal keeps its keep-alive answer; its
 * connection is then idle and closed after the grace period. Deciding per response instead (by
 * wrapping `writeHead` on every response) cost ~45 µs of CPU per request in `npm run bench`.
 */
export function closeConnectionsWhen(server: Server, closing: () => boolean): void {
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (closing()) res.setHeader('Connection', 'close');
  });
}

export async function drainServer(server: Server, options: DrainOptions): Promise<void> {
  if (!server.listening) return;
  // net.Server's close: stop accepting, without http.Server's immediate closeIdleConnections().
  const drained = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
  const idle = setTimeout(() => server.closeIdleConnections(), Math.min(options.idleGraceMs, options.timeoutMs));
  const bound = setTimeout(() => {
    options.onTimeout();
    server.closeAllConnections();
  }, options.timeoutMs);
  await drained;
  clearTimeout(idle);
  clearTimeout(bound);
}

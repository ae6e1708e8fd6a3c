import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface LingerBounds {
  /** Longest time the rest of an unread body is discarded after the answer was written. */
  readonly ms: number;
  /** Most bytes discarded so; past them the connection is reset. */
  readonly bytes: number;
}

export const DEFAULT_LINGER: LingerBounds = { ms: 3000, bytes: 32 * 1024 * 1024 };

/**
 * Closes the connection of a request answered without reading its body, the way nginx's
 * `lingering_close` does: once the answer is written, the write side is shut (FIN) and what the
 * client still sends is discarded, unparsed, until it has sent its body, closes, or a bound is
 * reached. Closing at once instead makes the kernel answer the client's next bytes with a reset,
 * and a client still writing then often loses the answer (a 401 or 413) it had been sent: the
 * caller sees EPIPE instead of the problem that says what to fix.
 *
 * node closes a `Connection: close` socket through `socket.destroySoon()` once the response is
 * finished; that call is replaced on this one socket, so every other connection is untouched.
 */
export function lingerAfterAnswer(req: IncomingMessage, res: ServerResponse, bounds: LingerBounds = DEFAULT_LINGER): void {
  res.setHeader('Connection', 'close');
  const socket = req.socket as Socket & { destroySoon?: () => void };
  if (socket.destroySoon === undefined) return;
  socket.destroySoon = () => {
    let discarded = 0;
    const close = (): void => {
      clearTimeout(timer);
      socket.destroy();
    };
    const timer = setTimeout(close, bounds.ms);
    timer.unref();
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > bounds.bytes) close();
    });
    req.once('end', close);
    socket.once('close', () => clearTimeout(timer));
    if (req.complete) return close();
    req.resume();
    socket.end();
  };
}

import net from 'node:net';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
  readonly body: Record<string, any>;
}

export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body: Buffer | string;
  /** Write only this many body bytes, as a client that is still sending would. */
  readonly send?: number;
  /** Send the body with Transfer-Encoding: chunked instead of Content-Length. */
  readonly chunked?: boolean;
  /**
   * Keep writing the whole body after the answer and resolve only when the server closes the
   * connection cleanly (FIN); any reset or write error rejects. What a client that does not read
   * while it writes (most do not) experiences.
   */
  readonly untilClosed?: boolean;
}

const CLEAN_CLOSE = new Error('the server closed the connection cleanly');

/**
 * One HTTP/1.1 request on its own socket, written byte for byte: a body can be declared larger
 * than what is sent, or streamed in chunks, which supertest cannot do. Resolves once the
 * connection delivered a whole answer (or, with `untilClosed`, once the body is written, the answer
 * read and the connection closed cleanly); a reset after the answer is otherwise ignored.
 */
export function rawRequest(port: number, req: RawRequest): Promise<RawAnswer> {
  const body = typeof req.body === 'string' ? Buffer.from(req.body) : req.body;
  const toSend = req.send === undefined ? body : body.subarray(0, req.send);
  const headers = { Host: '127.0.0.1', ...(req.chunked ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': String(body.length) }), ...req.headers };
  const head = `${req.method ?? 'POST'} ${req.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    const chunks: Buffer[] = [];
    let settled = false;
    let ended = false;
    let wroteAll = false;
    const finish = (err?: Error) => {
      if (settled) return;
      if (req.untilClosed) {
        if (err === CLEAN_CLOSE) ended = true;
        else if (err) {
          settled = true;
          socket.destroy();
          return reject(err);
        }
        const answer = parse(Buffer.concat(chunks));
        if (!ended || !wroteAll || !answer) return;
        settled = true;
        socket.destroy();
        return resolve(answer);
      }
      const answer = parse(Buffer.concat(chunks));
      if (answer) {
        settled = true;
        socket.destroy();
        resolve(answer);
      } else if (err) {
        settled = true;
        socket.destroy();
        reject(err);
      }
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      finish();
    });
    socket.on('end', () => finish(req.untilClosed ? CLEAN_CLOSE : new Error(`connection closed without a whole answer: ${Buffer.concat(chunks).toString().slice(0, 300)}`)));
    socket.on('close', () => finish(new Error(`connection closed ${wroteAll ? 'without an answer' : 'before the body was written'}`)));
    socket.on('error', (err) => finish(err));
    socket.once('connect', () => {
      socket.write(head);
      const piece = 64 * 1024;
      const writeNext = (offset: number): void => {
        while (offset < toSend.length && !socket.destroyed) {
          const part = toSend.subarray(offset, offset + piece);
          offset += part.length;
          const framed = req.chunked ? Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]) : part;
          const more = socket.write(framed);
          if (!more) {
            socket.once('drain', () => writeNext(offset));
            return;
          }
        }
        if (offset >= body.length && req.chunked && !socket.destroyed) socket.write('0\r\n\r\n');
        if (offset >= toSend.length && !socket.destroyed) {
          socket.write('', () => {
            wroteAll = true;
            finish();
          });
        }
      };
      writeNext(0);
    });
  });
}

function parse(raw: Buffer): RawAnswer | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  if (raw.length < end + 4 + length) return undefined;
  const text = raw.subarray(end + 4, end + 4 + length).toString('utf8');
  let body: Record<string, any> = {};
  try {
    body = JSON.parse(text) as Record<string, any>;
  } catch {
    // not JSON: the caller looks at text
  }
  return { status: Number(statusLine?.split(' ')[1]), headers, text, body };
}

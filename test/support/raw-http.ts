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
}

/**
 * One HTTP/1.1 request on its own socket, written byte for byte: a body can be declared larger
 * than what is sent, or streamed in chunks, which supertest cannot do. Resolves once the
 * connection delivered a whole answer; a reset after that (the server closing while the client is
 * still writing) is expected and ignored.
 */
export function rawRequest(port: number, req: RawRequest): Promise<RawAnswer> {
  const body = typeof req.body === 'string' ? Buffer.from(req.body) : req.body;
  const toSend = req.send === undefined ? body : body.subarray(0, req.send);
  const headers = { Host: '127.0.0.1', ...(req.chunked ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': String(body.length) }), ...req.headers };
  const head = `${req.method ?? 'POST'} ${req.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
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
    socket.on('end', () => finish(new Error(`connection closed without a whole answer: ${Buffer.concat(chunks).toString().slice(0, 300)}`)));
    socket.on('close', () => finish(new Error('connection closed without an answer')));
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

import { CONSOLE_CSP, readConsolePage } from '../console/console.page';
import { HttpProblemError } from '../problem';
import type { OperationHandler } from '../openapi/http-result';

export const getConsole = (): OperationHandler => async () => {
  const page = await readConsolePage();
  if (page === undefined) {
    throw new HttpProblemError({ status: 404, code: 'CONSOLE_NOT_BUILT', detail: 'The console has not been built: run `npm run build` (or `npm run build:console`).' });
  }
  return { status: 200, body: page, contentType: 'text/html', headers: { 'Content-Security-Policy': CONSOLE_CSP, 'Cache-Control': 'no-cache' } };
};

import path from 'node:path';
import express, { type Router } from 'express';
import { requestContext } from '../request-context';
import { CONSOLE_DIR } from './console.page';

/**
 * The console's scripts and styles behind /console/assets. Vite names them by content hash, so
 * they are cached for a year as immutable; the page itself is the contract's `getConsole`
 * operation. Unknown files fall through to the contract's router (404 problem).
 */
export function consoleAssetsRouter(dir: string = CONSOLE_DIR): Router {
  const router = express.Router();
  router.use(
    express.static(path.join(dir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      fallthrough: true,
      setHeaders: (res) => {
        requestContext(res).route = '/console/assets';
      },
    }),
  );
  return router;
}

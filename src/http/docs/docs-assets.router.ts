import express, { type Router } from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { DOCS_INIT_JS } from './docs.page';

/** Static files behind /docs; the page itself is the contract's `getDocs` operation. */
export function docsAssetsRouter(): Router {
  const router = express.Router();
  router.get('/docs-init.js', (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'public, max-age=3600').send(DOCS_INIT_JS);
  });
  router.use(express.static(getAbsoluteFSPath(), { index: false, maxAge: '1h', fallthrough: true }));
  return router;
}

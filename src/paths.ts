import path from 'node:path';

/** The repository (or image) root: `src/` under tsx and jest, `dist/` once compiled. */
export const PROJECT_ROOT = path.resolve(__dirname, '..');
export const OPENAPI_PATH = path.join(PROJECT_ROOT, 'api', 'openapi.yaml');

import { DOCS_HTML } from '../docs/docs.page';
import type { OperationHandler } from '../openapi/http-result';

export const getDocs = (): OperationHandler => () => ({ status: 200, body: DOCS_HTML, contentType: 'text/html' });

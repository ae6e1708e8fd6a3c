import { ok, type OperationHandler } from '../openapi/http-result';

/** Deliberately checks nothing but the event loop answering: see the contract. */
export const getLiveness = (): OperationHandler => () => ok({ status: 'ok' });

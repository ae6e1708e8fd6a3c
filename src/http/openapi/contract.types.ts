import type { components, operations } from '../../../api/openapi';
import type { OperationContext } from '../request-context';

/*
 * The contract's shapes for the HTTP adapter, from api/openapi.d.ts (generated from
 * api/openapi.yaml by `npm run contract:types`; a unit test fails when it is stale). Handlers read
 * request bodies and presenters build answers through these types, so a contract change that the
 * domain or a presenter does not follow fails to compile instead of failing a client.
 */

export type Schema<N extends keyof components['schemas']> = components['schemas'][N];

export type OperationId = keyof operations;

/** The JSON body an operation accepts. */
export type RequestBody<Op extends OperationId> = operations[Op] extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;

/** The request body, already validated against the operation's schema by the operation pipeline. */
export const requestBody = <Op extends OperationId>(c: OperationContext, _operation: Op): RequestBody<Op> => c.request.requestBody as RequestBody<Op>;

type Responses<Op extends OperationId> = operations[Op] extends { responses: infer R } ? R : never;

/** The JSON body of one of an operation's responses (for bodies the contract declares inline). */
export type ResponseBody<Op extends OperationId, Status extends keyof Responses<Op>> = Responses<Op>[Status] extends { content: { 'application/json': infer B } } ? B : never;

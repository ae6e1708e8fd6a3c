import { contractProblems, schemaProblems } from '../../support/contract-oracle';

/** The rules both the jest client and the GovStack suite judge responses by: each one can fail. */
describe('the contract oracle', () => {
  const headers = { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r-1', 'x-correlation-id': 'c-1' };
  const live = (over: Partial<{ statusCode: number; headers: Record<string, string>; text: string }> = {}) =>
    contractProblems('GET', '/health/live', { statusCode: 200, headers, text: JSON.stringify({ status: 'ok' }), ...over });

  it('accepts a documented status, its required headers, media type and a valid body', () => {
    expect(live()).toEqual([]);
  });

  it('refuses a status the operation does not document', () => {
    expect(live({ statusCode: 418 })).toEqual([expect.stringContaining('status 418 is not documented')]);
  });

  it('refuses a response without a header the contract marks required', () => {
    const { 'x-request-id': _omitted, ...rest } = headers;
    expect(live({ headers: rest })).toEqual([expect.stringContaining('required header X-Request-ID is missing')]);
  });

  it('refuses a media type the operation does not declare, and a body that is not JSON', () => {
    expect(live({ headers: { ...headers, 'content-type': 'text/html' } })).toEqual([expect.stringContaining('media type "text/html"')]);
    expect(live({ text: '{status' })).toEqual([expect.stringContaining('not JSON')]);
  });

  it('refuses a body against the schema, naming what is wrong', () => {
    expect(live({ text: JSON.stringify({ status: 'fine', extra: 1 }) })).toEqual([expect.stringMatching(/does not match[\s\S]*status/)]);
  });

  it('checks HEAD as its GET, without a body', () => {
    expect(contractProblems('HEAD', '/health/live', { statusCode: 200, headers, text: '' })).toEqual([]);
    expect(contractProblems('HEAD', '/health/live', { statusCode: 418, headers, text: '' })).toHaveLength(1);
  });

  it('knows no operation outside the contract, and no schema it does not declare', () => {
    expect(contractProblems('GET', '/nowhere', { statusCode: 200, headers, text: '' })).toEqual(['the contract has no operation GET /nowhere']);
    expect(schemaProblems('Nothing', {})).toEqual(['the contract has no schema "Nothing"']);
    expect(schemaProblems('Problem', { title: 1 })[0]).toMatch(/^does not match Problem/);
  });
});

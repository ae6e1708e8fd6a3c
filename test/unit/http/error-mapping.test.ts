import mongoose from 'mongoose';
import { toProblemInput } from '../../../src/http/error-mapping';

// The driver's own error class, as mongoose's queries throw it.
const { MongoServerError } = mongoose.mongo;

describe('mapping errors to problems', () => {
  it('answers text the database cannot store (U+0000 on FerretDB/PostgreSQL) as a bad request, not a 500', () => {
    const refusal = new MongoServerError({ ok: 0, code: 1, codeName: 'InternalError', errmsg: 'ERROR: unsupported Unicode escape sequence (SQLSTATE 22P05)' });
    expect(toProblemInput(refusal)).toMatchObject({ status: 400, code: 'UNSTORABLE_TEXT', detail: expect.stringMatching(/U\+0000/) });
    expect(toProblemInput(new MongoServerError({ ok: 0, code: 1, codeName: 'InternalError', errmsg: 'something else' }))).toMatchObject({ status: 500 });
  });
});

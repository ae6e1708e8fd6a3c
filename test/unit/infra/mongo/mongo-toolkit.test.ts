import mongoose from 'mongoose';
import { bulkWriteFailures, isDuplicateKey, isUnstorableText, onlyDuplicates } from '../../../../src/infra/mongo/mongo-errors';
import { exactMatch } from '../../../../src/infra/mongo/mongo-filters';
import { readPage } from '../../../../src/infra/mongo/mongo-paging';

// The driver's own error class, as mongoose's queries throw it.
const { MongoServerError } = mongoose.mongo;

// What FerretDB 1.24 on PostgreSQL answers for a string with U+0000 (an insert; a pushed-down filter alike).
const POSTGRES_NUL_REFUSAL = new MongoServerError({
  ok: 0,
  code: 1,
  codeName: 'InternalError',
  errmsg: '[msg_insert.go:168 handler.(*Handler).MsgInsert] [collection.go:163 postgresql.(*collection).InsertAll.func1] ERROR: unsupported Unicode escape sequence (SQLSTATE 22P05)',
});

describe('the Mongo toolkit', () => {
  it('recognises a duplicate key on a single write, and nothing else', () => {
    expect(isDuplicateKey({ code: 11000 })).toBe(true);
    expect([isDuplicateKey({ code: 11001 }), isDuplicateKey(new Error('x')), isDuplicateKey(undefined), isDuplicateKey(null)]).toEqual([false, false, false, false]);
  });

  it('reads the failed documents of a bulk write whichever way the driver nests them', () => {
    const err = { writeErrors: [{ code: 11000, index: 2 }, { err: { code: 11000, index: 5 } }, { code: 121, index: 7 }] };
    expect(bulkWriteFailures(err)).toEqual([{ index: 2, duplicate: true }, { index: 5, duplicate: true }, { index: 7, duplicate: false }]);
    expect(onlyDuplicates(bulkWriteFailures(err))).toBe(false);
    expect(onlyDuplicates(bulkWriteFailures({ writeErrors: [{ code: 11000, index: 0 }] }))).toBe(true);
    // not a bulk-write error: nothing is known about what was written
    expect(bulkWriteFailures(new Error('network'))).toBeUndefined();
    expect(onlyDuplicates(bulkWriteFailures(new Error('network')))).toBe(false);
  });

  it('knows nothing of what a bulk write wrote when it failed as a whole (no write errors listed)', () => {
    // FerretDB on PostgreSQL: the documents before the unstorable one are written, the rest are not
    const whole = Object.assign(new Error(POSTGRES_NUL_REFUSAL.message), { name: 'MongoBulkWriteError', code: 1, writeErrors: [] });
    expect(bulkWriteFailures(whole)).toBeUndefined();
    expect(onlyDuplicates(bulkWriteFailures(whole))).toBe(false);
  });

  it('reads a page: skip and limit from the page number, the last page from the total', async () => {
    const docs = Array.from({ length: 23 }, (_, i) => i);
    const asked: number[][] = [];
    const query = { count: () => Promise.resolve(docs.length), slice: (skip: number, limit: number) => (asked.push([skip, limit]), Promise.resolve(docs.slice(skip, skip + limit))) };
    expect(await readPage(query, 3, 10, (d) => `#${d}`)).toEqual({ items: ['#20', '#21', '#22'], page: 3, pageSize: 10, total: 23, lastPage: 3 });
    expect(asked).toEqual([[20, 10]]);
    expect(await readPage({ count: () => Promise.resolve(0), slice: () => Promise.resolve([]) }, 1, 50, (d) => d)).toMatchObject({ total: 0, lastPage: 1, items: [] });
  });

  it('matches a string holding U+0000 with $in, which FerretDB never pushes down into PostgreSQL, and leaves other values as they are', () => {
    expect(exactMatch({ offerId: 'a\u0000b', tenderRef: '\u0000', organisation: 'org', compliant: true })).toEqual({
      offerId: { $in: ['a\u0000b'] },
      tenderRef: { $in: ['\u0000'] },
      organisation: 'org',
      compliant: true,
    });
    expect(exactMatch({})).toEqual({});
  });

  it('recognises text the database cannot store (PostgreSQL through FerretDB), and nothing else', () => {
    expect(isUnstorableText(POSTGRES_NUL_REFUSAL)).toBe(true);
    const otherInternal = new MongoServerError({ ok: 0, code: 1, codeName: 'InternalError', errmsg: 'ERROR: duplicate key value violates unique constraint (SQLSTATE 23505)' });
    expect([isUnstorableText(otherInternal), isUnstorableText(new Error('network')), isUnstorableText({ message: '(SQLSTATE 22P05)' }), isUnstorableText(undefined)]).toEqual([false, false, false, false]);
  });
});

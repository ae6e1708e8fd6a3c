import { bulkWriteFailures, isDuplicateKey, onlyDuplicates } from '../../../../src/infra/mongo/mongo-errors';
import { readPage } from '../../../../src/infra/mongo/mongo-paging';

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

  it('reads a page: skip and limit from the page number, the last page from the total', async () => {
    const docs = Array.from({ length: 23 }, (_, i) => i);
    const asked: number[][] = [];
    const query = { count: () => Promise.resolve(docs.length), slice: (skip: number, limit: number) => (asked.push([skip, limit]), Promise.resolve(docs.slice(skip, skip + limit))) };
    expect(await readPage(query, 3, 10, (d) => `#${d}`)).toEqual({ items: ['#20', '#21', '#22'], page: 3, pageSize: 10, total: 23, lastPage: 3 });
    expect(asked).toEqual([[20, 10]]);
    expect(await readPage({ count: () => Promise.resolve(0), slice: () => Promise.resolve([]) }, 1, 50, (d) => d)).toMatchObject({ total: 0, lastPage: 1, items: [] });
  });
});

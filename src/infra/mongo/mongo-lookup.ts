import type { mongo } from 'mongoose';

/** How many single-id reads run at once. */
const PARALLEL_READS = 16;

/**
 * The documents with the given ids, in no particular order; absent ids are left out. One exact
 * `_id` read per id instead of one `$in` query: FerretDB 1.x pushes only an exact `_id` match down
 * to its storage, so a `$in` decodes every document of the collection (measured: 8.7 s on 1,000
 * stored assessments, against 26 ms for one exact read), while exact reads cost the same on every
 * engine.
 */
export async function findByIds<D extends { _id: string }>(collection: mongo.Collection<D>, ids: readonly string[]): Promise<D[]> {
  const unique = [...new Set(ids)];
  const found: D[] = [];
  for (let i = 0; i < unique.length; i += PARALLEL_READS) {
    const docs = await Promise.all(unique.slice(i, i + PARALLEL_READS).map((_id) => collection.findOne({ _id } as mongo.Filter<D>)));
    for (const d of docs) if (d) found.push(d as D);
  }
  return found;
}

import { embeddedEngineFromEnv, redactPassword, startEmbeddedMongo } from '../../../../src/infra/mongo/embedded/embedded-mongo';
import { isDuplicateKeyLog, storageArgs } from '../../../../src/infra/mongo/embedded/ferretdb.launcher';

describe('the embedded MongoDB engine choice', () => {
  it('defaults to auto and takes each known engine as is', () => {
    expect(embeddedEngineFromEnv({})).toEqual({ engine: 'auto' });
    expect(embeddedEngineFromEnv({ EMBEDDED_MONGO_ENGINE: '' })).toEqual({ engine: 'auto' });
    expect(embeddedEngineFromEnv({ EMBEDDED_MONGO_ENGINE: 'ferretdb', POSTGRES_URL: 'postgres://x/y' })).toEqual({ engine: 'ferretdb' });
    expect(embeddedEngineFromEnv({ EMBEDDED_MONGO_ENGINE: 'mongod' })).toEqual({ engine: 'mongod' });
  });

  it('refuses an unknown engine instead of starting another one', () => {
    expect(() => embeddedEngineFromEnv({ EMBEDDED_MONGO_ENGINE: 'postgres' })).toThrow(/EMBEDDED_MONGO_ENGINE=postgres is not one of auto, ferretdb, ferretdb-postgres, mongod/);
  });

  it('runs FerretDB on PostgreSQL only with POSTGRES_URL, and says so', async () => {
    const url = 'postgres://postgres@127.0.0.1:5432/psbb';
    expect(embeddedEngineFromEnv({ EMBEDDED_MONGO_ENGINE: 'ferretdb-postgres', POSTGRES_URL: url })).toEqual({ engine: 'ferretdb-postgres', postgresUrl: url });
    expect(() => embeddedEngineFromEnv({ EMBEDDED_MONGO_ENGINE: 'ferretdb-postgres' })).toThrow(/ferretdb-postgres needs POSTGRES_URL/);
    await expect(startEmbeddedMongo('/nonexistent', 'ferretdb-postgres')).rejects.toThrow(/needs POSTGRES_URL/);
  });

  it('passes the storage to the launcher as its handler flags', () => {
    expect(storageArgs({ sqliteDir: '/data/ferretdb' })).toEqual(['-handler', 'sqlite', '-sqlite-url', 'file:/data/ferretdb/']);
    expect(storageArgs({ postgresUrl: 'postgres://u@h:5432/d' })).toEqual(['-handler', 'postgresql', '-postgresql-url', 'postgres://u@h:5432/d']);
  });

  it('logs the PostgreSQL URL without its password', () => {
    expect(redactPassword('postgres://app:s3cret@db:5432/psbb')).toBe('postgres://app:***@db:5432/psbb');
    expect(redactPassword('postgres://postgres@127.0.0.1:5432/psbb')).toBe('postgres://postgres@127.0.0.1:5432/psbb');
    expect(redactPassword('not a url')).not.toContain('not a url');
  });

  it('drops only the duplicate-key lines of FerretDB on PostgreSQL from the log it passes on', () => {
    const duplicate =
      'time=2026-12-06T23:06:42.493Z level=ERROR msg=Query name=postgresql err="ERROR: duplicate key value violates unique constraint \\"outbox_state_08765d6e__id__67399184_idx\\" (SQLSTATE 23505)" sql="INSERT INTO ..."';
    const missingTable = 'time=2026-12-06T22:36:03.426Z level=ERROR msg=Query name=postgresql err="ERROR: relation \\"t.x\\" does not exist (SQLSTATE 42P01)"';
    expect([isDuplicateKeyLog(duplicate), isDuplicateKeyLog(missingTable), isDuplicateKeyLog('cannot start FerretDB: connection refused')]).toEqual([true, false, false]);
  });
});

export default async function globalTeardown(): Promise<void> {
  await globalThis.__embeddedMongo?.stop();
  // After FerretDB has closed its connections; --force ends any a test's own FerretDB left.
  globalThis.__scratchPostgres?.drop();
}

// Browser tests of the web console (`npm run test:browser`, run by .ci/run after the other tests):
// headless Debian chromium driven by playwright-core against `npm run dev` on a free port.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'browser',
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2023' }, module: { type: 'commonjs' } }] },
  testEnvironment: 'node',
  testTimeout: 240_000,
};

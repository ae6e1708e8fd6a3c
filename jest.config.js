// Three projects: fast pure unit tests; integration tests against a real MongoDB-compatible
// server and the real RabbitMQ; deployment tests of the Dockerfile, the Helm chart (rendered by
// .ci/deploy-checks.sh) and the compose example. `npm test` runs them all (README "Two commands" and "Development").
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2023' }, module: { type: 'commonjs' } }] };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-env.ts'],
    },
    {
      displayName: 'deploy',
      testMatch: ['<rootDir>/test/deploy/**/*.test.ts'],
      // kubernetes-models is ESM-only: keep import() as is so that jest loads it as an ES module.
      transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2023' }, module: { type: 'commonjs', ignoreDynamic: true } }] },
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/deploy/support/global-setup.ts',
    },
  ],
};

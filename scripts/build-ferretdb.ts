import { ensureFerretDbLauncher } from '../src/infra/mongo/embedded/ferretdb.launcher';

// Builds (or confirms up to date) the embedded FerretDB launcher used by `npm run dev` and the tests.
const binary = ensureFerretDbLauncher((message) => process.stderr.write(`${message}\n`));
process.stdout.write(`FerretDB launcher: ${binary}\n`);

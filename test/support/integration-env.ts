import { mintToken, setDefaultToken } from './auth';

// Integration tests talk to real servers; give slow machines room (a single test sets its own).
jest.setTimeout(30_000);

// Requests made through api() carry an administrator's token unless a test chooses otherwise.
beforeAll(async () => {
  setDefaultToken(await mintToken());
});

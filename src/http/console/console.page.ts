import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../paths';

/** Where `npm run build` (vite, console/vite.config.ts) writes the console: dist/console. */
export const CONSOLE_DIR = path.join(PROJECT_ROOT, 'dist', 'console');

/**
 * The console's own policy, stricter than HTML_CSP: its scripts and styles are files under
 * /console/assets (no inline script or style), and it talks only to this origin's API.
 */
export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/**
 * The built index.html, read on each request (a small file, not a hot path) so that a rebuild of
 * the console shows without a restart; undefined when the console has not been built.
 */
export async function readConsolePage(dir: string = CONSOLE_DIR): Promise<string | undefined> {
  try {
    return await readFile(path.join(dir, 'index.html'), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Renders the Helm chart before the deploy tests read it: builds Helm on the first run (Go module
 * proxy, ~2 minutes, cached in .cache/bin), then lints and renders in about a second.
 */
export default function globalSetup(): void {
  execFileSync('bash', [path.join(__dirname, '..', '..', '..', 'scripts', 'render-helm.sh')], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 1_800_000 });
}

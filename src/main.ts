import { loadConfigOrExit } from './config';
import { createLogger, type Logger } from './infra/logging/logger';
import { createService } from './service';

export interface MainOptions {
  /** Runs after the service has stopped, before the process exits (e.g. stop an embedded database). */
  readonly afterStop?: () => Promise<void>;
  /** Only `npm run dev` may run without authentication; production refuses AUTH_MODE=none. */
  readonly allowNoAuth?: boolean;
}

function flush(logger: Logger): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}

/**
 * The production entry point (`npm start`). It never starts an embedded database: without
 * MONGODB_URI the configuration is invalid and the process exits 1 naming the variable.
 */
export async function runMain(options: MainOptions = {}): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  if (config.auth.mode === 'none' && !options.allowNoAuth) {
    // An unauthenticated deployment would hand every tenant's data to anyone who can reach it.
    logger.fatal('AUTH_MODE=none is only accepted by `npm run dev`; configure JWT_* for this entry point');
    await flush(logger);
    process.exit(1);
  }
  const service = await createService(config, logger);

  let stopping = false;
  const stop = async (reason: string, exitCode: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      logger.info({ reason }, 'shutting down');
      // Last resort if draining or closing a dependency hangs.
      setTimeout(() => process.exit(exitCode || 1), config.shutdownTimeoutMs + 5_000).unref();
      await service.stop();
      await options.afterStop?.();
      logger.info({ reason, exitCode }, 'stopped');
      await flush(logger);
      process.exit(exitCode);
    }
    return new Promise<never>(() => undefined);
  };

  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    void stop('uncaughtException', 1);
  });
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled promise rejection'));

  try {
    await service.start();
  } catch (err) {
    logger.fatal({ err: { message: err instanceof Error ? err.message : String(err) } }, 'start-up failed');
    await stop('start-up failed', 1);
  }
}

if (require.main === module) void runMain();

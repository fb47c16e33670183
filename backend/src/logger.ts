import { pino, type DestinationStream } from 'pino';
import type { Config } from './config.ts';

/** Bytes of log lines that may wait for a slow reader; past this, new lines are dropped. */
const LOG_QUEUE_LIMIT = 1024 * 1024;

/**
 * stdout as a log destination that never blocks the event loop. pino's default destination writes
 * synchronously and, when a pipe is full (a log collector that stopped reading), retries in a
 * sleep loop on the main thread: the server then hangs, even on SIGTERM. Here lines go through
 * `process.stdout`, which Node writes without blocking when it is a pipe (the rest waits in
 * memory); once `limit` bytes wait, further lines are dropped and counted, and the count is
 * reported when the reader catches up. Nothing is flushed synchronously at exit: what the reader
 * has not taken by then is lost, the process is not. A file is written directly (a file does not
 * stall like a pipe); a terminal is synchronous in Node, as it should be for a person reading it.
 */
export class NonBlockingStdout implements DestinationStream {
  dropped = 0;
  private broken = false;

  constructor(
    private readonly out: NodeJS.WriteStream = process.stdout,
    private readonly limit = LOG_QUEUE_LIMIT,
    private readonly onCaughtUp: (dropped: number) => void = () => {},
  ) {
    // The reader went away (EPIPE): keep serving, stop logging. Without a listener the error would end the process.
    out.on('error', () => {
      this.broken = true;
    });
    out.on('drain', () => {
      if (this.dropped === 0) return;
      const dropped = this.dropped;
      this.dropped = 0;
      this.onCaughtUp(dropped);
    });
  }

  write(line: string): void {
    if (this.broken || this.out.writableLength > this.limit) {
      this.dropped++;
      return;
    }
    this.out.write(line);
  }
}

/** Logs to stdout without ever blocking, or to `destination` (tests read the log from one). */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: DestinationStream) {
  const out =
    destination ??
    new NonBlockingStdout(process.stdout, LOG_QUEUE_LIMIT, (dropped) =>
      logger.warn({ dropped }, `${dropped} Logzeilen verworfen: die Log-Ausgabe (stdout) nahm sie nicht rechtzeitig ab`),
    );
  const logger = pino({ level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'res.headers["set-cookie"]', 'password'] }, out);
  return logger;
}

/** A URL for the log: the value of any query parameter named like a token is left out. */
export const redactUrl = (url: string | undefined) => url?.replace(/([?&][^=&#]*token[^=&#]*=)[^&#]*/gi, '$1[verborgen]');

import { pino, type DestinationStream } from 'pino';
import type { Config } from './config.ts';

export const createLogger = (config: Pick<Config, 'LOG_LEVEL'>, destination?: DestinationStream) =>
  pino({ level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'res.headers["set-cookie"]', 'password'] }, destination);

/** A URL for the log: the value of any query parameter named like a token is left out. */
export const redactUrl = (url: string | undefined) => url?.replace(/([?&][^=&#]*token[^=&#]*=)[^&#]*/gi, '$1[verborgen]');

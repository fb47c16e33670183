import type { AppContext, BackgroundJob } from '../http/context.ts';
import { runReminders } from './reminders.service.ts';

export const reminderJob: BackgroundJob = {
  name: 'reminders',
  // Hourly: the deliveries' unique key makes every run after the first of a day a no-op.
  intervalMs: 60 * 60_000,
  run: async (ctx: AppContext) => {
    const queued = await runReminders(ctx.db, ctx.config.PUBLIC_URL);
    if (queued.length) ctx.logger.info({ queued: queued.length }, 'reminders queued');
  },
};

import type { AppContext, BackgroundJob } from './http/context.ts';
import { outboxJob } from './emails/emails.worker.ts';
import { retentionJob } from './privacy/retention.job.ts';
import { reminderJob } from './reminders/index.ts';
import { followUpJob } from './follow-ups/follow-ups.job.ts';

/** Background jobs of every feature (outbox delivery, retention, reminders, follow-up requests); each feature adds its own here. */
const backgroundJobs: BackgroundJob[] = [outboxJob, retentionJob, reminderJob, followUpJob];

/** Runs each job on its interval, never overlapping with itself; errors are logged, not fatal. */
export function startBackgroundJobs(ctx: AppContext, jobs: BackgroundJob[] = backgroundJobs) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;
  for (const job of jobs) {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const p = job
        .run(ctx)
        .catch((err) => ctx.logger.warn({ err, job: job.name }, 'background job failed'))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    timers.push(setInterval(tick, job.intervalMs));
    setTimeout(tick, 500).unref();
  }
  return {
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.allSettled([...running]);
    },
  };
}

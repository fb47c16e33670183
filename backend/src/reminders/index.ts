/** Reminders (issue 21): the rules' routes and the worker that sends each reminder once. */
export { registerReminderRoutes } from './reminders.routes.ts';
export { reminderJob } from './reminders.job.ts';
export { runReminders, WINDOW_DAYS } from './reminders.service.ts';

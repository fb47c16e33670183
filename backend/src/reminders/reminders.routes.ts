import { STAFF, type ApiRouter } from '../http/api-router.ts';
import { badRequest } from '../http/errors.ts';
import { changedFields, registerResource } from '../http/resource.ts';
import { REMINDER_EVENTS, reminderRuleSchema, reminderRuleUpdateSchema, templateProblem } from './reminders.schema.ts';

/**
 * Reminder rules (DESIGN.md "Communications"): staff switch reminders on per event, with an offset
 * in days and a template. The event of a rule is fixed once created; its template must suit it.
 */
export function registerReminderRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'reminder-rules',
    table: 'reminder_rules',
    select: (db) => db.selectFrom('reminder_rules as t').select(['t.id', 't.event', 't.offset_days', 't.template_key', 't.active', 't.created_at', 't.updated_at']),
    fields: {
      id: { column: 't.id', type: 'int' },
      event: { column: 't.event', type: REMINDER_EVENTS },
      offset_days: { column: 't.offset_days', type: 'int' },
      template_key: { column: 't.template_key', type: 'text' },
      active: { column: 't.active', type: 'bool' },
    },
    defaultSort: ['event', 'ASC'],
    access: { read: STAFF, create: STAFF, update: STAFF, delete: STAFF },
    createSchema: reminderRuleSchema,
    updateSchema: reminderRuleUpdateSchema,
    beforeUpdate: (_ctx, input, existing) => {
      const problem = input.template_key !== undefined ? templateProblem(existing.event, input.template_key) : null;
      if (problem) throw badRequest(problem, { template_key: problem });
      return changedFields(input, existing);
    },
  });
}

import { z } from 'zod';
import { dateTime, id, longText, optionalId, optionalUrl, requiredText, text } from '../shared/fields.ts';

export const WORKSHOP_KINDS = ['workshop', 'webinar', 'barcamp', 'networking'] as const;

/** People per organisation: on site the room is the limit, online there is room for the team. */
const ON_SITE_CAP_PER_ORGANISATION = 2;
const ONLINE_CAP_PER_ORGANISATION = 10;

/**
 * An event is on site when it is not a webinar and has a location. Workshops, barcamps and
 * networking evenings with a place are capped at 2 people per organisation; webinars and
 * events without a location (online only) at 10.
 */
export function isOnSite(workshop: { kind: string; location: string | null | undefined }): boolean {
  return workshop.kind !== 'webinar' && !!workshop.location && workshop.location.trim() !== '';
}

export function capPerOrganisation(workshop: { kind: string; location: string | null | undefined }): number {
  return isOnSite(workshop) ? ON_SITE_CAP_PER_ORGANISATION : ONLINE_CAP_PER_ORGANISATION;
}

const fields = {
  cohort_id: id(),
  title: requiredText(200, 'Bitte einen Titel angeben.'),
  kind: z.enum(WORKSHOP_KINDS).optional(),
  starts_at: dateTime(),
  ends_at: dateTime(),
  location: text(300),
  online_url: optionalUrl(),
  facilitator: text(200),
  facilitator_id: optionalId(),
  recording_url: optionalUrl(),
  description: longText(5000),
  mandatory: z.boolean().optional(),
};

const endsAfterStart = (v: { starts_at?: Date; ends_at?: Date }) => !v.starts_at || !v.ends_at || v.ends_at > v.starts_at;
const endsAfterStartError = { message: 'Das Ende muss nach dem Beginn liegen.', path: ['ends_at'] };

export const workshopSchema = z.object(fields).refine(endsAfterStart, endsAfterStartError);
/**
 * PUT receives the whole record; the cohort of a workshop is fixed (attendance counts for it), and
 * the order of start and end is checked again against the stored row.
 */
export const workshopUpdateSchema = z.object(fields).omit({ cohort_id: true }).partial().refine(endsAfterStart, endsAfterStartError);

/** Staff mark one workshop's attendance in one go. */
export const markAttendanceSchema = z.object({
  entries: z
    .array(
      z.object({
        person_id: id(),
        status: z.enum(['registered', 'attended', 'absent', 'excused']),
      }),
    )
    .min(1, 'Mindestens ein Eintrag.')
    .max(500, 'Höchstens 500 Einträge.'),
});

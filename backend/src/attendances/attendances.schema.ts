import { z } from 'zod';
import { id } from '../shared/fields.ts';

export const ATTENDANCE_STATUSES = ['registered', 'attended', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const attendanceSchema = z.object({
  workshop_id: id(),
  person_id: id(),
  status: z.enum(ATTENDANCE_STATUSES).optional(),
});

/** PUT receives the whole record; only the status can change (workshop and person are fixed). */
export const attendanceUpdateSchema = z.object({
  status: z.enum(ATTENDANCE_STATUSES).optional(),
});

export interface AttendanceSummary {
  /** Mandatory workshops of the cohort that are over. */
  mandatory_past: number;
  /** …of which at least one person of the organisation attended. */
  attended: number;
  /** …of which nobody attended but someone was excused. */
  excused: number;
  /** …the rest: absent, or not registered at all. */
  missed: number;
  /** attended ÷ mandatory_past in percent (whole number), null before the first mandatory workshop. */
  percent: number | null;
  min_attendance_percent: number;
  /** True when the organisation's attendance breaks the cohort's rule. */
  below_rule: boolean;
}

/**
 * The mandatory-attendance rule: an organisation counts as present at a workshop when at least one
 * of its people attended. Excused absences are shown, but count as not present — the rule's
 * threshold (e.g. 80 %) is what leaves room for them.
 */
export function attendanceSummary(counts: { mandatory_past: number; attended: number; excused: number }, minPercent: number): AttendanceSummary {
  const { mandatory_past, attended, excused } = counts;
  const percent = mandatory_past > 0 ? Math.round((attended / mandatory_past) * 100) : null;
  return {
    mandatory_past,
    attended,
    excused,
    missed: mandatory_past - attended - excused,
    percent,
    min_attendance_percent: minPercent,
    // Compare exactly (not the rounded percent): 79.6 % is below an 80 % rule.
    below_rule: mandatory_past > 0 && attended * 100 < minPercent * mandatory_past,
  };
}

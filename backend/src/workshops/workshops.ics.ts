import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { TZDate } from '@date-fns/tz';
import { label } from '../shared/labels.ts';

const CALENDAR_TIMEZONE = 'Europe/Berlin';

/**
 * RFC 5545 wants a VTIMEZONE for every TZID used. Europe/Berlin's rules (CET/CEST, switching on
 * the last Sundays of March and October since 1996) are stable, so the component is a constant
 * rather than a tz database dependency.
 */
const BERLIN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'X-LIC-LOCATION:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

export interface CalendarWorkshop {
  id: number;
  title: string;
  kind: string;
  starts_at: Date | string;
  ends_at: Date | string;
  location: string | null;
  online_url: string | null;
  facilitator: string | null;
  recording_url: string | null;
  description: string | null;
  updated_at: Date | string;
  created_at: Date | string;
}


/**
 * One cohort's programme as an iCalendar feed. UIDs are `workshop-<id>@<host>` so a calendar
 * program that re-imports the feed updates events instead of duplicating them; SEQUENCE grows
 * with every change (seconds since creation) so clients take the newer version.
 */
export function workshopsCalendar(options: { cohortName: string; publicUrl: string; workshops: CalendarWorkshop[] }): string {
  const host = new URL(options.publicUrl).hostname || 'localhost';
  const calendar = ical({
    name: `openTransfer Accelerator – ${options.cohortName}`,
    prodId: { company: 'Stiftung Buergermut', product: 'openTransfer Accelerator CRM', language: 'DE' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone: that would print DTSTAMP in local time, which RFC 5545 forbids. The
    // events carry TZID=Europe/Berlin and the generator adds the matching VTIMEZONE.
    timezone: { name: null, generator: (tz) => (tz === CALENDAR_TIMEZONE ? BERLIN_VTIMEZONE : null) },
    x: { 'X-WR-TIMEZONE': CALENDAR_TIMEZONE },
  });
  for (const w of options.workshops) {
    const descriptionLines = [
      label('workshop_kind', w.kind),
      w.facilitator ? `Leitung: ${w.facilitator}` : null,
      w.online_url ? `Online: ${w.online_url}` : null,
      w.recording_url ? `Aufzeichnung: ${w.recording_url}` : null,
      w.description,
    ].filter(Boolean);
    const created = new Date(w.created_at);
    const updated = new Date(w.updated_at);
    calendar.createEvent({
      id: `workshop-${w.id}@${host}`,
      sequence: Math.max(0, Math.floor((updated.getTime() - created.getTime()) / 1000)),
      start: new TZDate(new Date(w.starts_at).getTime(), CALENDAR_TIMEZONE),
      end: new TZDate(new Date(w.ends_at).getTime(), CALENDAR_TIMEZONE),
      timezone: CALENDAR_TIMEZONE,
      stamp: updated,
      lastModified: updated,
      created,
      summary: w.title,
      description: descriptionLines.join('\n'),
      location: w.location ?? (w.online_url ? 'Online' : null),
      url: w.online_url ?? null,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

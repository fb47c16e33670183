/** What the programme overview and the reports use of the coaching sessions. */
export { coachingSessionsQuery, usedMinutesByFellowship, usedMinutesOf } from './coaching-sessions.queries.ts';

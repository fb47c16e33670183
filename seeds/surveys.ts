import { DEVELOPMENT_SURVEY_SECRET } from '../backend/src/config.ts';
import type { Db } from '../backend/src/db/database.ts';
import { berlinDay } from '../backend/src/shared/format.ts';
import { respondentHash } from '../backend/src/surveys/index.ts';
import type { Question } from '../backend/src/surveys/surveys.schema.ts';
import type { DemoBase } from './base.ts';
import { seededRandom } from './names.ts';

const DAY = 86_400_000;

const WORKSHOP_QUESTIONS: Question[] = [
  { key: 'inhalte', label: 'Wie hilfreich waren die Inhalte für Ihr Transfervorhaben?', type: 'scale_1_5' },
  { key: 'moderation', label: 'Wie zufrieden waren Sie mit der Moderation?', type: 'scale_1_5' },
  { key: 'umsetzung', label: 'Wie gut können Sie das Gelernte umsetzen?', type: 'scale_1_5' },
  { key: 'hilfreich', label: 'Was hat Ihnen besonders geholfen?', type: 'text' },
  { key: 'aendern', label: 'Was sollten wir beim nächsten Mal ändern?', type: 'text' },
];
const NPS_QUESTIONS: Question[] = [
  { key: 'empfehlung', label: 'Wie wahrscheinlich ist es, dass Sie den Accelerator einer befreundeten Organisation empfehlen?', type: 'nps_0_10' },
  { key: 'fortschritt', label: 'Wie sehr hat das Programm Ihr Transfervorhaben vorangebracht?', type: 'scale_1_5' },
  { key: 'format', label: 'Welches Format war für Sie am wertvollsten?', type: 'choice', options: ['Workshops', 'Coaching', 'Peer-Austausch', 'Netzwerk'] },
  { key: 'botschaft', label: 'Was würden Sie anderen Organisationen über das Programm sagen?', type: 'text' },
];
const HELPFUL = [
  'Die Beispiele anderer Fellows haben uns gezeigt, was realistisch ist.',
  'Die Arbeit in Kleingruppen am eigenen Transfermodell.',
  'Endlich Zeit, das Vorhaben mit Abstand zu betrachten.',
  'Die Checkliste für Partnerverträge nutzen wir schon.',
  'Der offene Austausch über Fehler beim Wachsen.',
];
const CHANGE = ['Mehr Pausen, der Tag war sehr voll.', 'Unterlagen gern vorher verschicken.', 'Etwas weniger Input, mehr Zeit für Fragen.', 'Ein Online-Termin zur Nachbereitung wäre gut.'];
const MESSAGES = [
  'Das Programm hat uns mutiger gemacht: Wir haben in einem Jahr drei Partnerstandorte gewonnen.',
  'Der Austausch mit den anderen Fellows war Gold wert – wir sind nicht allein mit unseren Fragen.',
  'Das Coaching hat genau dort angesetzt, wo wir feststeckten.',
  'Wer skalieren will, sollte sich bewerben – die Struktur hilft enorm.',
  'Intensiv, aber jede Stunde wert.',
  'Wir haben gelernt, unsere Wirkung in Zahlen zu zeigen, und Förderer damit überzeugt.',
];

/**
 * Surveys step: per cohort with fellows, feedback on its workshops (opened when the workshop ended,
 * two weeks long) and the programme NPS after its Demo Day; answered by most attendees and fellows,
 * with quotes staff chose. In the first and the oldest cohort one feedback has only two answers, so its results
 * stay hidden; in the current cohort the barcamp's feedback is open now with two answers (one of
 * them applicant10's) and the NPS comes after Demo Day. Answers of fellows without a login of
 * their own carry a hash of a stand-in respondent (negative number), which no user can have.
 */
export async function seedSurveys(db: Db, base: DemoBase): Promise<void> {
  const already = await db.selectFrom('surveys').select('id').limit(1).executeTakeFirst();
  if (already) return;
  const secret = base.surveySecret ?? DEVELOPMENT_SURVEY_SECRET;
  const rnd = seededRandom(2121);
  const now = Date.now();
  const cohorts = await db
    .selectFrom('cohorts as c')
    .select(['c.id', 'c.year', 'c.phase'])
    .where('c.id', 'in', db.selectFrom('workshops').select('cohort_id'))
    .orderBy('c.id')
    .execute();
  if (!cohorts.length) return;
  const current = cohorts.filter((c) => c.phase !== 'alumni').at(-1);
  // The first cohort of the demo and the oldest year (2023, added to the demo last) each keep one feedback below the threshold.
  const earliest = cohorts[0];
  const oldest = Math.min(...cohorts.map((c) => c.year));
  let standIn = 0;

  /** One survey with `count` answers (stand-ins unless `users` are given), and quotes from `quotes` of its texts. */
  async function survey(values: { cohort_id: number; workshop_id: number | null; title: string; kind: 'workshop_feedback' | 'programme_nps'; opens: number; closes: number }, count: number, quoteCount: number, users: number[] = []) {
    const questions = values.kind === 'programme_nps' ? NPS_QUESTIONS : WORKSHOP_QUESTIONS;
    const { opens, closes, ...fields } = values;
    const s = await db
      .insertInto('surveys')
      .values({ ...fields, questions: JSON.stringify(questions), opens_at: new Date(opens), closes_at: new Date(closes), created_by: base.staff.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const answered = Math.min(now, values.closes);
    const texts: [string, string][] = [];
    for (let i = 0; i < count; i++) {
      const answers: Record<string, unknown> = {};
      const mood = rnd.next();
      for (const q of questions) {
        if (q.type === 'scale_1_5') answers[q.key] = mood < 0.15 ? rnd.int(2, 3) : rnd.int(4, 5);
        else if (q.type === 'nps_0_10') answers[q.key] = mood < 0.15 ? rnd.int(4, 7) : mood < 0.45 ? rnd.int(7, 8) : rnd.int(9, 10);
        else if (q.type === 'choice') answers[q.key] = rnd.pick(q.options ?? []);
        else if (rnd.next() < 0.75) {
          const pool = q.key === 'aendern' ? CHANGE : q.key === 'botschaft' ? MESSAGES : HELPFUL;
          answers[q.key] = pool[(i + rnd.int(0, pool.length - 1)) % pool.length];
          texts.push([q.key, answers[q.key] as string]);
        }
      }
      const user = users[i] ?? --standIn;
      await db.insertInto('survey_responses').values({
        survey_id: s.id,
        respondent_hash: respondentHash(secret, s.id, user),
        user_id: null,
        answers: JSON.stringify(answers),
        answered_on: berlinDay(new Date(values.opens + ((answered - values.opens) * (i + 1)) / (count + 1))),
      }).execute();
    }
    const quotable = [...new Map(texts.filter(([key]) => key !== 'aendern').map(([key, text]) => [text, key])).entries()].slice(0, quoteCount);
    for (const [position, [text, key]] of quotable.entries()) {
      await db.insertInto('survey_quotes').values({ survey_id: s.id, question_key: key, text, position, created_by: base.staff.id }).execute();
    }
  }

  for (const cohort of cohorts) {
    const isCurrent = cohort.id === current?.id;
    const fellows = await db.selectFrom('fellowships').select('organisation_id').where('cohort_id', '=', cohort.id).where('status', '<>', 'withdrawn').execute();
    const workshops = await db
      .selectFrom('workshops as w')
      .select(['w.id', 'w.title', 'w.kind', 'w.ends_at',
        (eb) => eb.selectFrom('attendances as a').innerJoin('people as p', 'p.id', 'a.person_id').select((e) => e.fn.count<number>('p.organisation_id').distinct().as('n'))
          .whereRef('a.workshop_id', '=', 'w.id').where('a.status', '=', 'attended').as('attendees')])
      .where('w.cohort_id', '=', cohort.id)
      .where('w.kind', 'in', ['workshop', 'barcamp'])
      .orderBy('w.starts_at')
      .execute();
    const ended = workshops.filter((w) => w.ends_at.getTime() < now);
    for (const [i, w] of ended.entries()) {
      const attendees = Number(w.attendees);
      if (!attendees) continue;
      const opens = w.ends_at.getTime();
      const openNow = isCurrent && i === ended.length - 1;
      if (openNow) {
        // The barcamp's feedback, open now: two answers so far, one of them applicant10's.
        const applicant10 = base.applicants[9];
        const attended = applicant10 && (await db.selectFrom('attendances as a').innerJoin('people as p', 'p.id', 'a.person_id')
          .select('a.id').where('a.workshop_id', '=', w.id).where('a.status', '=', 'attended').where('p.organisation_id', '=', applicant10.organisation_id).executeTakeFirst());
        await survey({ cohort_id: cohort.id, workshop_id: w.id, title: `Feedback: ${w.title}`, kind: 'workshop_feedback', opens, closes: now + 10 * DAY }, 2, 0, attended ? [applicant10.id] : []);
        continue;
      }
      const few = (cohort.id === earliest.id || cohort.year === oldest) && i === 0;
      const count = few ? 2 : Math.max(3, Math.round(attendees * (0.6 + rnd.next() * 0.3)));
      await survey({ cohort_id: cohort.id, workshop_id: w.id, title: `Feedback: ${w.title}`, kind: 'workshop_feedback', opens, closes: opens + 14 * DAY }, count, few ? 0 : 1);
    }
    // The programme NPS opens the day after Demo Day (the cohort's last event) for four weeks.
    const last = await db.selectFrom('workshops').select('ends_at').where('cohort_id', '=', cohort.id).orderBy('ends_at', 'desc').executeTakeFirst();
    if (!last) continue;
    const opens = last.ends_at.getTime() + DAY;
    const count = opens < now ? Math.max(3, Math.round(fellows.length * 0.8)) : 0;
    await survey({ cohort_id: cohort.id, workshop_id: null, title: `Programm-NPS ${cohort.year}`, kind: 'programme_nps', opens, closes: opens + 28 * DAY }, count, 2);
  }
}

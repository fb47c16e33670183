import type { Db } from '../backend/src/db/database.ts';
import { CITIES, DEMO_IBANS, FIELDS, FIRST_NAMES, LAST_NAMES, LEGAL_FORMS, ORGANISATION_NAMES, seededRandom } from './names.ts';

/** Users for every role and the organisations with their people. */
export interface DemoOptions {
  /** `PUBLIC_URL` of the running system: the links in the demo's e-mails point there. */
  publicUrl: string;
  /** The running system's survey key (config.surveySecret), so the demo's answers count as given; default the development key. */
  surveySecret?: string;
}

/** What every demo step gets: the base records (logins, organisations) and the options. */
export type DemoBase = Awaited<ReturnType<typeof seedBase>> & DemoOptions;
export type DemoStep = (trx: Db, base: DemoBase) => Promise<void>;

export async function seedBase(db: Db, passwordHash: string) {
  const rnd = seededRandom(7);
  const user = (email: string, name: string, role: 'admin' | 'staff' | 'jury' | 'coach' | 'applicant', organisation_id: number | null = null) =>
    db.insertInto('users').values({ email, name, role, organisation_id, password_hash: passwordHash }).returning(['id', 'email', 'role', 'organisation_id']).executeTakeFirstOrThrow();

  const admin = await user('admin@example.org', 'Alex Admin', 'admin');
  const staff = await user('staff@example.org', 'Sabine Schäfer', 'staff');
  const staff2 = await user('staff2@example.org', 'Tobias Groß', 'staff');
  const jurors = [];
  const juryNames = ['Dr. Petra Hölzl', 'Prof. Kemal Aydın', 'Ines Brückner', 'Olaf Weißgerber', 'Jana Nováková', 'Friederike Spieß'];
  for (let i = 0; i < juryNames.length; i++) jurors.push(await user(`jury${i + 1}@example.org`, juryNames[i], 'jury'));
  const coaches = [];
  const coachNames = ['Katrin Übel (Coach)', 'Martin Groß (Transfer-Angel)', 'Leyla Demir (Coach)'];
  for (let i = 0; i < coachNames.length; i++) coaches.push(await user(`coach${i + 1}@example.org`, coachNames[i], 'coach'));

  const organisations: Array<{ id: number; name: string }> = [];
  for (let i = 0; i < ORGANISATION_NAMES.length; i++) {
    const name = ORGANISATION_NAMES[i];
    const [city, state, postal] = rnd.pick(CITIES);
    const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 30) || `org-${i + 1}`;
    const org = await db
      .insertInto('organisations')
      .values({
        name,
        legal_form: name.includes('gGmbH') ? 'ggmbh' : name.includes('Stiftung') ? 'stiftung' : name.endsWith('eG') ? 'genossenschaft' : rnd.pick(LEGAL_FORMS),
        charitable_status: rnd.next() > 0.05,
        tax_exemption_valid_until: `${2026 + rnd.int(0, 3)}-12-31`,
        street: `${rnd.pick(['Hauptstraße', 'Bahnhofstraße', 'Schulstraße', 'Gartenweg', 'Marktplatz', 'Lindenallee'])} ${rnd.int(1, 120)}`,
        postal_code: postal,
        city,
        state,
        website: `https://${slug}.example.org`,
        email: `kontakt@${slug}.example.org`,
        phone: `+49 ${rnd.int(30, 990)} ${rnd.int(100000, 9999999)}`,
        founded_year: rnd.int(1975, 2021),
        staff_count: rnd.int(2, 120),
        annual_budget_cents: rnd.int(80, 9000) * 100_000,
        field: rnd.pick(FIELDS),
        description: `${name} engagiert sich seit Jahren in ${city} und möchte sein erprobtes Konzept an weitere Standorte übertragen.`,
        iban: DEMO_IBANS[i % DEMO_IBANS.length],
        bic: 'COBADEFFXXX',
        account_holder: name,
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    organisations.push(org);
    for (let p = 0; p < 2; p++) {
      const first = rnd.pick(FIRST_NAMES);
      const last = rnd.pick(LAST_NAMES);
      await db
        .insertInto('people')
        .values({
          organisation_id: org.id,
          first_name: first,
          last_name: last,
          email: `${p === 0 ? 'leitung' : 'projekt'}@${slug}.example.org`,
          phone: `+49 ${rnd.int(150, 179)} ${rnd.int(1000000, 9999999)}`,
          role_title: p === 0 ? 'Geschäftsführung' : 'Projektleitung',
        })
        .execute();
    }
  }
  const applicants = [];
  for (let i = 0; i < 12; i++) {
    applicants.push(await user(`applicant${i + 1}@example.org`, `Antragsteller:in ${i + 1}`, 'applicant', organisations[i].id));
  }
  return { admin, staff, staff2, jurors, coaches, organisations, applicants, rnd };
}

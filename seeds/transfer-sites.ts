import type { Db } from '../backend/src/db/database.ts';
import type { DemoBase } from './base.ts';
import { seededRandom } from './names.ts';

/** A few cities per Bundesland (spelled as in `organisations.state`), for sites spread over the country. */
const CITIES: Record<string, string[]> = {
  'Baden-Württemberg': ['Stuttgart', 'Freiburg', 'Mannheim'], Bayern: ['München', 'Nürnberg', 'Regensburg'], Berlin: ['Berlin'],
  Brandenburg: ['Potsdam', 'Cottbus'], Bremen: ['Bremen', 'Bremerhaven'], Hamburg: ['Hamburg'], Hessen: ['Frankfurt am Main', 'Kassel'],
  'Mecklenburg-Vorpommern': ['Rostock', 'Greifswald'], Niedersachsen: ['Hannover', 'Göttingen'], 'Nordrhein-Westfalen': ['Köln', 'Dortmund', 'Münster'],
  'Rheinland-Pfalz': ['Mainz', 'Trier'], Saarland: ['Saarbrücken'], Sachsen: ['Leipzig', 'Dresden', 'Chemnitz'], 'Sachsen-Anhalt': ['Halle (Saale)', 'Magdeburg'],
  'Schleswig-Holstein': ['Kiel', 'Lübeck'], Thüringen: ['Erfurt', 'Jena'],
};
const STATES = Object.keys(CITIES);
const MODELS = ['social_franchise', 'affiliation', 'dissemination', 'licensing', 'other'] as const;
type Model = (typeof MODELS)[number];
/** What a site is called after the model that brought it there: "Lizenzpartner Kiel". */
const KIND: Record<Model, string> = {
  social_franchise: 'Franchisepartner', affiliation: 'Partnerstandort', dissemination: 'Netzwerkpartner', licensing: 'Lizenzpartner', other: 'Standort',
};

const day = (year: number, month: number, d: number) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Transfer sites step: the completed fellowships of alumni cohorts have taken their model to two to
 * four places — most sites active, about one in five closed again — and the current fellows have one
 * to three sites on the way (planned, preparing, the odd one already active). Sites spread over the
 * Bundesländer; the model is the one the organisation applied with. Without fellowships it does nothing.
 */
export async function seedTransferSites(db: Db, _base: DemoBase): Promise<void> {
  const rnd = seededRandom(2020);
  const fellowships = await db
    .selectFrom('fellowships as f')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .innerJoin('applications as a', 'a.id', 'f.application_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .select(['f.id', 'f.status', 'c.phase', 'c.year', 'a.transfer_model', 'o.state'])
    .where('f.status', '!=', 'withdrawn')
    .orderBy('f.id')
    .execute();
  for (const f of fellowships) {
    const alumni = f.phase === 'alumni';
    const count = alumni ? rnd.int(2, 4) : rnd.int(1, 3);
    const model: Model = f.transfer_model ?? rnd.pick(MODELS);
    for (let i = 0; i < count; i++) {
      // The first site often lies in the organisation's own Bundesland, the others anywhere.
      const state = i === 0 && f.state && Object.hasOwn(CITIES, f.state) && rnd.next() < 0.5 ? f.state : rnd.pick(STATES);
      const city = rnd.pick(CITIES[state]);
      const roll = rnd.next();
      const status = alumni ? (roll < 0.2 ? 'closed' : 'active') : roll < 0.45 ? 'planned' : roll < 0.8 ? 'preparing' : 'active';
      const opened = alumni ? day(f.year + 1, rnd.int(1, 12), rnd.int(1, 28)) : status === 'active' ? day(f.year, rnd.int(4, 9), rnd.int(1, 28)) : null;
      const closed = status === 'closed' ? day(f.year + 2, rnd.int(1, 12), rnd.int(1, 28)) : null;
      await db.insertInto('transfer_sites').values({
        fellowship_id: f.id, name: `${KIND[model]} ${city}`, city, state, transfer_model: model, status, opened_on: opened, closed_on: closed,
      }).execute();
    }
  }
}

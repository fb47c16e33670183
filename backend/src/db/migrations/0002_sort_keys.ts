import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * German sort order without ICU (PGlite has none): a folded key where Ä sorts as A, ß as ss.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    ALTER TABLE organisations ADD COLUMN name_sort text GENERATED ALWAYS AS (
      replace(translate(lower(name), 'äöüáàâãåéèêëíìîïóòôõúùûçñłśźżćńšžčřýğışœæ', 'aouaaaaaeeeeiiiioooouuucnlszzcnszcrygisoa'), 'ß', 'ss')
    ) STORED;
    CREATE INDEX organisations_name_sort ON organisations (name_sort, id);
    ALTER TABLE people ADD COLUMN last_name_sort text GENERATED ALWAYS AS (
      replace(translate(lower(last_name), 'äöüáàâãåéèêëíìîïóòôõúùûçñłśźżćńšžčřýğışœæ', 'aouaaaaaeeeeiiiioooouuucnlszzcnszcrygisoa'), 'ß', 'ss')
    ) STORED;
    CREATE INDEX people_last_name_sort ON people (last_name_sort, id)
  `);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    ALTER TABLE organisations DROP COLUMN name_sort;
    ALTER TABLE people DROP COLUMN last_name_sort
  `);
}

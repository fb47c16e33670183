import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';

export interface CatalogueColumn {
  table: string;
  column: string;
  /** information_schema data_type: text, character varying, json, jsonb, ARRAY … */
  type: string;
  generated: boolean;
}

/**
 * Every column of every table of the application that can hold text: text, varchar, char, json,
 * jsonb and arrays of them, read from the database catalogue (so a new table or column is
 * included without touching the tests).
 */
export async function textColumns(db: Db): Promise<CatalogueColumn[]> {
  const { rows } = await sql<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_generated: string }>`
    select c.table_name, c.column_name, c.data_type, c.udt_name, c.is_generated
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.table_name not like 'kysely\\_%'
      and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
           or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar', '_bpchar', '_json', '_jsonb')))
    order by c.table_name, c.ordinal_position`.execute(db);
  return rows.map((r) => ({ table: r.table_name, column: r.column_name, type: r.data_type, generated: r.is_generated === 'ALWAYS' }));
}

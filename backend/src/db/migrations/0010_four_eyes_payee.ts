import { sql, type Kysely } from 'kysely';

/**
 * Issue 16, class 2 ("four eyes edited around"), held by the database so that no write path can
 * go around it (docs/funding.md, docs/security.md "Trust, round 2"):
 *
 * - `money_editors`: everyone who created the tranche or changed a money field of it (fellowship,
 *   label, amount, due date, milestone), or changed the payee organisation's bank details while
 *   the tranche was open. A trigger maintains it from `app.actor_id` (set per transaction by the
 *   API, `db/actor.ts`); it only ever grows, and a money field change without an actor is refused.
 *   The approver must not be in it (CHECK).
 * - Money fields of a tranche that is no longer `planned` never change (trigger).
 * - The payee (account holder, IBAN, BIC) is copied onto the tranche when it becomes approved and
 *   is frozen from then on; exports read the copy.
 * - Changing an organisation's IBAN, BIC or account holder puts its approved, not yet exported
 *   tranches back to `planned` with a note (a fresh approval is needed), notes the change on its
 *   planned ones, and makes the person who changed it an editor of all of them.
 *
 * Statements run one by one: function bodies contain semicolons.
 */
const STATEMENTS = [
  `ALTER TABLE disbursements ADD COLUMN money_editors integer[] NOT NULL DEFAULT '{}'`,
  `ALTER TABLE disbursements ADD COLUMN payee_account_holder text`,
  `ALTER TABLE disbursements ADD COLUMN payee_iban text`,
  `ALTER TABLE disbursements ADD COLUMN payee_bic text`,
  `ALTER TABLE disbursements ADD COLUMN bank_changed_at timestamptz`,
  `ALTER TABLE disbursements ADD COLUMN bank_change_note text`,

  `CREATE FUNCTION money_editor_set(p_editors integer[]) RETURNS integer[] LANGUAGE sql IMMUTABLE AS $$
     SELECT coalesce(array_agg(DISTINCT e ORDER BY e), '{}') FROM unnest(p_editors) AS e WHERE e IS NOT NULL
   $$`,

  // Existing tranches: the creator; for planned ones also whoever changed them through the API
  // (every audited update of a planned tranche changed a money field).
  `UPDATE disbursements d SET money_editors = money_editor_set(
     ARRAY[d.created_by] || CASE WHEN d.status = 'planned' THEN coalesce((
       SELECT array_agg(a.actor_id) FROM audit_events a
        WHERE a.resource = 'disbursements' AND a.record_id = d.id AND a.action = 'update'), '{}') ELSE '{}' END)`,
  // Approved and paid tranches get the payee as it is known now.
  `UPDATE disbursements d
      SET payee_account_holder = coalesce(o.account_holder, o.name), payee_iban = o.iban, payee_bic = o.bic
     FROM fellowships f JOIN organisations o ON o.id = f.organisation_id
    WHERE f.id = d.fellowship_id AND d.status IN ('approved', 'paid')`,

  `ALTER TABLE disbursements ADD CONSTRAINT disbursements_four_eyes CHECK (approved_by IS NULL OR approved_by <> ALL (money_editors))`,

  `CREATE FUNCTION disbursements_guard() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE
       v_actor integer := nullif(current_setting('app.actor_id', true), '')::integer;
       v_payee record;
     BEGIN
       IF TG_OP = 'INSERT' THEN
         NEW.money_editors := money_editor_set(NEW.money_editors || ARRAY[NEW.created_by, v_actor]);
       ELSIF (NEW.fellowship_id, NEW.label, NEW.amount_cents, NEW.due_on, NEW.milestone_id)
             IS DISTINCT FROM (OLD.fellowship_id, OLD.label, OLD.amount_cents, OLD.due_on, OLD.milestone_id) THEN
         IF OLD.status <> 'planned' THEN
           RAISE EXCEPTION 'Tranche % ist %: Förderung, Bezeichnung, Betrag, Fälligkeit und Meilenstein sind eingefroren.', OLD.id, OLD.status
             USING ERRCODE = 'check_violation';
         END IF;
         IF v_actor IS NULL THEN
           RAISE EXCEPTION 'Tranche %: Geldfelder dürfen nur mit app.actor_id geändert werden (Vier-Augen-Prinzip).', OLD.id;
         END IF;
         NEW.money_editors := money_editor_set(OLD.money_editors || NEW.money_editors || v_actor);
       ELSE
         NEW.money_editors := money_editor_set(OLD.money_editors || NEW.money_editors);
       END IF;

       IF NEW.status IN ('approved', 'paid') AND (TG_OP = 'INSERT' OR OLD.status NOT IN ('approved', 'paid')) THEN
         SELECT coalesce(o.account_holder, o.name) AS holder, o.iban, o.bic INTO v_payee
           FROM fellowships f JOIN organisations o ON o.id = f.organisation_id
          WHERE f.id = NEW.fellowship_id
            FOR SHARE OF o;
         NEW.payee_account_holder := v_payee.holder;
         NEW.payee_iban := v_payee.iban;
         NEW.payee_bic := v_payee.bic;
         NEW.bank_changed_at := NULL;
         NEW.bank_change_note := NULL;
       ELSIF TG_OP = 'UPDATE' AND NEW.status <> 'planned' THEN
         NEW.payee_account_holder := OLD.payee_account_holder;
         NEW.payee_iban := OLD.payee_iban;
         NEW.payee_bic := OLD.payee_bic;
       ELSE
         NEW.payee_account_holder := NULL;
         NEW.payee_iban := NULL;
         NEW.payee_bic := NULL;
       END IF;
       RETURN NEW;
     END
   $$`,
  `CREATE TRIGGER disbursements_guard BEFORE INSERT OR UPDATE ON disbursements
     FOR EACH ROW EXECUTE FUNCTION disbursements_guard()`,

  `CREATE FUNCTION organisations_bank_details_changed() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE
       v_actor integer := nullif(current_setting('app.actor_id', true), '')::integer;
       v_change text;
       v_note text;
       v_tranche record;
     BEGIN
       v_change := format('Bankverbindung am %s geändert (%s).',
         to_char(now() AT TIME ZONE 'Europe/Berlin', 'DD.MM.YYYY HH24:MI'),
         concat_ws('; ',
           CASE WHEN OLD.iban IS DISTINCT FROM NEW.iban THEN format('IBAN %s → %s',
             coalesce('…' || right(OLD.iban, 4), 'keine'), coalesce('…' || right(NEW.iban, 4), 'keine')) END,
           CASE WHEN OLD.bic IS DISTINCT FROM NEW.bic THEN format('BIC %s → %s', coalesce(OLD.bic, 'keine'), coalesce(NEW.bic, 'keine')) END,
           CASE WHEN OLD.account_holder IS DISTINCT FROM NEW.account_holder THEN format('Kontoinhaber „%s“ → „%s“',
             coalesce(OLD.account_holder, '–'), coalesce(NEW.account_holder, '–')) END));
       FOR v_tranche IN
         SELECT d.id, d.status, d.approved_by, d.approved_at, d.payee_account_holder, d.payee_iban, d.payee_bic, d.bank_change_note
           FROM disbursements d
          WHERE d.fellowship_id IN (SELECT f.id FROM fellowships f WHERE f.organisation_id = NEW.id)
            AND d.status IN ('planned', 'approved')
            AND d.export_id IS NULL
          ORDER BY d.id
            FOR UPDATE
       LOOP
         IF v_actor IS NULL THEN
           RAISE EXCEPTION 'Organisation %: Bankverbindung mit offenen Tranchen nur mit app.actor_id ändern (Vier-Augen-Prinzip).', NEW.id;
         END IF;
         v_note := v_change || CASE WHEN v_tranche.status = 'approved'
           THEN ' Freigabe zurückgenommen: Bitte die neue Bankverbindung prüfen und die Tranche neu freigeben.'
           ELSE ' Bitte vor der Freigabe prüfen.' END;
         UPDATE disbursements
            SET status = 'planned', approved_by = NULL, approved_at = NULL, bank_changed_at = now(), bank_change_note = v_note,
                money_editors = money_editors || v_actor, updated_at = now()
          WHERE id = v_tranche.id;
         INSERT INTO audit_events (actor_id, action, resource, record_id, changes)
         VALUES (v_actor, CASE WHEN v_tranche.status = 'approved' THEN 'reset_approval' ELSE 'bank_details_changed' END, 'disbursements', v_tranche.id,
           CASE WHEN v_tranche.status = 'approved' THEN jsonb_build_object(
             'before', jsonb_build_object('status', 'approved', 'approved_by', v_tranche.approved_by, 'approved_at', v_tranche.approved_at,
               'payee_account_holder', v_tranche.payee_account_holder, 'payee_iban', v_tranche.payee_iban, 'payee_bic', v_tranche.payee_bic,
               'bank_change_note', v_tranche.bank_change_note),
             'after', jsonb_build_object('status', 'planned', 'approved_by', NULL, 'approved_at', NULL, 'payee_account_holder', NULL,
               'payee_iban', NULL, 'payee_bic', NULL, 'bank_change_note', v_note))
           ELSE jsonb_build_object(
             'before', jsonb_build_object('bank_change_note', v_tranche.bank_change_note),
             'after', jsonb_build_object('bank_change_note', v_note)) END
           || jsonb_build_object('organisation_id', NEW.id, 'money_editor_added', v_actor));
       END LOOP;
       RETURN NULL;
     END
   $$`,
  `CREATE TRIGGER organisations_bank_details AFTER UPDATE ON organisations
     FOR EACH ROW WHEN ((OLD.iban, OLD.bic, OLD.account_holder) IS DISTINCT FROM (NEW.iban, NEW.bic, NEW.account_holder))
     EXECUTE FUNCTION organisations_bank_details_changed()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

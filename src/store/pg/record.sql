ALTER TABLE history ADD COLUMN seq BIGINT;
ALTER TABLE history ADD COLUMN hash TEXT;
ALTER TABLE history ADD COLUMN imported BIGINT NOT NULL DEFAULT 0 CHECK (imported IN (0, 1));
CREATE UNIQUE INDEX history_seq ON history (seq);
ALTER TABLE reevaluation ADD COLUMN confirmation_imported BIGINT NOT NULL DEFAULT 0
    CHECK (confirmation_imported IN (0, 1));
-- Pure helpers without a fixed search_path, so that PostgreSQL inlines them (a SET clause would
-- cost a settings change per call); every function and operator in them is named with its
-- schema, so no search path can put another in its place.
CREATE FUNCTION fahrplan_field(v TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE
    AS $f$ SELECT CASE WHEN v IS NULL THEN '-'
        ELSE pg_catalog.octet_length(pg_catalog.convert_to(v, 'UTF8'))::text
             OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) v END $f$;
-- PL/pgSQL (its plan is kept for the session; an SQL function called from a trigger would be
-- planned anew on every row).
CREATE FUNCTION fahrplan_row_hash(prev TEXT, h history) RETURNS TEXT LANGUAGE plpgsql STABLE
    SET search_path = "__SCHEMA__", pg_temp
    AS $f$
BEGIN
    RETURN encode(sha256(convert_to(prev || '|'
        || fahrplan_field(h.seq::text) || fahrplan_field(h.id::text)
        || fahrplan_field(h.batch::text) || fahrplan_field(h.at) || fahrplan_field(h.who)
        || fahrplan_field(h.code) || fahrplan_field(h.field) || fahrplan_field(h.old)
        || fahrplan_field(h.new) || fahrplan_field(h.comment) || fahrplan_field(h.data)
        || fahrplan_field(h.imported::text), 'UTF8')), 'hex');
END $f$;
CREATE FUNCTION fahrplan_history_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = "__SCHEMA__", pg_temp
    AS $f$
DECLARE last_seq BIGINT; last_hash TEXT;
BEGIN
    IF NEW.imported <> 0 AND NOT pg_has_role(session_user, '__ADMIN__', 'MEMBER') THEN
        RAISE EXCEPTION 'only the administrator of this roadmap brings history from a file'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.imported = 0 THEN
        NEW.who := session_user;
    END IF;
    -- The application's writes come one at a time (fahrplan_write_lock); a row slipped in beside
    -- one cannot fork the chain either: its position is unique, the second of two is refused.
    SELECT seq, hash INTO last_seq, last_hash FROM history
        WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.hash := fahrplan_row_hash(coalesce(last_hash, ''), NEW);
    RETURN NEW;
END $f$;
CREATE TRIGGER history_chain BEFORE INSERT ON history
    FOR EACH ROW EXECUTE FUNCTION fahrplan_history_chain();
DO $f$
DECLARE r history; prev TEXT := ''; n BIGINT := 0;
BEGIN
    FOR r IN SELECT * FROM history ORDER BY id LOOP
        n := n + 1;
        r.seq := n;
        prev := fahrplan_row_hash(prev, r);
        UPDATE history SET seq = n, hash = prev WHERE id = r.id;
    END LOOP;
END $f$;
CREATE FUNCTION fahrplan_may_edit() RETURNS BOOLEAN LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $f$ SELECT pg_has_role(session_user, '__EDITOR__', 'MEMBER')
              OR pg_has_role(session_user, '__ADMIN__', 'MEMBER') $f$;
CREATE FUNCTION fahrplan_is_admin() RETURNS BIGINT LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $f$ SELECT CASE WHEN pg_has_role(session_user, '__ADMIN__', 'MEMBER') THEN 1 ELSE 0 END $f$;
-- The lock every write of the application takes first, so that writes come one at a time: a
-- table of its own (editors may lock it; it holds nothing), taken directly (a function taking
-- it cost a third of the throughput under load).
CREATE TABLE write_lock (one BIGINT PRIMARY KEY CHECK (one = 1));
-- A confirmation is given through fahrplan_set_confirmation only; evidence is added in the
-- name of whoever adds it; a file's bytes are what its checksum says.
CREATE FUNCTION fahrplan_insert_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = "__SCHEMA__", pg_temp
    AS $f$
BEGIN
    IF pg_has_role(session_user, '__ADMIN__', 'MEMBER') THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'reevaluation' THEN
        NEW.confirmed_by := NULL;
        NEW.confirmed_at := NULL;
        NEW.confirmation_imported := 0;
    ELSIF TG_TABLE_NAME = 'evidence' THEN
        NEW.added_by := session_user;
    END IF;
    RETURN NEW;
END $f$;
CREATE TRIGGER reevaluation_guard BEFORE INSERT ON reevaluation
    FOR EACH ROW EXECUTE FUNCTION fahrplan_insert_guard();
CREATE TRIGGER evidence_guard BEFORE INSERT ON evidence
    FOR EACH ROW EXECUTE FUNCTION fahrplan_insert_guard();
ALTER TABLE evidence_file ADD CONSTRAINT evidence_file_checksum
    CHECK (sha256 = encode(sha256(data), 'hex')) NOT VALID;
-- Whether the running write (the newest batch, written in this transaction by the session's
-- login) recorded a history row of field `f` (any, when NULL) for record `rid` (any, when NULL):
-- the functions below change the record only within a write that recorded the change.
CREATE FUNCTION fahrplan_recorded(f TEXT, rid BIGINT) RETURNS BOOLEAN LANGUAGE sql VOLATILE
    SET search_path = "__SCHEMA__", pg_temp
    AS $f$ SELECT EXISTS (SELECT 1 FROM history h
        WHERE h.xmin = pg_current_xact_id()::xid
          AND h.who = session_user
          AND (f IS NULL OR h.field = f)
          AND (rid IS NULL
               OR (CASE WHEN h.field = f AND h.data IS NOT NULL
                        THEN h.data::jsonb ->> 'id' END) = rid::text)) $f$;
CREATE FUNCTION fahrplan_drop_batch(b BIGINT) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = "__SCHEMA__", pg_temp
    AS $f$
DECLARE n BIGINT;
BEGIN
    IF NOT fahrplan_may_edit() THEN RAISE EXCEPTION 'not an editor' USING ERRCODE = '42501'; END IF;
    -- Only the empty batch this transaction opened.
    DELETE FROM batch WHERE id = b AND xmin = pg_current_xact_id()::xid
        AND NOT EXISTS (SELECT 1 FROM history h WHERE h.batch = b);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $f$;
CREATE FUNCTION fahrplan_reverted(target BIGINT, by_batch BIGINT) RETURNS BIGINT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = "__SCHEMA__", pg_temp
    AS $f$
DECLARE n BIGINT; k TEXT; expected BIGINT;
BEGIN
    IF NOT fahrplan_may_edit() THEN RAISE EXCEPTION 'not an editor' USING ERRCODE = '42501'; END IF;
    -- Only by the running undo or redo, which recorded what it reverts.
    IF NOT EXISTS (SELECT 1 FROM batch WHERE id = by_batch AND xmin = pg_current_xact_id()::xid)
       OR NOT fahrplan_recorded(NULL, NULL) THEN
        RAISE EXCEPTION 'an undo records what it reverts' USING ERRCODE = '42501';
    END IF;
    -- Only what an undo or redo reverts (the same rule as the application's).
    SELECT kind INTO k FROM batch WHERE id = by_batch;
    IF k = 'undo' THEN
        SELECT max(id) INTO expected FROM batch WHERE kind IN ('edit', 'redo') AND undone = 0;
    ELSIF k = 'redo' THEN
        SELECT max(b.id) INTO expected FROM batch b WHERE b.kind = 'undo' AND b.undone = 0
            AND NOT EXISTS (SELECT 1 FROM batch e WHERE e.kind = 'edit' AND e.id > b.id);
    END IF;
    IF expected IS DISTINCT FROM target THEN
        RAISE EXCEPTION 'an undo reverts the latest change' USING ERRCODE = '42501';
    END IF;
    UPDATE batch SET undone = 1 WHERE id = target AND id < by_batch;
    GET DIAGNOSTICS n = ROW_COUNT;
    UPDATE batch SET reverts = target WHERE id = by_batch;
    RETURN n;
END $f$;
CREATE FUNCTION fahrplan_delete_evidence(e BIGINT) RETURNS BIGINT LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = "__SCHEMA__", pg_temp
    AS $f$
DECLARE n BIGINT;
BEGIN
    IF NOT fahrplan_may_edit() THEN RAISE EXCEPTION 'not an editor' USING ERRCODE = '42501'; END IF;
    IF NOT (fahrplan_recorded('evidence', e) OR fahrplan_recorded('evidence-purged', e)) THEN
        RAISE EXCEPTION 'evidence is removed by a recorded change' USING ERRCODE = '42501';
    END IF;
    DELETE FROM evidence WHERE id = e;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $f$;
CREATE FUNCTION fahrplan_delete_reevaluation(r BIGINT) RETURNS BIGINT LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = "__SCHEMA__", pg_temp
    AS $f$
DECLARE n BIGINT;
BEGIN
    IF NOT fahrplan_may_edit() THEN RAISE EXCEPTION 'not an editor' USING ERRCODE = '42501'; END IF;
    IF NOT fahrplan_recorded('reevaluation', r) THEN
        RAISE EXCEPTION 'a verdict is removed by a recorded change' USING ERRCODE = '42501';
    END IF;
    DELETE FROM reevaluation WHERE id = r AND confirmed_by IS NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $f$;
-- A confirmation: by the session's login, recorded, on a real day not before the verdict, and
-- never by whoever recorded the verdict (as the history, whose `who` the server writes, says)
-- or is named as its evaluator.
CREATE FUNCTION fahrplan_set_confirmation(r BIGINT, on_day TEXT, by_login TEXT) RETURNS BIGINT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = "__SCHEMA__", pg_temp
    AS $f$
DECLARE n BIGINT;
BEGIN
    IF NOT fahrplan_may_edit() THEN RAISE EXCEPTION 'not an editor' USING ERRCODE = '42501'; END IF;
    IF NOT fahrplan_recorded('reevaluation-confirmed', r) THEN
        RAISE EXCEPTION 'a confirmation is given by a recorded change' USING ERRCODE = '42501';
    END IF;
    IF on_day IS NULL THEN
        -- Taken back (undo) only by whoever gave it, or the administrator.
        UPDATE reevaluation SET confirmed_by = NULL, confirmed_at = NULL, confirmation_imported = 0
            WHERE id = r AND (confirmed_by = session_user
                              OR pg_has_role(session_user, '__ADMIN__', 'MEMBER'));
    ELSIF by_login IS DISTINCT FROM session_user OR on_day !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
        n := 0;
        RETURN n;
    ELSE
        UPDATE reevaluation SET confirmed_by = session_user, confirmed_at = on_day,
            confirmation_imported = 0
            WHERE id = r AND lower(btrim(by_whom)) <> lower(btrim(session_user))
              AND (confirmed_by IS NULL OR confirmation_imported = 1)
              AND to_date(on_day, 'YYYY-MM-DD') >= to_date(reevaluation.date, 'YYYY-MM-DD')
              AND NOT EXISTS (SELECT 1 FROM history h JOIN batch b ON b.id = h.batch
                  WHERE h.field = 'reevaluation' AND h.imported = 0 AND h.new IS NOT NULL
                    AND b.kind = 'edit' AND h.who = session_user
                    AND (CASE WHEN h.field = 'reevaluation' AND h.data IS NOT NULL
                              THEN h.data::jsonb ->> 'id' END) = r::text);
    END IF;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $f$;
-- Makes a batch final (no undo reverts it): only within a purge, which recorded itself.
CREATE FUNCTION fahrplan_final_batch(b BIGINT) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = "__SCHEMA__", pg_temp
    AS $f$
DECLARE n BIGINT;
BEGIN
    IF NOT fahrplan_may_edit() THEN RAISE EXCEPTION 'not an editor' USING ERRCODE = '42501'; END IF;
    IF NOT fahrplan_recorded('evidence-purged', NULL) THEN
        RAISE EXCEPTION 'only an erasure makes changes final' USING ERRCODE = '42501';
    END IF;
    UPDATE batch SET undone = 1 WHERE id = b AND EXISTS (SELECT 1 FROM history WHERE batch = b);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $f$;
-- Erases a file's bytes: only within the purge that recorded this file, and only when no
-- evidence names it any more.
CREATE FUNCTION fahrplan_purge_file(sha TEXT) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = "__SCHEMA__", pg_temp
    AS $f$
DECLARE n BIGINT;
BEGIN
    IF NOT fahrplan_may_edit() THEN RAISE EXCEPTION 'not an editor' USING ERRCODE = '42501'; END IF;
    IF NOT EXISTS (SELECT 1 FROM history h
        WHERE h.xmin = pg_current_xact_id()::xid
          AND h.who = session_user AND h.field = 'evidence-purged'
          AND (CASE WHEN h.field = 'evidence-purged' AND h.data IS NOT NULL
                    THEN h.data::jsonb ->> 'sha256' END) = sha) THEN
        RAISE EXCEPTION 'a file is erased by a recorded purge' USING ERRCODE = '42501';
    END IF;
    DELETE FROM evidence_file WHERE sha256 = sha
        AND NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = sha);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $f$;
-- A verdict, a piece of evidence or a batch an editor adds must be in the history by the end
-- of the transaction (checked at commit): nothing is slipped in unrecorded with psql. Imports
-- and the seed are the administrators'.
CREATE FUNCTION fahrplan_insert_recorded() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = "__SCHEMA__", pg_temp
    AS $f$
DECLARE f TEXT := CASE TG_TABLE_NAME WHEN 'reevaluation' THEN 'reevaluation' ELSE 'evidence' END;
    ok BOOLEAN;
BEGIN
    IF pg_has_role(session_user, '__ADMIN__', 'MEMBER') THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'batch' THEN
        IF EXISTS (SELECT 1 FROM batch WHERE id = NEW.id)
           AND NOT EXISTS (SELECT 1 FROM history WHERE batch = NEW.id) THEN
            RAISE EXCEPTION 'a change is recorded in the history' USING ERRCODE = '42501';
        END IF;
        RETURN NULL;
    END IF;
    -- Recorded as an addition by this transaction, and what it records is what was added.
    IF TG_TABLE_NAME = 'reevaluation' THEN
        ok := EXISTS (SELECT 1 FROM history h
            WHERE h.xmin = pg_current_xact_id()::xid AND h.who = session_user
              AND h.field = f AND h.new IS NOT NULL AND h.data IS NOT NULL
              AND h.data::jsonb ->> 'id' = NEW.id::text
              AND h.data::jsonb ->> 'verdict' = NEW.verdict
              AND h.data::jsonb ->> 'date' = NEW.date
              AND h.data::jsonb ->> 'by' = NEW.by_whom);
    ELSE
        ok := EXISTS (SELECT 1 FROM history h
            WHERE h.xmin = pg_current_xact_id()::xid AND h.who = session_user
              AND h.field = f AND h.new IS NOT NULL AND h.data IS NOT NULL
              AND h.data::jsonb ->> 'id' = NEW.id::text
              AND h.data::jsonb ->> 'name' = NEW.name
              AND (h.data::jsonb ->> 'sha256') IS NOT DISTINCT FROM NEW.sha256);
    END IF;
    IF NOT ok THEN
        RAISE EXCEPTION 'a change is recorded in the history' USING ERRCODE = '42501';
    END IF;
    RETURN NULL;
END $f$;
CREATE CONSTRAINT TRIGGER reevaluation_recorded AFTER INSERT ON reevaluation
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fahrplan_insert_recorded();
CREATE CONSTRAINT TRIGGER evidence_recorded AFTER INSERT ON evidence
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fahrplan_insert_recorded();
CREATE CONSTRAINT TRIGGER batch_recorded AFTER INSERT ON batch
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fahrplan_insert_recorded();
-- Confirmations that no recorded confirmation gave (an earlier import, or a row changed before
-- this version) count as imported.
-- A row whose data is not JSON (written by hand before this version) confirms nothing and
-- never stops the upgrade.
CREATE FUNCTION pg_temp.fahrplan_try_jsonb(t TEXT) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE
    AS $f$ BEGIN RETURN t::jsonb; EXCEPTION WHEN others THEN RETURN NULL; END $f$;
UPDATE reevaluation r SET confirmation_imported = 1
    WHERE r.confirmed_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM history h
        WHERE h.field = 'reevaluation-confirmed' AND h.new IS NOT NULL
          AND (CASE WHEN h.field = 'reevaluation-confirmed' AND h.data IS NOT NULL
                    THEN pg_temp.fahrplan_try_jsonb(h.data) ->> 'id' END) = r.id::text);
DROP FUNCTION pg_temp.fahrplan_try_jsonb(TEXT);
-- The engine refuses bad data, whoever writes it: dates and times in the one form every reader
-- understands (and real days), texts within the limits typing has, amounts bounded. New rows are
-- checked; rows already there are read defensively (NOT VALID: an upgrade never fails on them).
-- Dates and times are checked inline (a CHECK binds its operators when it is made, so no search
-- path can change them; a function's body would be looked up anew): the form by pattern, the
-- day by the cast, which refuses 30 February.
ALTER TABLE measure ADD CONSTRAINT measure_sound CHECK (
    char_length(btrim(code)) BETWEEN 1 AND 20 AND char_length(btrim(title)) >= 1
    AND char_length(title) <= 200 AND char_length(description) <= 10000
    AND char_length(notes) <= 10000 AND char_length(funding_source) <= 200
    AND (planned_start IS NULL OR (planned_start ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND planned_start::date IS NOT NULL)) AND (due IS NULL OR (due ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND due::date IS NOT NULL))
    AND (completed IS NULL OR (completed ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND completed::date IS NOT NULL)) AND (next_reevaluation IS NULL OR (next_reevaluation ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND next_reevaluation::date IS NOT NULL))
    AND (archived_on IS NULL OR (archived_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND archived_on::date IS NOT NULL)) AND due >= planned_start
    AND planned_one_off_cents BETWEEN 0 AND 10000000000000
    AND planned_yearly_cents BETWEEN 0 AND 10000000000000
    AND (reeval_interval_months IS NULL OR reeval_interval_months BETWEEN 1 AND 120)
    AND staff_days_planned <= 1000000 AND staff_days_spent <= 1000000) NOT VALID;
ALTER TABLE expense ADD CONSTRAINT expense_sound CHECK (
    (date IS NULL OR (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND date::date IS NOT NULL)) AND amount_cents <> 0
    AND amount_cents BETWEEN -10000000000000 AND 10000000000000
    AND char_length(note) <= 10000) NOT VALID;
ALTER TABLE reevaluation ADD CONSTRAINT reevaluation_sound CHECK (
    (date IS NULL OR (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND date::date IS NOT NULL)) AND (confirmed_at IS NULL OR (confirmed_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND confirmed_at::date IS NOT NULL))
    AND char_length(note) <= 10000 AND char_length(by_whom) <= 200) NOT VALID;
ALTER TABLE meeting ADD CONSTRAINT meeting_sound CHECK (
    (date IS NULL OR (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND date::date IS NOT NULL)) AND char_length(btrim(title)) BETWEEN 1 AND 200) NOT VALID;
ALTER TABLE baseline ADD CONSTRAINT baseline_sound CHECK (
    (date IS NULL OR (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND date::date IS NOT NULL)) AND char_length(btrim(title)) BETWEEN 1 AND 200) NOT VALID;
ALTER TABLE history ADD CONSTRAINT history_sound CHECK (
    (at IS NULL OR (at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$'
        AND at::timestamp IS NOT NULL)) AND char_length(comment) <= 10000) NOT VALID;
ALTER TABLE evidence ADD CONSTRAINT evidence_sound CHECK (
    (added_at IS NULL OR (added_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$'
        AND added_at::timestamp IS NOT NULL)) AND char_length(note) <= 10000
    AND char_length(name) BETWEEN 1 AND 1000) NOT VALID;
ALTER TABLE owner ADD CONSTRAINT owner_sound CHECK (
    char_length(btrim(name)) BETWEEN 1 AND 200) NOT VALID;
-- Writes are announced on a channel whose name only the roadmap's members can read (any login
-- may LISTEN or NOTIFY a channel it can name): a random name kept with the schema's identity,
-- which editors cannot change.
ALTER TABLE fahrplan_schema ADD COLUMN channel TEXT NOT NULL
    DEFAULT ('fahrplan_' || replace(gen_random_uuid()::text, '-', ''));

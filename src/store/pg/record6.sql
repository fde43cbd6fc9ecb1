-- A JSON text read safely: what is not JSON (a row written by hand) is NULL, never an error
-- that would stop everybody's writes.
CREATE FUNCTION fahrplan_try_jsonb(t TEXT) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
    AS $f$ BEGIN RETURN t::jsonb; EXCEPTION WHEN others THEN RETURN NULL; END $f$;
CREATE OR REPLACE FUNCTION fahrplan_recorded(f TEXT, rid BIGINT) RETURNS BOOLEAN LANGUAGE sql
    VOLATILE SET search_path = "__SCHEMA__", pg_temp
    AS $f$ SELECT EXISTS (SELECT 1 FROM history h
        WHERE h.xmin = pg_current_xact_id()::xid
          AND h.who = session_user
          AND (f IS NULL OR h.field = f)
          AND (rid IS NULL
               OR (CASE WHEN h.field = f AND h.data IS NOT NULL
                        THEN fahrplan_try_jsonb(h.data) ->> 'id' END) = rid::text)) $f$;
-- Whether the session's login recorded verdict r: it added it (not from a file) in any batch,
-- unless that addition only repeats one of the same verdict (day, result, evaluator) that
-- someone else made before (a redo by the confirmer, an undo bringing it back).
CREATE FUNCTION fahrplan_recorded_verdict(r BIGINT) RETURNS BOOLEAN LANGUAGE sql STABLE
    SET search_path = "__SCHEMA__", pg_temp
    AS $f$ SELECT EXISTS (SELECT 1 FROM history h, fahrplan_try_jsonb(h.data) d
        WHERE h.field = 'reevaluation' AND h.imported = 0 AND h.new IS NOT NULL
          AND h.who = session_user AND d ->> 'id' = r::text
          AND NOT EXISTS (SELECT 1 FROM history e, fahrplan_try_jsonb(e.data) f
              WHERE e.field = 'reevaluation' AND e.imported = 0 AND e.new IS NOT NULL
                AND e.who <> session_user AND e.seq < h.seq AND f ->> 'id' = r::text
                AND f ->> 'date' = d ->> 'date' AND f ->> 'verdict' = d ->> 'verdict'
                AND f ->> 'by' = d ->> 'by')) $f$;
-- Editors write history only into a batch their own transaction opened, under ids the server
-- gives (a row planted into an old batch, or under an id far ahead, would change what an undo
-- reverts or whom a verdict seems recorded by), at about the time it is written (the client's
-- local time within 38 hours of the server's clock in UTC: a day, and every time zone, whatever
-- the session sets; never back before a council meeting to hide it from "changes since");
-- `who` is the session's login.
CREATE OR REPLACE FUNCTION fahrplan_history_chain() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = "__SCHEMA__", pg_temp
    AS $f$
DECLARE last_seq BIGINT; last_hash TEXT;
BEGIN
    IF NOT pg_has_role(session_user, '__ADMIN__', 'MEMBER') THEN
        IF NEW.imported <> 0 THEN
            RAISE EXCEPTION 'only the administrator of this roadmap brings history from a file'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM batch
                       WHERE id = NEW.batch AND xmin = pg_current_xact_id()::xid) THEN
            RAISE EXCEPTION 'a change is recorded in the history' USING ERRCODE = '42501';
        END IF;
        IF NEW.at IS NULL
           OR NEW.at !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$'
           OR abs(extract(epoch FROM (NEW.at::timestamp - (now() AT TIME ZONE 'UTC')))) > 136800
        THEN
            RAISE EXCEPTION 'a change is recorded at the time it is made' USING ERRCODE = '42501';
        END IF;
        NEW.id := nextval(pg_get_serial_sequence('history', 'id'));
    END IF;
    IF NEW.imported = 0 THEN
        NEW.who := session_user;
    END IF;
    SELECT seq, hash INTO last_seq, last_hash FROM history
        WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    -- fahrplan_row_hash's encoding written out here (each column as LENGTH:VALUE, '-' for
    -- none): a call per column costs a fresh setup in every transaction, a third of a write.
    NEW.hash := encode(sha256(convert_to(coalesce(last_hash, '') || '|'
        || coalesce(octet_length(convert_to(NEW.seq::text, 'UTF8')) || ':' || NEW.seq::text, '-')
        || coalesce(octet_length(convert_to(NEW.id::text, 'UTF8')) || ':' || NEW.id::text, '-')
        || coalesce(octet_length(convert_to(NEW.batch::text, 'UTF8')) || ':' || NEW.batch::text, '-')
        || coalesce(octet_length(convert_to(NEW.at, 'UTF8')) || ':' || NEW.at, '-')
        || coalesce(octet_length(convert_to(NEW.who, 'UTF8')) || ':' || NEW.who, '-')
        || coalesce(octet_length(convert_to(NEW.code, 'UTF8')) || ':' || NEW.code, '-')
        || coalesce(octet_length(convert_to(NEW.field, 'UTF8')) || ':' || NEW.field, '-')
        || coalesce(octet_length(convert_to(NEW.old, 'UTF8')) || ':' || NEW.old, '-')
        || coalesce(octet_length(convert_to(NEW.new, 'UTF8')) || ':' || NEW.new, '-')
        || coalesce(octet_length(convert_to(NEW.comment, 'UTF8')) || ':' || NEW.comment, '-')
        || coalesce(octet_length(convert_to(NEW.data, 'UTF8')) || ':' || NEW.data, '-')
        || coalesce(octet_length(convert_to(NEW.imported::text, 'UTF8')) || ':' || NEW.imported::text, '-'), 'UTF8')), 'hex');
    RETURN NEW;
END $f$;
CREATE FUNCTION fahrplan_batch_id() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = "__SCHEMA__", pg_temp
    AS $f$
BEGIN
    IF NOT pg_has_role(session_user, '__ADMIN__', 'MEMBER') THEN
        IF NEW.kind = 'seed' THEN
            RAISE EXCEPTION 'a change is recorded in the history' USING ERRCODE = '42501';
        END IF;
        NEW.id := nextval(pg_get_serial_sequence('batch', 'id'));
    END IF;
    RETURN NEW;
END $f$;
CREATE TRIGGER batch_id BEFORE INSERT ON batch
    FOR EACH ROW EXECUTE FUNCTION fahrplan_batch_id();
-- A confirmation as in version 5, with the recorder as fahrplan_recorded_verdict says; an undo or redo
-- gives a confirmation back only to whoever really gave it before (a history written by
-- another cannot make someone's undo confirm in his name).
CREATE OR REPLACE FUNCTION fahrplan_set_confirmation(r BIGINT, on_day TEXT, by_login TEXT)
    RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER SET search_path = "__SCHEMA__", pg_temp
    AS $f$
DECLARE n BIGINT;
BEGIN
    IF NOT fahrplan_may_edit() THEN RAISE EXCEPTION 'not an editor' USING ERRCODE = '42501'; END IF;
    IF NOT fahrplan_recorded('reevaluation-confirmed', r) THEN
        RAISE EXCEPTION 'a confirmation is given by a recorded change' USING ERRCODE = '42501';
    END IF;
    IF on_day IS NULL THEN
        UPDATE reevaluation SET confirmed_by = NULL, confirmed_at = NULL, confirmation_imported = 0
            WHERE id = r AND (confirmed_by = session_user
                              OR pg_has_role(session_user, '__ADMIN__', 'MEMBER'));
    ELSIF by_login IS DISTINCT FROM session_user OR on_day !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
        n := 0;
        RETURN n;
    ELSIF EXISTS (SELECT 1 FROM batch WHERE xmin = pg_current_xact_id()::xid
                  AND kind IN ('undo', 'redo'))
          AND NOT EXISTS (SELECT 1 FROM history h
              WHERE h.field = 'reevaluation-confirmed' AND h.imported = 0
                AND h.new = session_user AND h.who = session_user
                AND h.xmin <> pg_current_xact_id()::xid
                AND fahrplan_try_jsonb(h.data) ->> 'id' = r::text) THEN
        n := 0;
        RETURN n;
    ELSE
        UPDATE reevaluation SET confirmed_by = session_user, confirmed_at = on_day,
            confirmation_imported = 0
            WHERE id = r AND lower(btrim(by_whom)) <> lower(btrim(session_user))
              AND (confirmed_by IS NULL OR confirmation_imported = 1)
              AND to_date(on_day, 'YYYY-MM-DD') >= to_date(reevaluation.date, 'YYYY-MM-DD')
              AND NOT fahrplan_recorded_verdict(r);
    END IF;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $f$;
-- A purge makes final only the batches that added or removed the evidence it erased (or,
-- for its file, any evidence of that file), and itself.
CREATE OR REPLACE FUNCTION fahrplan_final_batch(b BIGINT) RETURNS BIGINT LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = "__SCHEMA__", pg_temp
    AS $f$
DECLARE n BIGINT;
BEGIN
    IF NOT fahrplan_may_edit() THEN RAISE EXCEPTION 'not an editor' USING ERRCODE = '42501'; END IF;
    IF NOT EXISTS (SELECT 1 FROM history p JOIN history h ON h.batch = b
        WHERE p.xmin = pg_current_xact_id()::xid AND p.who = session_user
          AND p.field = 'evidence-purged' AND h.field IN ('evidence', 'evidence-purged')
          AND (fahrplan_try_jsonb(h.data) ->> 'id' = fahrplan_try_jsonb(p.data) ->> 'id'
               OR fahrplan_try_jsonb(h.data) ->> 'sha256'
                  = fahrplan_try_jsonb(p.data) ->> 'sha256')) THEN
        RAISE EXCEPTION 'only an erasure makes changes final' USING ERRCODE = '42501';
    END IF;
    UPDATE batch SET undone = 1 WHERE id = b;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $f$;
CREATE OR REPLACE FUNCTION fahrplan_purge_file(sha TEXT) RETURNS BIGINT LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = "__SCHEMA__", pg_temp
    AS $f$
DECLARE n BIGINT;
BEGIN
    IF NOT fahrplan_may_edit() THEN RAISE EXCEPTION 'not an editor' USING ERRCODE = '42501'; END IF;
    IF NOT EXISTS (SELECT 1 FROM history h
        WHERE h.xmin = pg_current_xact_id()::xid
          AND h.who = session_user AND h.field = 'evidence-purged'
          AND (CASE WHEN h.field = 'evidence-purged' AND h.data IS NOT NULL
                    THEN fahrplan_try_jsonb(h.data) ->> 'sha256' END) = sha) THEN
        RAISE EXCEPTION 'a file is erased by a recorded purge' USING ERRCODE = '42501';
    END IF;
    DELETE FROM evidence_file WHERE sha256 = sha
        AND NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = sha);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $f$;
CREATE OR REPLACE FUNCTION fahrplan_insert_recorded() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = "__SCHEMA__", pg_temp
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
    IF TG_TABLE_NAME = 'reevaluation' THEN
        ok := EXISTS (SELECT 1 FROM history h, fahrplan_try_jsonb(h.data) d
            WHERE h.xmin = pg_current_xact_id()::xid AND h.who = session_user
              AND h.field = f AND h.new IS NOT NULL
              AND d ->> 'id' = NEW.id::text AND d ->> 'verdict' = NEW.verdict
              AND d ->> 'date' = NEW.date AND d ->> 'by' = NEW.by_whom);
    ELSE
        ok := EXISTS (SELECT 1 FROM history h, fahrplan_try_jsonb(h.data) d
            WHERE h.xmin = pg_current_xact_id()::xid AND h.who = session_user
              AND h.field = f AND h.new IS NOT NULL
              AND d ->> 'id' = NEW.id::text AND d ->> 'name' = NEW.name
              AND (d ->> 'sha256') IS NOT DISTINCT FROM NEW.sha256);
    END IF;
    IF NOT ok THEN
        RAISE EXCEPTION 'a change is recorded in the history' USING ERRCODE = '42501';
    END IF;
    RETURN NULL;
END $f$;

-- Coulisse central store, schema version 2: the push side of sync (sync.md) and pruning of
-- the change log. Run like 0001 (one transaction, as the installer).

SET LOCAL ROLE coulisse_owner;

-- Which approval-policy kind a change belongs to.
CREATE FUNCTION coulisse.policy_kind(p_kind text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE p_kind
        WHEN 'video_tags' THEN 'video_tags'
        WHEN 'game_tags' THEN 'game_tags'
        WHEN 'tag_create' THEN 'tags'
        WHEN 'tag_update' THEN 'tags'
        WHEN 'game_create' THEN 'games'
        WHEN 'game_update' THEN 'games'
    END
$$;

-- Applies the operations of one local transaction of a client, in order, all or nothing.
--   p_ops: [{"op_id": uuid, "kind": text, "payload": {...}, "base_row_version": n?}, ...]
-- Each operation is recorded in applied_ops under (client, op id): sending it again returns
-- the stored result and changes nothing (a concurrent resend waits for the first and then
-- gets its result). An editor's operations become pending change requests (id = op id); a
-- supervisor's apply directly unless the approval policy asks for a second supervisor.
-- Returns {"txid": the transaction id (the write checkpoint), "results": [...]}; each result
-- is {"op_id", "status": applied | pending | conflict, ...}.
CREATE FUNCTION coulisse.apply_ops(p_client uuid, p_ops jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_role    text := coulisse.session_role();
    v_op      jsonb;
    v_op_id   uuid;
    v_kind    text;
    v_stored  coulisse.applied_ops%ROWTYPE;
    v_result  jsonb;
    v_results jsonb := '[]';
    v_game    bigint;
    v_request coulisse.change_requests%ROWTYPE;
BEGIN
    IF v_role IS NULL OR v_role NOT IN ('editor', 'supervisor') THEN
        RAISE EXCEPTION 'only editors and supervisors change the catalogue'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_client IS NULL OR jsonb_typeof(p_ops) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'apply_ops takes a client id and an array of operations'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR v_op IN SELECT value FROM jsonb_array_elements(p_ops)
    LOOP
        v_op_id := (v_op ->> 'op_id')::uuid;
        v_kind := v_op ->> 'kind';
        IF v_op_id IS NULL OR coulisse.policy_kind(v_kind) IS NULL
           OR jsonb_typeof(v_op -> 'payload') IS DISTINCT FROM 'object' THEN
            RAISE EXCEPTION 'malformed operation: %', v_op USING ERRCODE = 'invalid_parameter_value';
        END IF;
        INSERT INTO coulisse.applied_ops (client_id, op_id, result)
        VALUES (p_client, v_op_id, '{"status": "applying"}')
        ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
            -- Sent before (perhaps by a connection that died after committing).
            SELECT * INTO v_stored FROM coulisse.applied_ops
            WHERE client_id = p_client AND op_id = v_op_id;
            IF v_stored.applied_by <> session_user THEN
                RAISE EXCEPTION 'operation % belongs to another user', v_op_id
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            v_results := v_results || jsonb_build_array(
                v_stored.result || jsonb_build_object('op_id', v_op_id, 'resent', true));
            CONTINUE;
        END IF;
        IF v_role = 'supervisor' AND coulisse.session_may_write(coulisse.policy_kind(v_kind)) THEN
            v_result := coulisse.apply_change(v_kind, v_op -> 'payload',
                                              (v_op ->> 'base_row_version')::bigint);
        ELSE
            -- A change request; its scope is derived from the payload by the table's trigger.
            INSERT INTO coulisse.change_requests (id, kind, payload, base_row_version, note)
            VALUES (v_op_id, v_kind, v_op -> 'payload', (v_op ->> 'base_row_version')::bigint,
                    coalesce(v_op ->> 'note', ''))
            RETURNING * INTO v_request;
            -- The definer bypasses row-level security: check the editor's scope here.
            IF v_role = 'editor' AND v_request.game_id IS NOT NULL
               AND v_request.game_id NOT IN (SELECT coulisse.session_games()) THEN
                RAISE EXCEPTION 'game % is not in your scope', v_request.game_id
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            v_result := jsonb_build_object('status', 'pending', 'request_id', v_request.id);
        END IF;
        UPDATE coulisse.applied_ops SET result = v_result
        WHERE client_id = p_client AND op_id = v_op_id;
        v_results := v_results || jsonb_build_array(v_result || jsonb_build_object('op_id', v_op_id));
    END LOOP;
    RETURN jsonb_build_object('txid', pg_current_xact_id()::text, 'results', v_results);
END
$$;

-- Drops change-log entries older than p_age and records the horizon: a client whose cursor
-- lies below it copies its scope again. Admins (or the installer) only.
CREATE FUNCTION coulisse.prune_change_log(p_age interval) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_max     xid8;
    v_deleted bigint;
BEGIN
    PERFORM coulisse.require_admin();
    IF p_age IS NULL OR p_age < interval '1 hour' THEN
        RAISE EXCEPTION 'keep at least an hour of the change log' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    WITH gone AS (
        DELETE FROM coulisse.change_log WHERE logged_at < now() - p_age RETURNING txid)
    SELECT max(txid), count(*) INTO v_max, v_deleted FROM gone;
    IF v_deleted > 0 THEN
        -- Every cursor at or below the newest pruned transaction may have missed entries.
        UPDATE coulisse.sync_state
        SET log_horizon = greatest(log_horizon, (v_max::text::numeric + 1)::text::xid8);
    END IF;
    RETURN v_deleted;
END
$$;

REVOKE ALL ON FUNCTION coulisse.policy_kind(text), coulisse.apply_ops(uuid, jsonb),
    coulisse.prune_change_log(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION coulisse.apply_ops(uuid, jsonb) TO coulisse_editor, coulisse_supervisor;
GRANT EXECUTE ON FUNCTION coulisse.prune_change_log(interval) TO coulisse_admin;

RESET ROLE;

-- Coulisse central store, schema version 6: review and approval. Run like 0001 (one
-- transaction, as the installer).
--   * The approval policy per role: which kinds of change an editor's and a supervisor's
--     edits need a (second) supervisor for. Defaults: everything an editor does is reviewed;
--     a supervisor applies directly except game changes (as before).
--   * Change requests sync to the caches like the catalogue (a bigint seq keys them in the
--     change log): supervisors and admins receive every request, editors their own, product
--     managers none. The review queue works from the cache, offline too.
--   * A decision made in a cache is an operation like any other (kind "review": request_id,
--     approve, comment), pushed through apply_ops.
--   * A rejection needs a comment.

SET LOCAL ROLE coulisse_owner;

-- Approval policy per role.
ALTER TABLE coulisse.approval_policy ADD COLUMN role text NOT NULL DEFAULT 'supervisor'
    CHECK (role IN ('editor', 'supervisor'));
ALTER TABLE coulisse.approval_policy DROP CONSTRAINT approval_policy_pkey;
ALTER TABLE coulisse.approval_policy ADD PRIMARY KEY (role, kind);
ALTER TABLE coulisse.approval_policy ALTER COLUMN role DROP DEFAULT;
INSERT INTO coulisse.approval_policy (role, kind, requires_review)
SELECT 'editor', kind, true FROM coulisse.approval_policy WHERE role = 'supervisor';
DROP TRIGGER approval_policy_audit_insert ON coulisse.approval_policy;
DROP TRIGGER approval_policy_audit_update ON coulisse.approval_policy;
DROP TRIGGER approval_policy_audit_delete ON coulisse.approval_policy;
CREATE TRIGGER approval_policy_audit_insert AFTER INSERT ON coulisse.approval_policy
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.audit_rows('role,kind');
CREATE TRIGGER approval_policy_audit_update AFTER UPDATE ON coulisse.approval_policy
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.audit_rows('role,kind');
CREATE TRIGGER approval_policy_audit_delete AFTER DELETE ON coulisse.approval_policy
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.audit_rows('role,kind');

CREATE OR REPLACE FUNCTION coulisse.session_may_write(p_kind text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT coalesce((SELECT NOT p.requires_review
                     FROM coulisse.staff s
                     JOIN coulisse.approval_policy p ON p.role = s.role AND p.kind = p_kind
                     WHERE s.name = session_user AND s.active), false)
$$;

CREATE FUNCTION coulisse.set_approval_policy(p_role text, p_kind text, p_requires_review boolean)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM coulisse.require_admin();
    UPDATE coulisse.approval_policy
    SET requires_review = p_requires_review, updated_at = now(), updated_by = session_user
    WHERE role = p_role AND kind = p_kind;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no approval rule for role "%" and kind "%"', p_role, p_kind
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION coulisse.set_approval_policy(p_kind text, p_requires_review boolean)
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT coulisse.set_approval_policy('supervisor', p_kind, p_requires_review)
$$;

-- The game a change is about (its scope), from its kind and payload.
CREATE FUNCTION coulisse.change_game(p_kind text, p_payload jsonb) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE p_kind
        WHEN 'video_tags' THEN coulisse.video_game((p_payload ->> 'video_id')::bigint)
        WHEN 'game_tags' THEN (p_payload ->> 'game_id')::bigint
        WHEN 'game_update' THEN (p_payload ->> 'game_id')::bigint
        WHEN 'tag_create' THEN coulisse.group_game((p_payload ->> 'group_id')::bigint)
        WHEN 'tag_update' THEN (SELECT coulisse.group_game(t.group_id) FROM coulisse.tags t
                                WHERE t.id = (p_payload ->> 'tag_id')::bigint)
        WHEN 'tag_merge' THEN (SELECT coulisse.group_game(t.group_id) FROM coulisse.tags t
                               WHERE t.id = (p_payload ->> 'tag_id')::bigint)
    END
$$;

-- Change requests in the change log.
ALTER TABLE coulisse.change_requests ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE coulisse.change_requests ADD CONSTRAINT change_requests_seq UNIQUE (seq);
CREATE TRIGGER change_requests_log_insert AFTER INSERT ON coulisse.change_requests
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.log_changes('seq', '', '%1$s.game_id', 'true');
CREATE TRIGGER change_requests_log_update AFTER UPDATE ON coulisse.change_requests
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.log_changes('seq', '', '%1$s.game_id', 'true');
CREATE TRIGGER change_requests_log_delete AFTER DELETE ON coulisse.change_requests
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.log_changes('seq', '', '%1$s.game_id', 'true');
-- Product managers copy the table like everyone (row-level security gives them no rows).
GRANT SELECT ON coulisse.change_requests TO coulisse_pm;

CREATE OR REPLACE FUNCTION coulisse.pull_changes(p_after_txid xid8, p_after_seq bigint,
                                      p_limit integer DEFAULT 5000)
RETURNS TABLE (txid xid8, seq bigint, tbl text, op "char", pk1 bigint, pk2 bigint,
               row_version bigint, data jsonb)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
ROWS 5000 AS $$
DECLARE
    v_role    text := coulisse.session_role();
    v_all     boolean;
    v_games   bigint[];
    v_xmin    xid8 := pg_snapshot_xmin(pg_current_snapshot());
    v_horizon xid8;
    v_count   integer := 0;
    v_last    record;
BEGIN
    IF v_role IS NULL THEN
        RAISE EXCEPTION 'not a member of the staff of this store'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT s.log_horizon INTO v_horizon FROM coulisse.sync_state s;
    IF p_after_txid < v_horizon THEN
        RAISE EXCEPTION 'the cursor is older than the pruned change log: copy the scope again'
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    v_all := v_role <> 'editor';
    v_games := ARRAY(SELECT coulisse.session_games());
    p_limit := greatest(1, least(coalesce(p_limit, 5000), 100000));
    FOR v_last IN
        WITH page AS (
            SELECT l.txid, l.seq, l.tbl, l.op, l.pk1, l.pk2, l.row_version
            FROM coulisse.change_log l
            WHERE (l.txid, l.seq) > (p_after_txid, p_after_seq) AND l.txid < v_xmin
              AND (v_all OR l.scope_id IS NULL OR l.scope_id = ANY (v_games))
            ORDER BY l.txid, l.seq
            LIMIT p_limit)
        SELECT p.txid, p.seq, p.tbl, p.op, p.pk1, p.pk2, p.row_version, live.data, live.scope
        FROM page p
        LEFT JOIN LATERAL (
            SELECT CASE p.tbl
                WHEN 'videos' THEN (SELECT to_jsonb(x) FROM coulisse.videos x WHERE x.id = p.pk1)
                WHEN 'video_tags' THEN (SELECT to_jsonb(x) FROM coulisse.video_tags x
                                        WHERE x.video_id = p.pk1 AND x.tag_id = p.pk2)
                WHEN 'users' THEN (SELECT to_jsonb(x) FROM coulisse.users x WHERE x.id = p.pk1)
                WHEN 'games' THEN (SELECT to_jsonb(x) FROM coulisse.games x WHERE x.id = p.pk1)
                WHEN 'tags' THEN (SELECT to_jsonb(x) FROM coulisse.tags x WHERE x.id = p.pk1)
                WHEN 'tag_groups' THEN (SELECT to_jsonb(x) FROM coulisse.tag_groups x
                                        WHERE x.id = p.pk1)
                WHEN 'game_tags' THEN (SELECT to_jsonb(x) FROM coulisse.game_tags x
                                       WHERE x.game_id = p.pk1 AND x.tag_id = p.pk2)
                -- Supervisors and admins see every request, editors their own.
                WHEN 'change_requests' THEN (
                    SELECT to_jsonb(x) FROM coulisse.change_requests x
                    WHERE x.seq = p.pk1
                      AND (v_role IN ('supervisor', 'admin') OR x.requested_by = session_user))
            END AS data,
            CASE WHEN v_all THEN NULL
                 ELSE CASE p.tbl
                     WHEN 'videos' THEN coulisse.video_game(p.pk1)
                     WHEN 'video_tags' THEN coulisse.video_game(p.pk1)
                     WHEN 'games' THEN p.pk1
                     WHEN 'game_tags' THEN p.pk1
                     WHEN 'tag_groups' THEN (SELECT x.game_id FROM coulisse.tag_groups x
                                             WHERE x.id = p.pk1)
                     WHEN 'tags' THEN (SELECT coulisse.group_game(x.group_id)
                                       FROM coulisse.tags x WHERE x.id = p.pk1)
                     WHEN 'change_requests' THEN (SELECT x.game_id FROM coulisse.change_requests x
                                                  WHERE x.seq = p.pk1)
                 END
            END AS scope) live ON true
        ORDER BY p.txid, p.seq
    LOOP
        txid := v_last.txid;
        seq := v_last.seq;
        tbl := v_last.tbl;
        pk1 := v_last.pk1;
        pk2 := v_last.pk2;
        -- Gone, or no longer in the caller's scope: a tombstone for this caller.
        IF v_last.data IS NULL OR NOT (v_all OR v_last.scope IS NULL
                                       OR v_last.scope = ANY (v_games)) THEN
            op := 'D';
            row_version := v_last.row_version;
            data := NULL;
        ELSE
            op := v_last.op;
            row_version := coalesce((v_last.data ->> 'row_version')::bigint, v_last.row_version);
            data := v_last.data;
        END IF;
        v_count := v_count + 1;
        RETURN NEXT;
    END LOOP;
    op := 'W';
    tbl := NULL;
    pk1 := 0;
    pk2 := NULL;
    row_version := NULL;
    data := jsonb_build_object('watermark', v_xmin::text);
    IF v_count < p_limit THEN
        txid := v_xmin;
        seq := 0;
    END IF;
    RETURN NEXT;
END
$$;

-- A supervisor approves or rejects someone else's pending change request; a rejection says
-- why. Approving applies it (a conflict leaves the catalogue as it was and says so).
CREATE OR REPLACE FUNCTION coulisse.review_change(p_id uuid, p_approve boolean,
                                                  p_comment text DEFAULT '')
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_request coulisse.change_requests%ROWTYPE;
    v_result  jsonb;
    v_status  text;
BEGIN
    IF coulisse.session_role() IS DISTINCT FROM 'supervisor' THEN
        RAISE EXCEPTION 'only a supervisor reviews change requests'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_approve IS NULL THEN
        RAISE EXCEPTION 'a review approves or rejects' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT p_approve AND btrim(coalesce(p_comment, '')) = '' THEN
        RAISE EXCEPTION 'a rejection needs a comment' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO v_request FROM coulisse.change_requests WHERE id = p_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'change request % does not exist', p_id USING ERRCODE = 'no_data_found';
    END IF;
    IF v_request.requested_by = session_user THEN
        RAISE EXCEPTION 'a change request is reviewed by someone other than its author'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v_request.status <> 'pending' THEN
        RAISE EXCEPTION 'change request % is already % (by %)', p_id, v_request.status,
            v_request.reviewed_by USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF p_approve THEN
        v_result := coulisse.apply_change(v_request.kind, v_request.payload,
                                          v_request.base_row_version);
        v_status := CASE v_result ->> 'status' WHEN 'conflict' THEN 'conflict' ELSE 'approved' END;
    ELSE
        v_status := 'rejected';
    END IF;
    UPDATE coulisse.change_requests
    SET status = v_status, reviewed_by = session_user, reviewed_at = now(),
        review_comment = coalesce(p_comment, ''), result = v_result
    WHERE id = p_id;
    RETURN v_status;
END
$$;

CREATE OR REPLACE FUNCTION coulisse.apply_ops(p_client uuid, p_ops jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_role    text := coulisse.session_role();
    v_op      jsonb;
    v_op_id   uuid;
    v_kind    text;
    v_stored  coulisse.applied_ops%ROWTYPE;
    v_result  jsonb;
    v_results jsonb[] := '{}';
    v_game    bigint;
    v_request coulisse.change_requests%ROWTYPE;
    v_round   bigint;
    v_count   bigint;
    v_batch   coulisse.tag_op[];
    v_added   jsonb := '{}';
    v_removed jsonb := '{}';
BEGIN
    IF v_role IS NULL OR v_role NOT IN ('editor', 'supervisor') THEN
        RAISE EXCEPTION 'only editors and supervisors change the catalogue'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_client IS NULL OR jsonb_typeof(p_ops) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'apply_ops takes a client id and an array of operations'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- Fast path: a supervisor's tag operations on videos, none of them sent before, applied
    -- directly. The operations run set-based in rounds (round k holds each video's k-th
    -- operation, so the operations on one video keep their order, and operations on different
    -- videos do not interact): each statement, with its audit and change-log triggers, runs once
    -- per round instead of once per operation. The outcome is the loop's below.
    IF jsonb_array_length(p_ops) > 1 AND v_role = 'supervisor'
       AND coulisse.session_may_write('video_tags')
       AND (SELECT bool_and(o ->> 'kind' = 'video_tags'
                            AND jsonb_typeof(o -> 'payload') = 'object'
                            AND (o ->> 'op_id') IS NOT NULL
                            AND (o -> 'payload' ->> 'video_id') IS NOT NULL
                            AND jsonb_typeof(coalesce(o -> 'payload' -> 'add', '[]')) = 'array'
                            AND jsonb_typeof(coalesce(o -> 'payload' -> 'remove', '[]')) = 'array')
                   AND count(DISTINCT o ->> 'op_id') = count(*)
            FROM jsonb_array_elements(p_ops) o)
       AND NOT EXISTS (SELECT FROM coulisse.applied_ops a
                       WHERE a.client_id = p_client
                         AND a.op_id IN (SELECT (o ->> 'op_id')::uuid
                                         FROM jsonb_array_elements(p_ops) o)) THEN
        v_batch := ARRAY(
            SELECT ROW(x.n, (x.o ->> 'op_id')::uuid, (x.o -> 'payload' ->> 'video_id')::bigint,
                       row_number() OVER (PARTITION BY (x.o -> 'payload' ->> 'video_id')::bigint
                                          ORDER BY x.n),
                       ARRAY(SELECT a::bigint FROM jsonb_array_elements_text(
                                 coalesce(x.o -> 'payload' -> 'add', '[]')) a),
                       ARRAY(SELECT r::bigint FROM jsonb_array_elements_text(
                                 coalesce(x.o -> 'payload' -> 'remove', '[]')) r)
                   )::coulisse.tag_op
            FROM jsonb_array_elements(p_ops) WITH ORDINALITY AS x (o, n)
            ORDER BY x.n);
        FOR v_round IN SELECT DISTINCT b.round FROM unnest(v_batch) b ORDER BY 1
        LOOP
            WITH ins AS (
                INSERT INTO coulisse.video_tags (video_id, tag_id)
                SELECT b.video_id, a FROM unnest(v_batch) b, unnest(b.add_ids) a
                WHERE b.round = v_round
                ORDER BY 1, 2
                ON CONFLICT DO NOTHING
                RETURNING video_id),
            counts AS (SELECT video_id, count(*) AS c FROM ins GROUP BY video_id)
            SELECT v_added || coalesce(jsonb_object_agg(b.n::text, counts.c), '{}')
            INTO v_added
            FROM counts JOIN unnest(v_batch) b ON b.video_id = counts.video_id
                                               AND b.round = v_round;
            IF EXISTS (SELECT FROM unnest(v_batch) b
                       WHERE b.round = v_round AND cardinality(b.remove_ids) > 0) THEN
                WITH del AS (
                    DELETE FROM coulisse.video_tags t USING unnest(v_batch) b
                    WHERE b.round = v_round AND t.video_id = b.video_id
                      AND t.tag_id = ANY (b.remove_ids)
                    RETURNING t.video_id),
                counts AS (SELECT video_id, count(*) AS c FROM del GROUP BY video_id)
                SELECT v_removed || coalesce(jsonb_object_agg(b.n::text, counts.c), '{}')
                INTO v_removed
                FROM counts JOIN unnest(v_batch) b ON b.video_id = counts.video_id
                                                   AND b.round = v_round;
            END IF;
        END LOOP;
        SELECT jsonb_agg(jsonb_build_object(
                   'status', 'applied', 'added', coalesce((v_added ->> b.n::text)::bigint, 0),
                   'removed', coalesce((v_removed ->> b.n::text)::bigint, 0), 'op_id', b.op_id)
                   ORDER BY b.n)
        INTO v_result FROM unnest(v_batch) b;
        INSERT INTO coulisse.applied_ops (client_id, op_id, result)
        SELECT p_client, (r ->> 'op_id')::uuid, r - 'op_id' FROM jsonb_array_elements(v_result) r
        ON CONFLICT DO NOTHING;
        GET DIAGNOSTICS v_count = ROW_COUNT;
        IF v_count <> jsonb_array_length(p_ops) THEN
            -- Another connection sent the same operations meanwhile: this attempt is undone,
            -- and sending again returns what that one stored.
            RAISE EXCEPTION 'these operations were being applied by another connection'
                USING ERRCODE = 'serialization_failure';
        END IF;
        RETURN jsonb_build_object('txid', pg_current_xact_id()::text, 'results', v_result);
    END IF;

    FOR v_op IN SELECT value FROM jsonb_array_elements(p_ops)
    LOOP
        v_op_id := (v_op ->> 'op_id')::uuid;
        v_kind := v_op ->> 'kind';
        IF v_op_id IS NULL OR (coulisse.policy_kind(v_kind) IS NULL AND v_kind <> 'review')
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
            v_results := array_append(v_results,
                v_stored.result || jsonb_build_object('op_id', v_op_id, 'resent', true));
            CONTINUE;
        END IF;
        IF v_kind = 'review' THEN
            -- A supervisor's decision on a change request, made in their cache. Refusals
            -- (their own request, decided by someone else first, no comment on a rejection)
            -- raise as such: the client isolates the decision and lists it with the reason.
            BEGIN
                v_result := jsonb_build_object(
                    'status', 'applied',
                    'request_id', v_op -> 'payload' ->> 'request_id',
                    'decision', coulisse.review_change(
                        (v_op -> 'payload' ->> 'request_id')::uuid,
                        (v_op -> 'payload' ->> 'approve')::boolean,
                        coalesce(v_op -> 'payload' ->> 'comment', '')));
            EXCEPTION WHEN object_not_in_prerequisite_state OR no_data_found THEN
                RAISE EXCEPTION '%', SQLERRM USING ERRCODE = 'raise_exception';
            END;
        ELSIF coulisse.session_may_write(coulisse.policy_kind(v_kind)) THEN
            -- The definer bypasses row-level security: an editor the policy lets write
            -- directly still writes only in their games.
            IF v_role = 'editor' THEN
                v_game := coulisse.change_game(v_kind, v_op -> 'payload');
                IF v_game IS NOT NULL AND v_game NOT IN (SELECT coulisse.session_games()) THEN
                    RAISE EXCEPTION 'game % is not in your scope', v_game
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
            END IF;
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
        v_results := array_append(v_results, v_result || jsonb_build_object('op_id', v_op_id));
    END LOOP;
    RETURN jsonb_build_object('txid', pg_current_xact_id()::text, 'results', to_jsonb(v_results));
END
$$;

REVOKE ALL ON FUNCTION coulisse.set_approval_policy(text, text, boolean),
    coulisse.change_game(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION coulisse.set_approval_policy(text, text, boolean) TO coulisse_admin;

RESET ROLE;

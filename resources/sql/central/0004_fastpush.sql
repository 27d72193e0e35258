-- Coulisse central store, schema version 4: a faster push. Run like 0001 (one transaction, as
-- the installer). Nothing changes in what the functions do, only in what they cost:
--   * the audit and change-log triggers (statement level) return at once when the statement
--     touched no row, instead of building and running dynamic SQL for nothing;
--   * apply_change runs the INSERT or DELETE of a tag operation only when the operation adds
--     or removes something (an empty statement still fires its statement triggers);
--   * apply_ops applies a supervisor's tag operations on videos set-based (see there), and
--     collects its results in an array instead of re-copying a growing jsonb array for every
--     operation (quadratic in the size of a batch).

SET LOCAL ROLE coulisse_owner;

-- One operation of a set-based batch in apply_ops.
CREATE TYPE coulisse.tag_op AS (n bigint, op_id uuid, video_id bigint, round bigint,
                                add_ids bigint[], remove_ids bigint[]);

CREATE OR REPLACE FUNCTION coulisse.audit_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_keys text[] := string_to_array(TG_ARGV[0], ',');
    v_key  text;
    v_join text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT FROM old_rows) THEN
            RETURN NULL;
        END IF;
    ELSIF NOT EXISTS (SELECT FROM new_rows) THEN
        RETURN NULL;
    END IF;
    SELECT string_agg(format('%L, r.%I', k, k), ', '),
           string_agg(format('o.%1$I = r.%1$I', k), ' AND ')
    INTO v_key, v_join FROM unnest(v_keys) AS k;
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('INSERT INTO coulisse.audit_log (tbl, op, key, after) '
                       'SELECT %L, %L, jsonb_build_object(%s), to_jsonb(r) FROM new_rows r',
                       TG_TABLE_NAME, TG_OP, v_key);
    ELSIF TG_OP = 'UPDATE' THEN
        EXECUTE format('INSERT INTO coulisse.audit_log (tbl, op, key, before, after) '
                       'SELECT %L, %L, jsonb_build_object(%s), to_jsonb(o), to_jsonb(r) '
                       'FROM new_rows r JOIN old_rows o ON %s',
                       TG_TABLE_NAME, TG_OP, v_key, v_join);
    ELSE
        EXECUTE format('INSERT INTO coulisse.audit_log (tbl, op, key, before) '
                       'SELECT %L, %L, jsonb_build_object(%s), to_jsonb(r) FROM old_rows r',
                       TG_TABLE_NAME, TG_OP, v_key);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION coulisse.log_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_k1    text := TG_ARGV[0];
    v_k2    text := nullif(TG_ARGV[1], '');
    v_scope text := TG_ARGV[2];
    v_rv    boolean := TG_ARGV[3]::boolean;
    v_cols  text := 'INSERT INTO coulisse.change_log (tbl, op, pk1, pk2, row_version, scope_id) ';
    v_pk2   text;
    v_rvx   text;
    v_join  text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT FROM old_rows) THEN
            RETURN NULL;
        END IF;
    ELSIF NOT EXISTS (SELECT FROM new_rows) THEN
        RETURN NULL;
    END IF;
    v_pk2 := CASE WHEN v_k2 IS NULL THEN 'NULL::bigint' ELSE format('%%1$s.%I', v_k2) END;
    v_rvx := CASE WHEN v_rv THEN '%1$s.row_version' ELSE 'NULL::bigint' END;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE v_cols || format('SELECT %L, %L, r.%I, %s, %s, %s FROM new_rows r',
                                 TG_TABLE_NAME, left(TG_OP, 1), v_k1, format(v_pk2, 'r'),
                                 format(v_rvx, 'r'), format(v_scope, 'r'));
    END IF;
    IF TG_OP = 'UPDATE' THEN
        -- A row that moved to another scope is a delete for the old scope.
        v_join := format('o.%1$I = r.%1$I', v_k1)
                  || CASE WHEN v_k2 IS NULL THEN '' ELSE format(' AND o.%1$I = r.%1$I', v_k2) END;
        EXECUTE v_cols || format('SELECT %L, ''D'', o.%I, %s, %s, %s FROM old_rows o '
                                 'JOIN new_rows r ON %s WHERE (%s) IS DISTINCT FROM (%s)',
                                 TG_TABLE_NAME, v_k1, format(v_pk2, 'o'), format(v_rvx, 'o'),
                                 format(v_scope, 'o'), v_join, format(v_scope, 'o'),
                                 format(v_scope, 'r'));
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE v_cols || format('SELECT %L, ''D'', o.%I, %s, %s, %s FROM old_rows o',
                                 TG_TABLE_NAME, v_k1, format(v_pk2, 'o'), format(v_rvx, 'o'),
                                 format(v_scope, 'o'));
    END IF;
    PERFORM pg_notify('coulisse_changes', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION coulisse.apply_change(p_kind text, p_payload jsonb, p_base bigint)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_id      bigint;
    v_version bigint;
    v_current jsonb;
    v_added   bigint := 0;
    v_removed bigint := 0;
    v_fields  text[];
BEGIN
    IF p_kind IN ('video_tags', 'game_tags') THEN
        v_id := (p_payload ->> CASE p_kind WHEN 'video_tags' THEN 'video_id' ELSE 'game_id' END)::bigint;
        IF v_id IS NULL THEN
            RAISE EXCEPTION '% change without a target', p_kind USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF p_kind = 'video_tags' THEN
            IF jsonb_array_length(coalesce(p_payload -> 'add', '[]')) > 0 THEN
                INSERT INTO coulisse.video_tags (video_id, tag_id)
                SELECT v_id, a::bigint FROM jsonb_array_elements_text(p_payload -> 'add') a
                ON CONFLICT DO NOTHING;
                GET DIAGNOSTICS v_added = ROW_COUNT;
            END IF;
            IF jsonb_array_length(coalesce(p_payload -> 'remove', '[]')) > 0 THEN
                DELETE FROM coulisse.video_tags WHERE video_id = v_id AND tag_id IN (
                    SELECT r::bigint FROM jsonb_array_elements_text(p_payload -> 'remove') r);
                GET DIAGNOSTICS v_removed = ROW_COUNT;
            END IF;
        ELSE
            IF jsonb_array_length(coalesce(p_payload -> 'add', '[]')) > 0 THEN
                INSERT INTO coulisse.game_tags (game_id, tag_id)
                SELECT v_id, a::bigint FROM jsonb_array_elements_text(p_payload -> 'add') a
                ON CONFLICT DO NOTHING;
                GET DIAGNOSTICS v_added = ROW_COUNT;
            END IF;
            IF jsonb_array_length(coalesce(p_payload -> 'remove', '[]')) > 0 THEN
                DELETE FROM coulisse.game_tags WHERE game_id = v_id AND tag_id IN (
                    SELECT r::bigint FROM jsonb_array_elements_text(p_payload -> 'remove') r);
                GET DIAGNOSTICS v_removed = ROW_COUNT;
            END IF;
        END IF;
        RETURN jsonb_build_object('status', 'applied', 'added', v_added, 'removed', v_removed);
    ELSIF p_kind = 'tag_create' THEN
        IF (SELECT kind FROM coulisse.tag_groups WHERE id = (p_payload ->> 'group_id')::bigint)
           NOT IN ('dimension', 'general', 'category') THEN
            RAISE EXCEPTION 'tags belong to a dimension, the general library or a category'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        INSERT INTO coulisse.tags (group_id, name, name_en, aliases)
        VALUES ((p_payload ->> 'group_id')::bigint, p_payload ->> 'name',
                coalesce(p_payload ->> 'name_en', ''), coalesce(p_payload -> 'aliases', '[]'))
        RETURNING id INTO v_id;
        RETURN jsonb_build_object('status', 'applied', 'tag_id', v_id);
    ELSIF p_kind = 'game_create' THEN
        INSERT INTO coulisse.games (name, name_en, aliases, introduction, developer, released)
        VALUES (p_payload ->> 'name', coalesce(p_payload ->> 'name_en', ''),
                coalesce(p_payload -> 'aliases', '[]'), coalesce(p_payload ->> 'introduction', ''),
                coalesce(p_payload ->> 'developer', ''), (p_payload ->> 'released')::integer)
        RETURNING id INTO v_id;
        RETURN jsonb_build_object('status', 'applied', 'game_id', v_id);
    ELSIF p_kind IN ('tag_update', 'game_update') THEN
        v_id := (p_payload ->> CASE p_kind WHEN 'tag_update' THEN 'tag_id' ELSE 'game_id' END)::bigint;
        IF p_kind = 'tag_update' THEN
            SELECT t.row_version, to_jsonb(t) INTO v_version, v_current
            FROM coulisse.tags t WHERE t.id = v_id FOR UPDATE;
            v_fields := ARRAY['name', 'name_en', 'aliases', 'status'];
        ELSE
            SELECT g.row_version, to_jsonb(g) INTO v_version, v_current
            FROM coulisse.games g WHERE g.id = v_id FOR UPDATE;
            v_fields := ARRAY['name', 'name_en', 'aliases', 'introduction', 'developer',
                              'released', 'status'];
        END IF;
        IF NOT FOUND THEN
            RAISE EXCEPTION '% % does not exist', CASE p_kind WHEN 'tag_update' THEN 'tag' ELSE 'game' END, v_id
                USING ERRCODE = 'no_data_found';
        END IF;
        IF EXISTS (SELECT FROM jsonb_object_keys(p_payload) k
                   WHERE k NOT IN ('tag_id', 'game_id') AND k <> ALL (v_fields)) THEN
            RAISE EXCEPTION 'unknown field in %: %', p_kind, p_payload USING ERRCODE = 'invalid_parameter_value';
        END IF;
        -- A scalar edit made against an older version is a conflict, never an overwrite.
        IF p_base IS NOT NULL AND p_base <> v_version THEN
            RETURN jsonb_build_object('status', 'conflict', 'current', v_current);
        END IF;
        IF p_kind = 'tag_update' THEN
            UPDATE coulisse.tags SET
                name = coalesce(p_payload ->> 'name', name),
                name_en = coalesce(p_payload ->> 'name_en', name_en),
                aliases = coalesce(p_payload -> 'aliases', aliases),
                status = coalesce(p_payload ->> 'status', status)
            WHERE id = v_id RETURNING row_version INTO v_version;
        ELSE
            UPDATE coulisse.games SET
                name = coalesce(p_payload ->> 'name', name),
                name_en = coalesce(p_payload ->> 'name_en', name_en),
                aliases = coalesce(p_payload -> 'aliases', aliases),
                introduction = coalesce(p_payload ->> 'introduction', introduction),
                developer = coalesce(p_payload ->> 'developer', developer),
                released = CASE WHEN p_payload ? 'released'
                                THEN (p_payload ->> 'released')::integer ELSE released END,
                status = coalesce(p_payload ->> 'status', status)
            WHERE id = v_id RETURNING row_version INTO v_version;
        END IF;
        RETURN jsonb_build_object('status', 'applied', 'row_version', v_version);
    END IF;
    RAISE EXCEPTION 'unknown change kind %', p_kind USING ERRCODE = 'invalid_parameter_value';
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
            v_results := array_append(v_results,
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
        v_results := array_append(v_results, v_result || jsonb_build_object('op_id', v_op_id));
    END LOOP;
    RETURN jsonb_build_object('txid', pg_current_xact_id()::text, 'results', to_jsonb(v_results));
END
$$;

RESET ROLE;

-- Coulisse central store, schema version 5: merging one tag into another (tag_merge), and a
-- new game's game tags given with it (game_create's "tags"). Run like 0001 (one transaction, as
-- the installer).
--   {"tag_id": the tag merged away, "into": the tag that stays}
-- Every video and game carrying the first tag carries the second instead; the first tag's
-- names become aliases of the second; the first is retired (kept, so history still names it).
-- Through apply_ops like any change: a supervisor's applies, an editor's is a change request.

SET LOCAL ROLE coulisse_owner;

ALTER TABLE coulisse.change_requests DROP CONSTRAINT change_requests_kind_check;
ALTER TABLE coulisse.change_requests ADD CONSTRAINT change_requests_kind_check
    CHECK (kind IN ('video_tags', 'game_tags', 'tag_create', 'tag_update', 'game_create',
                    'game_update', 'tag_merge'));

CREATE OR REPLACE FUNCTION coulisse.policy_kind(p_kind text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE p_kind
        WHEN 'video_tags' THEN 'video_tags'
        WHEN 'game_tags' THEN 'game_tags'
        WHEN 'tag_create' THEN 'tags'
        WHEN 'tag_update' THEN 'tags'
        WHEN 'tag_merge' THEN 'tags'
        WHEN 'game_create' THEN 'games'
        WHEN 'game_update' THEN 'games'
    END
$$;

CREATE FUNCTION coulisse.merge_tag(p_from bigint, p_into bigint) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_from   coulisse.tags%ROWTYPE;
    v_into   coulisse.tags%ROWTYPE;
    v_fkind  text;
    v_fgame  bigint;
    v_ikind  text;
    v_igame  bigint;
    v_videos bigint := 0;
    v_games  bigint := 0;
BEGIN
    SELECT * INTO v_from FROM coulisse.tags WHERE id = p_from FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'tag % does not exist', p_from USING ERRCODE = 'no_data_found';
    END IF;
    SELECT * INTO v_into FROM coulisse.tags WHERE id = p_into FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'tag % does not exist', p_into USING ERRCODE = 'no_data_found';
    END IF;
    IF p_from = p_into THEN
        RAISE EXCEPTION 'a tag cannot be merged into itself' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF v_into.status <> 'active' THEN
        RAISE EXCEPTION 'tag % is retired: merge into an active tag', p_into
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT kind, game_id INTO v_fkind, v_fgame FROM coulisse.tag_groups WHERE id = v_from.group_id;
    SELECT kind, game_id INTO v_ikind, v_igame FROM coulisse.tag_groups WHERE id = v_into.group_id;
    -- The tag that stays must fit everything that carried the other: a game tag into a game
    -- tag; a video tag into the general library, or into the same game's library.
    IF (v_fkind = 'dimension') <> (v_ikind = 'dimension')
       OR (v_ikind = 'category' AND v_igame IS DISTINCT FROM v_fgame) THEN
        RAISE EXCEPTION 'tag % cannot take the place of tag %: it does not fit what carries it',
            p_into, p_from USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO coulisse.video_tags (video_id, tag_id)
    SELECT video_id, p_into FROM coulisse.video_tags WHERE tag_id = p_from
    ORDER BY video_id
    ON CONFLICT DO NOTHING;
    DELETE FROM coulisse.video_tags WHERE tag_id = p_from;
    GET DIAGNOSTICS v_videos = ROW_COUNT;
    INSERT INTO coulisse.game_tags (game_id, tag_id)
    SELECT game_id, p_into FROM coulisse.game_tags WHERE tag_id = p_from
    ORDER BY game_id
    ON CONFLICT DO NOTHING;
    DELETE FROM coulisse.game_tags WHERE tag_id = p_from;
    GET DIAGNOSTICS v_games = ROW_COUNT;
    UPDATE coulisse.tags SET aliases = (
        SELECT coalesce(jsonb_agg(DISTINCT a), '[]')
        FROM (SELECT jsonb_array_elements_text(v_into.aliases) AS a
              UNION SELECT v_from.name
              UNION SELECT v_from.name_en WHERE v_from.name_en <> ''
              UNION SELECT jsonb_array_elements_text(v_from.aliases)) names
        WHERE a <> v_into.name AND a <> v_into.name_en)
    WHERE id = p_into;
    UPDATE coulisse.tags SET status = 'retired' WHERE id = p_from AND status <> 'retired';
    RETURN jsonb_build_object('status', 'applied', 'videos', v_videos, 'games', v_games);
END
$$;
REVOKE ALL ON FUNCTION coulisse.merge_tag(bigint, bigint) FROM PUBLIC;

CREATE OR REPLACE FUNCTION coulisse.derive_request_scope() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    NEW.game_id := CASE NEW.kind
        WHEN 'video_tags' THEN coulisse.video_game((NEW.payload ->> 'video_id')::bigint)
        WHEN 'game_tags' THEN (NEW.payload ->> 'game_id')::bigint
        WHEN 'game_update' THEN (NEW.payload ->> 'game_id')::bigint
        WHEN 'tag_create' THEN coulisse.group_game((NEW.payload ->> 'group_id')::bigint)
        WHEN 'tag_update' THEN (SELECT coulisse.group_game(t.group_id) FROM coulisse.tags t
                                WHERE t.id = (NEW.payload ->> 'tag_id')::bigint)
        WHEN 'tag_merge' THEN (SELECT coulisse.group_game(t.group_id) FROM coulisse.tags t
                               WHERE t.id = (NEW.payload ->> 'tag_id')::bigint)
        ELSE NULL
    END;
    IF NEW.game_id IS NULL AND (CASE NEW.kind
            WHEN 'video_tags' THEN true
            WHEN 'game_tags' THEN true
            WHEN 'game_update' THEN true
            WHEN 'tag_update' THEN NOT EXISTS (SELECT FROM coulisse.tags t
                                               WHERE t.id = (NEW.payload ->> 'tag_id')::bigint)
            WHEN 'tag_merge' THEN NOT EXISTS (SELECT FROM coulisse.tags t
                                              WHERE t.id = (NEW.payload ->> 'tag_id')::bigint)
            WHEN 'tag_create' THEN NOT EXISTS (SELECT FROM coulisse.tag_groups g
                                               WHERE g.id = (NEW.payload ->> 'group_id')::bigint)
            ELSE false
        END) THEN
        RAISE EXCEPTION 'the % change request refers to a row that does not exist: %',
            NEW.kind, NEW.payload USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
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
        -- Its game tags (tags of the game-tag dimensions), given at creation.
        INSERT INTO coulisse.game_tags (game_id, tag_id)
        SELECT v_id, t::bigint FROM jsonb_array_elements_text(coalesce(p_payload -> 'tags', '[]')) t
        ON CONFLICT DO NOTHING;
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
    ELSIF p_kind = 'tag_merge' THEN
        RETURN coulisse.merge_tag((p_payload ->> 'tag_id')::bigint, (p_payload ->> 'into')::bigint);
    END IF;
    RAISE EXCEPTION 'unknown change kind %', p_kind USING ERRCODE = 'invalid_parameter_value';
END
$$;

RESET ROLE;

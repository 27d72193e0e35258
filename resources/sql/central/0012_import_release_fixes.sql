-- Coulisse central store, schema version 12: fixes to the catalogue import (schema 10) and
-- the release channel (schema 11) after review.
--   * Catalogue: a video moved to another game has its remaining video_tags logged again
--     under its new game, so that caches scoped to that game receive them, and caches that
--     see both games keep the video (pull_changes sent them the old game's delete); the
--     staging tables take only rows of an open import of the caller's; a file may not pass a
--     name from one game or tag to another (the rows are renamed one at a time, here and in
--     every cache: refused at the line that takes a name another row of the file still
--     holds).
--   * Releases: a forced update when the current version is below the minimum of any
--     published release of the app and platform; staff ask update_decision only about their
--     own Coulisse; two releases of an app and platform may not have equal versions written
--     differently ("2.0" and "2.0.0"); release_preview counts as update_decision decides
--     (offers stick, a halted release reaches only those, a current version that is not a
--     version reaches nothing).

SET LOCAL ROLE coulisse_owner;

---------------------------------------------------------------------------------------------
-- Names may not pass between rows of one file (games, then tags): see catalogue_apply_games.
---------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION coulisse.catalogue_apply_games(p_batch bigint, p_dry_run boolean)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_refusal jsonb;
BEGIN
    v_refusal := coulisse.catalogue_duplicate('games', p_batch);
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;
    PERFORM coulisse.catalogue_drop_rows();
    CREATE TEMP TABLE catalogue_rows ON COMMIT DROP AS
    SELECT s.line, s.external_id, g.id,
           coalesce(s.name, g.name) AS name,
           coalesce(s.name_en, g.name_en, '') AS name_en,
           coalesce(s.aliases, g.aliases, '[]') AS aliases,
           coalesce(s.introduction, g.introduction, '') AS introduction,
           coalesce(s.developer, g.developer, '') AS developer,
           CASE WHEN s.released IS NULL THEN g.released
                ELSE nullif(s.released, '')::integer END AS released,
           coalesce(s.status, g.status, 'active') AS status,
           CASE WHEN g.id IS NULL THEN 'I'
                WHEN (coalesce(s.name, g.name), coalesce(s.name_en, g.name_en),
                      coalesce(s.aliases, g.aliases), coalesce(s.introduction, g.introduction),
                      coalesce(s.developer, g.developer),
                      CASE WHEN s.released IS NULL THEN g.released
                           ELSE nullif(s.released, '')::integer END,
                      coalesce(s.status, g.status))
                     IS DISTINCT FROM (g.name, g.name_en, g.aliases, g.introduction, g.developer,
                                       g.released, g.status) THEN 'U'
                ELSE '=' END AS action
    FROM coulisse.catalogue_staging_games s
    LEFT JOIN coulisse.games g ON g.external_id = s.external_id
    WHERE s.batch = p_batch;

    v_refusal := coulisse.catalogue_reserved();
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;
    SELECT coulisse.catalogue_refusal(r.line, 'name', 'missing') INTO v_refusal
    FROM pg_temp.catalogue_rows r WHERE r.id IS NULL AND r.name IS NULL ORDER BY r.line LIMIT 1;
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;
    -- Names are unique: within the file, and against the games the file leaves alone.
    SELECT coulisse.catalogue_refusal(d.line, 'name', 'name_in_file', d.name, d.first::text)
    INTO v_refusal FROM (
        SELECT r.line, r.name, first_value(r.line) OVER w AS first, row_number() OVER w AS n
        FROM pg_temp.catalogue_rows r WINDOW w AS (PARTITION BY r.name ORDER BY r.line)) d
    WHERE d.n = 2 ORDER BY d.line LIMIT 1;
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;
    SELECT coulisse.catalogue_refusal(r.line, 'name', 'name_taken', r.name, g.external_id)
    INTO v_refusal FROM pg_temp.catalogue_rows r
    JOIN coulisse.games g ON g.name = r.name AND g.id IS DISTINCT FROM r.id
    WHERE NOT EXISTS (SELECT FROM pg_temp.catalogue_rows o WHERE o.id = g.id)
    ORDER BY r.line LIMIT 1;
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;
    -- A name passes from one game to another in two imports: the rows are renamed one at a
    -- time (here and in every cache), and the game that takes a name another game of the
    -- file still holds would break the unique name before the other lets go of it.
    SELECT coulisse.catalogue_refusal(r.line, 'name', 'name_held', r.name, o.line::text)
    INTO v_refusal FROM pg_temp.catalogue_rows r
    JOIN coulisse.games g ON g.name = r.name AND g.id <> r.id
    JOIN pg_temp.catalogue_rows o ON o.id = g.id
    WHERE r.action = 'U'
    ORDER BY r.line LIMIT 1;
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;

    IF NOT p_dry_run THEN
        UPDATE coulisse.games g
        SET name = r.name, name_en = r.name_en, aliases = r.aliases,
            introduction = r.introduction, developer = r.developer, released = r.released,
            status = r.status
        FROM pg_temp.catalogue_rows r WHERE r.action = 'U' AND g.id = r.id;
        INSERT INTO coulisse.games (external_id, name, name_en, aliases, introduction,
                                    developer, released, status)
        SELECT external_id, name, name_en, aliases, introduction, developer, released, status
        FROM pg_temp.catalogue_rows WHERE action = 'I' ORDER BY line;
    END IF;
    RETURN coulisse.catalogue_finish('games', p_batch, p_dry_run);
END
$$;

CREATE OR REPLACE FUNCTION coulisse.catalogue_apply_tags(p_batch bigint, p_dry_run boolean)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_refusal jsonb;
BEGIN
    v_refusal := coulisse.catalogue_duplicate('tags', p_batch);
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;
    PERFORM coulisse.catalogue_drop_rows();
    CREATE TEMP TABLE catalogue_rows ON COMMIT DROP AS
    WITH staged AS (
        SELECT s.*, t.id, t.group_id AS old_group,
               CASE WHEN s.grp IS NULL THEN t.group_id
                    WHEN s.grp = 'general' THEN
                        (SELECT g.id FROM coulisse.tag_groups g WHERE g.kind = 'general')
                    WHEN coalesce(s.game, '') = '' THEN
                        (SELECT g.id FROM coulisse.tag_groups g
                         WHERE g.kind = 'dimension' AND g.code = s.grp)
                    ELSE (SELECT c.id FROM coulisse.tag_groups c
                          JOIN coulisse.games gm ON gm.id = c.game_id
                          WHERE c.kind = 'category' AND c.code = s.grp
                            AND gm.external_id = s.game) END AS group_id,
               coalesce(s.name, t.name) AS new_name,
               coalesce(s.name_en, t.name_en, '') AS new_name_en,
               coalesce(s.aliases, t.aliases, '[]') AS new_aliases,
               coalesce(s.status, t.status, 'active') AS new_status,
               t.name AS old_name, t.name_en AS old_name_en, t.aliases AS old_aliases,
               t.status AS old_status
        FROM coulisse.catalogue_staging_tags s
        LEFT JOIN coulisse.tags t ON t.external_id = s.external_id
        WHERE s.batch = p_batch)
    SELECT st.line, st.external_id, st.id, st.grp, st.game, st.group_id, st.old_group,
           st.new_name AS name, st.new_name_en AS name_en, st.new_aliases AS aliases,
           st.new_status AS status,
           CASE WHEN st.id IS NULL THEN 'I'
                WHEN (st.group_id, st.new_name, st.new_name_en, st.new_aliases, st.new_status)
                     IS DISTINCT FROM (st.old_group, st.old_name, st.old_name_en,
                                       st.old_aliases, st.old_status) THEN 'U'
                ELSE '=' END AS action
    FROM staged st;

    v_refusal := coulisse.catalogue_reserved();
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;
    SELECT CASE
               WHEN r.grp IS NULL THEN coulisse.catalogue_refusal(r.line, 'group', 'missing')
               WHEN r.name IS NULL THEN coulisse.catalogue_refusal(r.line, 'name', 'missing')
               WHEN coalesce(r.game, '') <> '' AND NOT EXISTS (
                        SELECT FROM coulisse.games g WHERE g.external_id = r.game) THEN
                   coulisse.catalogue_refusal(r.line, 'game', 'unknown_game', r.game)
               ELSE coulisse.catalogue_refusal(r.line, 'group', 'unknown_group', r.grp, r.game)
           END
    INTO v_refusal FROM pg_temp.catalogue_rows r
    WHERE (r.id IS NULL AND (r.grp IS NULL OR r.name IS NULL)) OR r.group_id IS NULL
    ORDER BY r.line LIMIT 1;
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;
    -- A tag stays in its library: videos and games that carry it would break the rules of
    -- check_tag_use otherwise.
    SELECT coulisse.catalogue_refusal(r.line, 'group', 'tag_move', r.grp)
    INTO v_refusal FROM pg_temp.catalogue_rows r
    JOIN coulisse.tag_groups o ON o.id = r.old_group
    JOIN coulisse.tag_groups n ON n.id = r.group_id
    WHERE r.action = 'U' AND (o.kind, o.game_id) IS DISTINCT FROM (n.kind, n.game_id)
    ORDER BY r.line LIMIT 1;
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;
    SELECT coulisse.catalogue_refusal(d.line, 'name', 'name_in_file', d.name, d.first::text)
    INTO v_refusal FROM (
        SELECT r.line, r.name, first_value(r.line) OVER w AS first, row_number() OVER w AS n
        FROM pg_temp.catalogue_rows r
        WINDOW w AS (PARTITION BY r.group_id, r.name ORDER BY r.line)) d
    WHERE d.n = 2 ORDER BY d.line LIMIT 1;
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;
    SELECT coulisse.catalogue_refusal(r.line, 'name', 'name_taken', r.name, t.external_id)
    INTO v_refusal FROM pg_temp.catalogue_rows r
    JOIN coulisse.tags t ON t.group_id = r.group_id AND t.name = r.name
                        AND t.id IS DISTINCT FROM r.id
    WHERE NOT EXISTS (SELECT FROM pg_temp.catalogue_rows o WHERE o.id = t.id)
    ORDER BY r.line LIMIT 1;
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;
    -- Likewise a name passes from one tag of a group to another in two imports.
    SELECT coulisse.catalogue_refusal(r.line, 'name', 'name_held', r.name, o.line::text)
    INTO v_refusal FROM pg_temp.catalogue_rows r
    JOIN coulisse.tags t ON t.group_id = r.group_id AND t.name = r.name AND t.id <> r.id
    JOIN pg_temp.catalogue_rows o ON o.id = t.id
    WHERE r.action = 'U'
    ORDER BY r.line LIMIT 1;
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;

    IF NOT p_dry_run THEN
        UPDATE coulisse.tags t
        SET group_id = r.group_id, name = r.name, name_en = r.name_en, aliases = r.aliases,
            status = r.status
        FROM pg_temp.catalogue_rows r WHERE r.action = 'U' AND t.id = r.id;
        INSERT INTO coulisse.tags (external_id, group_id, name, name_en, aliases, status)
        SELECT external_id, group_id, name, name_en, aliases, status
        FROM pg_temp.catalogue_rows WHERE action = 'I' ORDER BY line;
    END IF;
    RETURN coulisse.catalogue_finish('tags', p_batch, p_dry_run);
END
$$;

---------------------------------------------------------------------------------------------
-- A video moved to another game: its remaining tags (the general ones) are logged again
-- under the new game, after the video's own entry, so that a cache scoped to the new game
-- receives them with the video. Written to the change log directly: the rows do not change,
-- so there is nothing to audit or version.
---------------------------------------------------------------------------------------------
CREATE FUNCTION coulisse.relog_moved_video_tags() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO coulisse.change_log (tbl, op, pk1, pk2, row_version, scope_id)
    SELECT 'video_tags', 'I', vt.video_id, vt.tag_id, NULL, r.game_id
    FROM new_rows r
    JOIN old_rows o ON o.id = r.id
    JOIN coulisse.video_tags vt ON vt.video_id = r.id
    WHERE o.game_id IS DISTINCT FROM r.game_id
    ORDER BY vt.video_id, vt.tag_id;
    IF FOUND THEN
        PERFORM pg_notify('coulisse_changes', 'video_tags');
    END IF;
    RETURN NULL;
END
$$;
-- Statement triggers of a table fire in the order of their names: this one after
-- videos_log_update (the video first, then its tags; the old library's tags are gone by
-- then, dropped by the row trigger videos_game_moved).
CREATE TRIGGER videos_moved_tags_relog AFTER UPDATE ON coulisse.videos
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.relog_moved_video_tags();

---------------------------------------------------------------------------------------------
-- Pulling changes: a delete entry of a row that moved to another scope (log_changes writes
-- one for the old scope) reaches a caller who sees the row's new scope as the row, not as a
-- tombstone: a supervisor's cache kept deleting a video moved to another game.
---------------------------------------------------------------------------------------------
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
            -- The row is there and in the caller's scope: the caller keeps it as it is now,
            -- also for a delete entry (the row left another scope: a video moved to another
            -- game is a delete for the old game's caches, not for those that see both).
            op := CASE WHEN v_last.op = 'D' THEN 'U' ELSE v_last.op END;
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

---------------------------------------------------------------------------------------------
-- The staging tables take rows of an open import of the caller's, of the table's kind only
-- (admins may insert into them: COPY needs it).
---------------------------------------------------------------------------------------------
CREATE FUNCTION coulisse.catalogue_staging_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_batch bigint;
BEGIN
    SELECT n.batch INTO v_batch FROM new_rows n
    WHERE NOT EXISTS (SELECT FROM coulisse.catalogue_imports i
                      WHERE i.id = n.batch AND i.kind = TG_ARGV[0]
                        AND i.imported_by = session_user AND i.finished_at IS NULL)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'catalogue import % is not an open % import of %', v_batch, TG_ARGV[0],
            session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;
DO $staging$
DECLARE
    k text;
BEGIN
    FOREACH k IN ARRAY ARRAY['games', 'tags', 'users', 'videos'] LOOP
        EXECUTE format('CREATE TRIGGER catalogue_staging_%1$s_batch AFTER INSERT '
                       'ON coulisse.catalogue_staging_%1$s REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION coulisse.catalogue_staging_check(%1$L)',
                       k);
    END LOOP;
END
$staging$;

---------------------------------------------------------------------------------------------
-- Releases.
---------------------------------------------------------------------------------------------
-- Two releases of an app and platform never have the same version, however written: "2.0"
-- and "2.0.0" (or "1.0.0+a" and "1.0.0+b") would tie for the newest release.
CREATE FUNCTION coulisse.release_check_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_other coulisse.releases;
BEGIN
    -- Concurrent writers of the same app and platform check one after the other.
    PERFORM pg_advisory_xact_lock(hashtext('coulisse.releases:' || NEW.app || '/' || NEW.platform));
    SELECT * INTO v_other FROM coulisse.releases r
    WHERE r.app = NEW.app AND r.platform = NEW.platform AND r.id <> NEW.id
      AND coulisse.semver_cmp(r.version, NEW.version) = 0
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION '% for % has the version % already (release %, written "%")',
            NEW.app, NEW.platform, NEW.version, v_other.id, v_other.version
            USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER releases_same_version BEFORE INSERT OR UPDATE OF app, platform, version
    ON coulisse.releases FOR EACH ROW EXECUTE FUNCTION coulisse.release_check_version();

-- What an app on (app, platform, current version) used by this user should do: none, optional
-- or forced, with the newest release that reaches the user. Forced when the current version
-- is below the minimum supported version of any published release of the app and platform
-- (not only of the release offered). An offer is recorded the first time. The platform's
-- services ask for anyone; a staff member only for their own Coulisse.
CREATE OR REPLACE FUNCTION coulisse.update_decision(p_app text, p_platform text, p_current text,
                                                   p_user text, p_channel text DEFAULT '',
                                                   p_os text DEFAULT '') RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r coulisse.releases;
    v_best coulisse.releases;
    v_forced boolean;
BEGIN
    -- MEMBER: the platform group is NOINHERIT; a superuser is a member of every role.
    IF NOT pg_has_role(session_user, 'coulisse_platform', 'MEMBER')
       AND (p_app IS DISTINCT FROM 'coulisse' OR p_user IS DISTINCT FROM session_user::text) THEN
        RAISE EXCEPTION 'staff ask only about their own Coulisse (app coulisse, user %)',
            session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT coalesce(coulisse.semver_valid(p_current), false) THEN
        RAISE EXCEPTION '"%" is not a version like 5.2.1', p_current
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF coalesce(p_user, '') = '' THEN
        RAISE EXCEPTION 'an update decision needs the user' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR r IN SELECT * FROM coulisse.releases x
             WHERE x.app = p_app AND x.platform = p_platform AND x.state <> 'draft'
    LOOP
        IF coulisse.release_reaches(r, p_user, p_current, p_channel, p_os)
           AND (v_best.id IS NULL OR coulisse.semver_cmp(r.version, v_best.version) > 0) THEN
            v_best := r;
        END IF;
    END LOOP;
    IF v_best.id IS NULL THEN
        RETURN jsonb_build_object('decision', 'none');
    END IF;
    v_forced := EXISTS (SELECT FROM coulisse.releases x
                        WHERE x.app = p_app AND x.platform = p_platform AND x.state <> 'draft'
                          AND x.min_version IS NOT NULL
                          AND coulisse.semver_cmp(p_current, x.min_version) < 0);
    INSERT INTO coulisse.release_offers (release_id, user_key, forced)
    VALUES (v_best.id, p_user, v_forced) ON CONFLICT DO NOTHING;
    RETURN jsonb_build_object(
        'decision', CASE WHEN v_forced THEN 'forced' ELSE 'optional' END,
        'release', jsonb_build_object('id', v_best.id, 'version', v_best.version,
                                      'min_version', v_best.min_version,
                                      'notes_zh', v_best.notes_zh, 'notes_en', v_best.notes_en));
END
$$;

-- How many of the users active in the last 30 days (events) a release would reach at
-- \a p_percent (default: its own), judged as update_decision judges a user: a user it was
-- offered to keeps it; a halted release reaches only those; a latest event whose app version
-- is not a version reaches nothing (update_decision refuses to answer it).
CREATE OR REPLACE FUNCTION coulisse.release_preview(p_id bigint, p_percent numeric DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r coulisse.releases;
    v_result jsonb;
BEGIN
    IF coulisse.session_role() IS NULL OR coulisse.session_role() NOT IN ('admin', 'supervisor', 'pm')
    THEN
        PERFORM coulisse.require_release_admin();
    END IF;
    SELECT * INTO r FROM coulisse.releases WHERE id = p_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'release % does not exist', p_id USING ERRCODE = 'no_data_found';
    END IF;
    WITH latest AS (
        SELECT DISTINCT ON (e.user_id) e.user_id::text AS user_key, e.channel, e.os,
               e.app_version
        FROM coulisse.events e
        WHERE e.at >= (SELECT max(at) FROM coulisse.events) - interval '30 days'
        ORDER BY e.user_id, e.at DESC
    ), on_platform AS (
        SELECT l.* FROM latest l
        WHERE CASE r.platform
                  WHEN 'android' THEN l.os ILIKE 'android%'
                  WHEN 'ios' THEN l.os ILIKE 'ios%' OR l.os ILIKE 'ipados%'
                  WHEN 'windows' THEN l.os ILIKE 'windows%'
                  WHEN 'macos' THEN l.os ILIKE 'macos%' OR l.os ILIKE 'mac os%'
                  ELSE l.os ILIKE 'linux%' OR l.os ILIKE 'ubuntu%' OR l.os ILIKE 'debian%'
              END
    ), judged AS (
        SELECT p.user_key,
               coalesce(coulisse.semver_valid(p.app_version), false) AS valid,
               coalesce(coulisse.semver_cmp(r.version, p.app_version) > 0, true) AS older,
               coalesce(coulisse.release_targets(r, p.app_version, p.channel, p.os), false)
                   AS targeted,
               p.user_key = ANY (r.user_keys) AS listed,
               EXISTS (SELECT FROM coulisse.release_offers o
                       WHERE o.release_id = r.id AND o.user_key = p.user_key) AS offered,
               coulisse.release_bucket(r.id, p.user_key)
                   < round(coalesce(p_percent, CASE WHEN r.state = 'complete' THEN 100
                                                    ELSE r.rollout_percent END) * 100) AS bucket
        FROM on_platform p
    )
    SELECT jsonb_build_object(
        'active', (SELECT count(*) FROM latest),
        'platform', count(*),
        'targeted', count(*) FILTER (WHERE targeted OR listed),
        'reached', count(*) FILTER (
            WHERE valid AND older
              AND (offered OR (r.state <> 'halted' AND (listed OR (targeted AND bucket))))),
        'percent', coalesce(p_percent, r.rollout_percent))
    INTO v_result FROM judged;
    RETURN v_result;
END
$$;

---------------------------------------------------------------------------------------------
-- Privileges: the replaced functions keep theirs; the new ones are only triggers.
---------------------------------------------------------------------------------------------
REVOKE ALL ON FUNCTION coulisse.relog_moved_video_tags(), coulisse.catalogue_staging_check(),
    coulisse.release_check_version() FROM PUBLIC;

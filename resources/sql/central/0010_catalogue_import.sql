-- Coulisse central store, schema version 10: the platform's side of the catalogue
-- (docs/integration.md).
--   * external_id on games, tags, users and videos: the platform's key of a row, unique per
--     table. Rows made in Coulisse get 'coulisse:<id>'; a row inserted without one too.
--   * catalogue_import_begin / the staging tables / catalogue_import_apply: an admin's import
--     of a file (coulisse-cli catalogue import): the client streams the checked rows into a
--     staging table with COPY, then one call resolves the references, refuses the file at its
--     first bad line, and upserts by external id what changed, in the client's transaction.
--   * coulisse_platform: the group role of the platform's own systems, which write games,
--     users and videos directly (never tags, tag groups or tag assignments).

-- The import works on a temporary table of resolved rows (ON COMMIT DROP): the owner that
-- runs the definer functions needs TEMPORARY. Staff groups still have no TEMPORARY.
DO $grants$
BEGIN
    EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO coulisse_owner', current_database());
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'coulisse_platform') THEN
        CREATE ROLE coulisse_platform NOLOGIN NOINHERIT;
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO coulisse_platform', current_database());
END
$grants$;
GRANT USAGE ON SCHEMA coulisse TO coulisse_platform;

SET LOCAL ROLE coulisse_owner;

---------------------------------------------------------------------------------------------
-- External ids. Existing rows get 'coulisse:<id>' without firing the tables' triggers: the
-- rows do not change for the caches (they do not hold external ids), for the audit or for
-- their row versions.
---------------------------------------------------------------------------------------------
CREATE FUNCTION coulisse.default_external_id() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    NEW.external_id := 'coulisse:' || NEW.id;
    RETURN NEW;
END
$$;

DO $external$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['games', 'tags', 'users', 'videos'] LOOP
        EXECUTE format('ALTER TABLE coulisse.%I ADD COLUMN external_id text', t);
        EXECUTE format('ALTER TABLE coulisse.%I DISABLE TRIGGER USER', t);
        EXECUTE format('UPDATE coulisse.%I SET external_id = ''coulisse:'' || id', t);
        EXECUTE format('ALTER TABLE coulisse.%I ENABLE TRIGGER USER', t);
        -- 1-100 characters, no white space at either end, no control characters.
        EXECUTE format('ALTER TABLE coulisse.%1$I ALTER COLUMN external_id SET NOT NULL, '
                       'ADD CONSTRAINT %1$s_external_id_key UNIQUE (external_id), '
                       'ADD CONSTRAINT %1$s_external_id_check CHECK (length(external_id) <= 100 '
                       'AND external_id ~ ''^[^[:space:][:cntrl:]]([^[:cntrl:]]*[^[:space:][:cntrl:]])?$'')',
                       t);
        EXECUTE format('CREATE TRIGGER %1$s_external_id BEFORE INSERT ON coulisse.%1$I '
                       'FOR EACH ROW WHEN (NEW.external_id IS NULL) '
                       'EXECUTE FUNCTION coulisse.default_external_id()', t);
        -- Also for writers in replica mode (CentralLoader's bulk load), which fire no others.
        EXECUTE format('ALTER TABLE coulisse.%1$I ENABLE ALWAYS TRIGGER %1$s_external_id', t);
    END LOOP;
END
$external$;

-- A video that moves to another game keeps its general tags and loses those of the old
-- game's library (check_tag_use allows only its own game's), whoever moves it.
CREATE FUNCTION coulisse.drop_foreign_library_tags() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    DELETE FROM coulisse.video_tags vt
    USING coulisse.tags t, coulisse.tag_groups g
    WHERE vt.video_id = NEW.id AND t.id = vt.tag_id AND g.id = t.group_id
      AND g.kind = 'category' AND g.game_id <> NEW.game_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER videos_game_moved AFTER UPDATE OF game_id ON coulisse.videos
    FOR EACH ROW WHEN (OLD.game_id IS DISTINCT FROM NEW.game_id)
    EXECUTE FUNCTION coulisse.drop_foreign_library_tags();

---------------------------------------------------------------------------------------------
-- Imports: one row per file, and the staging tables the client fills with COPY. A staged
-- value that is NULL was not in the file: an existing row keeps its value, a new row takes
-- the default. For the columns that may be empty (games.released, videos.uploader) the
-- staged text '' means "none".
---------------------------------------------------------------------------------------------
CREATE TABLE coulisse.catalogue_imports (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('games', 'tags', 'users', 'videos')),
    file_name   text        NOT NULL,
    imported_by text        NOT NULL DEFAULT session_user,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    dry_run     boolean,
    rows        bigint,
    inserted    bigint,
    updated     bigint,
    unchanged   bigint
);

CREATE UNLOGGED TABLE coulisse.catalogue_staging_games (
    batch        bigint  NOT NULL,
    line         bigint  NOT NULL,
    external_id  text    NOT NULL,
    name         text,
    name_en      text,
    aliases      jsonb,
    introduction text,
    developer    text,
    released     text,
    status       text
);
CREATE INDEX catalogue_staging_games_batch ON coulisse.catalogue_staging_games (batch);

CREATE UNLOGGED TABLE coulisse.catalogue_staging_tags (
    batch       bigint NOT NULL,
    line        bigint NOT NULL,
    external_id text   NOT NULL,
    grp         text,
    game        text,
    name        text,
    name_en     text,
    aliases     jsonb,
    status      text
);
CREATE INDEX catalogue_staging_tags_batch ON coulisse.catalogue_staging_tags (batch);

CREATE UNLOGGED TABLE coulisse.catalogue_staging_users (
    batch         bigint      NOT NULL,
    line          bigint      NOT NULL,
    external_id   text        NOT NULL,
    nickname      text,
    kind          text,
    registered_at timestamptz,
    channel       text,
    platform      text,
    device_model  text,
    os            text,
    level         integer,
    vip           boolean
);
CREATE INDEX catalogue_staging_users_batch ON coulisse.catalogue_staging_users (batch);

CREATE UNLOGGED TABLE coulisse.catalogue_staging_videos (
    batch        bigint      NOT NULL,
    line         bigint      NOT NULL,
    external_id  text        NOT NULL,
    title        text,
    game         text,
    uploader     text,
    source       text,
    duration_s   integer,
    published_at timestamptz,
    featured     boolean,
    plays        bigint
);
CREATE INDEX catalogue_staging_videos_batch ON coulisse.catalogue_staging_videos (batch);

CREATE FUNCTION coulisse.require_catalogue_admin() RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF coulisse.session_role() IS DISTINCT FROM 'admin'
       AND NOT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                         WHERE r.rolname = session_user), false) THEN
        RAISE EXCEPTION 'only an admin imports the catalogue'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

-- Starts the import of a file: the batch id the staged rows carry.
CREATE FUNCTION coulisse.catalogue_import_begin(p_kind text, p_file_name text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_id bigint;
BEGIN
    PERFORM coulisse.require_catalogue_admin();
    INSERT INTO coulisse.catalogue_imports (kind, file_name) VALUES (p_kind, p_file_name)
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

-- Drops the resolved rows of an earlier import of the same transaction (quietly: DROP ...
-- IF EXISTS would send a notice).
CREATE FUNCTION coulisse.catalogue_drop_rows() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF to_regclass('pg_temp.catalogue_rows') IS NOT NULL THEN
        DROP TABLE pg_temp.catalogue_rows;
    END IF;
END
$$;

-- A refusal: the file's line, the field, a code the client words, and its values.
CREATE FUNCTION coulisse.catalogue_refusal(p_line bigint, p_field text, p_code text,
                                           p_value text DEFAULT NULL, p_other text DEFAULT NULL)
RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT jsonb_build_object('line', p_line, 'field', p_field, 'code', p_code,
                              'value', p_value, 'other', p_other)
$$;

-- The first external id of the batch that an earlier line of the file has already.
CREATE FUNCTION coulisse.catalogue_duplicate(p_kind text, p_batch bigint) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_found jsonb;
BEGIN
    EXECUTE format('SELECT coulisse.catalogue_refusal(d.line, ''external_id'', ''duplicate'', '
                   'd.external_id, d.first::text) FROM ('
                   'SELECT s.line, s.external_id, first_value(s.line) OVER w AS first, '
                   'row_number() OVER w AS n FROM coulisse.%I s WHERE s.batch = $1 '
                   'WINDOW w AS (PARTITION BY s.external_id ORDER BY s.line)) d '
                   'WHERE d.n = 2 ORDER BY d.line LIMIT 1',
                   'catalogue_staging_' || p_kind)
    INTO v_found USING p_batch;
    RETURN v_found;
END
$$;

-- A new row may not take an id of Coulisse's own (the resolved rows of the batch).
CREATE FUNCTION coulisse.catalogue_reserved() RETURNS jsonb
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN (SELECT coulisse.catalogue_refusal(r.line, 'external_id', 'reserved', r.external_id)
            FROM pg_temp.catalogue_rows r
            WHERE r.id IS NULL AND r.external_id LIKE 'coulisse:%' ORDER BY r.line LIMIT 1);
END
$$;

-- Finishes an import: the counts of the resolved rows' actions, the staged rows gone.
CREATE FUNCTION coulisse.catalogue_finish(p_kind text, p_batch bigint, p_dry_run boolean)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_ins bigint;
    v_upd bigint;
    v_same bigint;
BEGIN
    SELECT count(*) FILTER (WHERE action = 'I'), count(*) FILTER (WHERE action = 'U'),
           count(*) FILTER (WHERE action = '=')
    INTO v_ins, v_upd, v_same FROM pg_temp.catalogue_rows;
    EXECUTE format('DELETE FROM coulisse.%I WHERE batch = $1', 'catalogue_staging_' || p_kind)
    USING p_batch;
    UPDATE coulisse.catalogue_imports
    SET finished_at = clock_timestamp(), dry_run = p_dry_run, rows = v_ins + v_upd + v_same,
        inserted = v_ins, updated = v_upd, unchanged = v_same
    WHERE id = p_batch;
    PERFORM coulisse.catalogue_drop_rows();
    RETURN jsonb_build_object('inserted', v_ins, 'updated', v_upd, 'unchanged', v_same);
END
$$;

---------------------------------------------------------------------------------------------
-- Applying a batch, kind by kind. Each checks the whole file before it writes anything and
-- returns {"line", "field", "code", ...} for the first line it refuses, or the counts. Only
-- rows whose values change are written: a file imported twice changes nothing the second
-- time (no row version, change log or audit row).
---------------------------------------------------------------------------------------------
CREATE FUNCTION coulisse.catalogue_apply_games(p_batch bigint, p_dry_run boolean)
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

CREATE FUNCTION coulisse.catalogue_apply_tags(p_batch bigint, p_dry_run boolean)
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

CREATE FUNCTION coulisse.catalogue_apply_users(p_batch bigint, p_dry_run boolean)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_refusal jsonb;
BEGIN
    v_refusal := coulisse.catalogue_duplicate('users', p_batch);
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;
    PERFORM coulisse.catalogue_drop_rows();
    CREATE TEMP TABLE catalogue_rows ON COMMIT DROP AS
    WITH staged AS (
        SELECT s.line, s.external_id, u.id,
               coalesce(s.nickname, u.nickname) AS nickname, coalesce(s.kind, u.kind) AS kind,
               coalesce(s.registered_at, u.registered_at) AS registered_at,
               coalesce(s.channel, u.channel, '') AS channel,
               coalesce(s.platform, u.platform) AS platform,
               coalesce(s.device_model, u.device_model, '') AS device_model,
               coalesce(s.os, u.os, '') AS os, coalesce(s.level, u.level, 1) AS level,
               coalesce(s.vip, u.vip, false) AS vip,
               (u.nickname, u.kind, u.registered_at, u.channel, u.platform, u.device_model,
                u.os, u.level, u.vip) AS old
        FROM coulisse.catalogue_staging_users s
        LEFT JOIN coulisse.users u ON u.external_id = s.external_id
        WHERE s.batch = p_batch)
    SELECT st.line, st.external_id, st.id, st.nickname, st.kind, st.registered_at, st.channel,
           st.platform, st.device_model, st.os, st.level, st.vip,
           CASE WHEN st.id IS NULL THEN 'I'
                WHEN (st.nickname, st.kind, st.registered_at, st.channel, st.platform,
                      st.device_model, st.os, st.level, st.vip) IS DISTINCT FROM st.old THEN 'U'
                ELSE '=' END AS action
    FROM staged st;

    v_refusal := coulisse.catalogue_reserved();
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;
    SELECT coulisse.catalogue_refusal(r.line, CASE WHEN r.nickname IS NULL THEN 'nickname'
                                                   WHEN r.kind IS NULL THEN 'kind'
                                                   WHEN r.registered_at IS NULL THEN 'registered_at'
                                                   ELSE 'platform' END, 'missing')
    INTO v_refusal FROM pg_temp.catalogue_rows r
    WHERE r.id IS NULL AND (r.nickname IS NULL OR r.kind IS NULL OR r.registered_at IS NULL
                            OR r.platform IS NULL)
    ORDER BY r.line LIMIT 1;
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;

    IF NOT p_dry_run THEN
        UPDATE coulisse.users u
        SET nickname = r.nickname, kind = r.kind, registered_at = r.registered_at,
            channel = r.channel, platform = r.platform, device_model = r.device_model,
            os = r.os, level = r.level, vip = r.vip
        FROM pg_temp.catalogue_rows r WHERE r.action = 'U' AND u.id = r.id;
        INSERT INTO coulisse.users (external_id, nickname, kind, registered_at, channel,
                                    platform, device_model, os, level, vip)
        SELECT external_id, nickname, kind, registered_at, channel, platform, device_model, os,
               level, vip
        FROM pg_temp.catalogue_rows WHERE action = 'I' ORDER BY line;
    END IF;
    RETURN coulisse.catalogue_finish('users', p_batch, p_dry_run);
END
$$;

CREATE FUNCTION coulisse.catalogue_apply_videos(p_batch bigint, p_dry_run boolean)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_refusal jsonb;
BEGIN
    v_refusal := coulisse.catalogue_duplicate('videos', p_batch);
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;
    PERFORM coulisse.catalogue_drop_rows();
    CREATE TEMP TABLE catalogue_rows ON COMMIT DROP AS
    WITH staged AS (
        SELECT s.line, s.external_id, v.id, s.game, s.uploader,
               g.id AS game_ref, u.id AS uploader_ref,
               coalesce(s.title, v.title) AS title, coalesce(g.id, v.game_id) AS game_id,
               CASE WHEN s.uploader IS NULL THEN v.uploader_id ELSE u.id END AS uploader_id,
               coalesce(s.source, v.source) AS source,
               coalesce(s.duration_s, v.duration_s) AS duration_s,
               coalesce(s.published_at, v.published_at) AS published_at,
               coalesce(s.featured, v.featured, false) AS featured,
               coalesce(s.plays, v.plays, 0) AS plays,
               (v.title, v.game_id, v.uploader_id, v.source, v.duration_s, v.published_at,
                v.featured, v.plays) AS old
        FROM coulisse.catalogue_staging_videos s
        LEFT JOIN coulisse.videos v ON v.external_id = s.external_id
        LEFT JOIN coulisse.games g ON g.external_id = s.game
        LEFT JOIN coulisse.users u ON u.external_id = nullif(s.uploader, '')
        WHERE s.batch = p_batch)
    SELECT st.line, st.external_id, st.id, st.game, st.uploader, st.game_ref, st.uploader_ref,
           st.title, st.game_id, st.uploader_id, st.source, st.duration_s, st.published_at,
           st.featured, st.plays,
           CASE WHEN st.id IS NULL THEN 'I'
                WHEN (st.title, st.game_id, st.uploader_id, st.source, st.duration_s,
                      st.published_at, st.featured, st.plays) IS DISTINCT FROM st.old THEN 'U'
                ELSE '=' END AS action
    FROM staged st;

    v_refusal := coulisse.catalogue_reserved();
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;
    SELECT CASE
               WHEN r.game IS NOT NULL AND r.game_ref IS NULL THEN
                   coulisse.catalogue_refusal(r.line, 'game', 'unknown_game', r.game)
               WHEN r.uploader <> '' AND r.uploader_ref IS NULL THEN
                   coulisse.catalogue_refusal(r.line, 'uploader', 'unknown_user', r.uploader)
               ELSE coulisse.catalogue_refusal(r.line, CASE WHEN r.title IS NULL THEN 'title'
                                                            WHEN r.game_id IS NULL THEN 'game'
                                                            WHEN r.source IS NULL THEN 'source'
                                                            WHEN r.duration_s IS NULL THEN 'duration_s'
                                                            ELSE 'published_at' END, 'missing')
           END
    INTO v_refusal FROM pg_temp.catalogue_rows r
    WHERE (r.game IS NOT NULL AND r.game_ref IS NULL)
       OR (r.uploader <> '' AND r.uploader_ref IS NULL)
       OR (r.id IS NULL AND (r.title IS NULL OR r.game_id IS NULL OR r.source IS NULL
                             OR r.duration_s IS NULL OR r.published_at IS NULL))
    ORDER BY r.line LIMIT 1;
    IF v_refusal IS NOT NULL THEN
        RETURN v_refusal;
    END IF;

    IF NOT p_dry_run THEN
        UPDATE coulisse.videos v
        SET title = r.title, game_id = r.game_id, uploader_id = r.uploader_id,
            source = r.source, duration_s = r.duration_s, published_at = r.published_at,
            featured = r.featured, plays = r.plays
        FROM pg_temp.catalogue_rows r WHERE r.action = 'U' AND v.id = r.id;
        INSERT INTO coulisse.videos (external_id, title, game_id, uploader_id, source,
                                     duration_s, published_at, featured, plays)
        SELECT external_id, title, game_id, uploader_id, source, duration_s, published_at,
               featured, plays
        FROM pg_temp.catalogue_rows WHERE action = 'I' ORDER BY line;
    END IF;
    RETURN coulisse.catalogue_finish('videos', p_batch, p_dry_run);
END
$$;

-- The entry point: checks that the batch is the caller's and still open, then applies it.
CREATE FUNCTION coulisse.catalogue_import_apply(p_batch bigint, p_dry_run boolean)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_kind text;
BEGIN
    PERFORM coulisse.require_catalogue_admin();
    SELECT i.kind INTO v_kind FROM coulisse.catalogue_imports i
    WHERE i.id = p_batch AND i.imported_by = session_user AND i.finished_at IS NULL
    FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'catalogue import % is not an open import of %', p_batch, session_user
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- One import at a time: external ids and names are checked against a stable catalogue.
    PERFORM pg_advisory_xact_lock(hashtext('coulisse.catalogue_import'));
    RETURN CASE v_kind
        WHEN 'games' THEN coulisse.catalogue_apply_games(p_batch, p_dry_run)
        WHEN 'tags' THEN coulisse.catalogue_apply_tags(p_batch, p_dry_run)
        WHEN 'users' THEN coulisse.catalogue_apply_users(p_batch, p_dry_run)
        ELSE coulisse.catalogue_apply_videos(p_batch, p_dry_run)
    END;
END
$$;

---------------------------------------------------------------------------------------------
-- Privileges.
---------------------------------------------------------------------------------------------
ALTER TABLE coulisse.catalogue_imports ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON coulisse.catalogue_imports TO coulisse_admin;
CREATE POLICY catalogue_imports_read ON coulisse.catalogue_imports FOR SELECT
    TO coulisse_admin USING ((SELECT coulisse.session_role()) = 'admin');
-- COPY refuses tables with row-level security: the staging tables have none, and admins may
-- only insert (a row of another batch is never read: catalogue_import_apply checks the batch
-- is the caller's).
GRANT INSERT ON coulisse.catalogue_staging_games, coulisse.catalogue_staging_tags,
    coulisse.catalogue_staging_users, coulisse.catalogue_staging_videos TO coulisse_admin;

REVOKE ALL ON FUNCTION coulisse.default_external_id(), coulisse.require_catalogue_admin(),
    coulisse.drop_foreign_library_tags(),
    coulisse.catalogue_drop_rows(),
    coulisse.catalogue_import_begin(text, text),
    coulisse.catalogue_refusal(bigint, text, text, text, text),
    coulisse.catalogue_duplicate(text, bigint),
    coulisse.catalogue_reserved(), coulisse.catalogue_finish(text, bigint, boolean),
    coulisse.catalogue_apply_games(bigint, boolean), coulisse.catalogue_apply_tags(bigint, boolean),
    coulisse.catalogue_apply_users(bigint, boolean), coulisse.catalogue_apply_videos(bigint, boolean),
    coulisse.catalogue_import_apply(bigint, boolean) FROM PUBLIC;
-- Every staff group may call them, to be told clearly that only admins import.
GRANT EXECUTE ON FUNCTION coulisse.catalogue_import_begin(text, text),
    coulisse.catalogue_import_apply(bigint, boolean)
    TO coulisse_editor, coulisse_supervisor, coulisse_pm, coulisse_admin;

-- The platform's systems: games, users and videos, read and written directly. Everything
-- they write goes through the same triggers (row versions, change log, audit) as staff's.
GRANT SELECT ON coulisse.games, coulisse.users, coulisse.videos, coulisse.tag_groups,
    coulisse.tags TO coulisse_platform;
GRANT INSERT (external_id, name, name_en, aliases, introduction, developer, released, status),
      UPDATE (external_id, name, name_en, aliases, introduction, developer, released, status)
      ON coulisse.games TO coulisse_platform;
GRANT INSERT (external_id, nickname, kind, registered_at, channel, platform, device_model, os,
              level, vip),
      UPDATE (external_id, nickname, kind, registered_at, channel, platform, device_model, os,
              level, vip), DELETE
      ON coulisse.users TO coulisse_platform;
GRANT INSERT (external_id, title, game_id, uploader_id, source, duration_s, published_at,
              featured, plays),
      UPDATE (external_id, title, game_id, uploader_id, source, duration_s, published_at,
              featured, plays), DELETE
      ON coulisse.videos TO coulisse_platform;
CREATE POLICY games_platform ON coulisse.games TO coulisse_platform USING (true)
    WITH CHECK (true);
CREATE POLICY users_platform ON coulisse.users TO coulisse_platform USING (true)
    WITH CHECK (true);
CREATE POLICY videos_platform ON coulisse.videos TO coulisse_platform USING (true)
    WITH CHECK (true);
CREATE POLICY tag_groups_platform ON coulisse.tag_groups FOR SELECT TO coulisse_platform
    USING (true);
CREATE POLICY tags_platform ON coulisse.tags FOR SELECT TO coulisse_platform USING (true);

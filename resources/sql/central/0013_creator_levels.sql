-- Coulisse central store, schema version 13: creator growth levels (docs/levels.md).
--   * level_ladders: the ladder as versioned data (JSON: levels with a rule over creator
--     metrics and the resources they grant). A product manager saves a new version; under the
--     approval policy (pm, levels) it waits for a second person, else it is active at once.
--     Exactly one version is active; versions are never rewritten.
--   * creator_catalogue: per creator and publishing day, the videos, featured videos and
--     their play counter; kept by statement triggers on videos (imports, the platform, staff).
--   * creator_activity: per creator and day, plays of their videos, whether they were active,
--     followers gained less those lost; recomputed by levels_refresh() for the days that got
--     events since the last refresh (the events' triggers mark them).
--   * creator_levels: each creator's metrics as of the last complete day, level and progress
--     under the active ladder; a row is rewritten only when something in it changed
--     (refresh_id says when: caches take the rows after their cursor).
--   * level_distribution: creators per level per day, with the ladder version that placed
--     them; a new version adds rows and never rewrites an older day's.
--   * level_refreshes: every change of levels (a refresh, a ladder saved or decided, a
--     backfill), the cursor caches follow.
-- The rules are evaluated in SQL by level_standing(), exactly as LevelLadder does in C++
-- (same float8 arithmetic), so that the what-if preview of a cache equals what a save gives.

SET LOCAL ROLE coulisse_owner;

---------------------------------------------------------------------------------------------
-- Ladders.
---------------------------------------------------------------------------------------------
CREATE TABLE coulisse.level_ladders (
    version      integer     PRIMARY KEY,
    ladder       jsonb       NOT NULL,
    note         text        NOT NULL DEFAULT '',
    state        text        NOT NULL,
    created_by   text        NOT NULL DEFAULT session_user,
    created_at   timestamptz NOT NULL DEFAULT now(),
    decided_by   text,
    decided_at   timestamptz,
    -- Why it was approved or rejected (the decider's words; the note stays the author's).
    decision_note text       NOT NULL DEFAULT '',
    activated_at timestamptz,
    row_version  bigint      NOT NULL DEFAULT 1,
    CONSTRAINT level_ladders_version_positive CHECK (version > 0),
    CONSTRAINT level_ladders_state
        CHECK (state IN ('pending', 'active', 'retired', 'rejected', 'withdrawn')),
    CONSTRAINT level_ladders_note_length CHECK (length(note) <= 2000),
    CONSTRAINT level_ladders_decision_note_length CHECK (length(decision_note) <= 1000),
    CONSTRAINT level_ladders_activated_when_used
        CHECK ((state IN ('active', 'retired')) = (activated_at IS NOT NULL)),
    -- Approved or rejected by someone else; only the author withdraws.
    CONSTRAINT level_ladders_four_eyes
        CHECK (decided_by IS NULL OR (state = 'withdrawn') = (decided_by = created_by))
);
CREATE UNIQUE INDEX level_ladders_one_active ON coulisse.level_ladders (state)
    WHERE state = 'active';
CREATE UNIQUE INDEX level_ladders_one_pending ON coulisse.level_ladders (state)
    WHERE state = 'pending';
CREATE TRIGGER level_ladders_row_version BEFORE UPDATE ON coulisse.level_ladders
    FOR EACH ROW EXECUTE FUNCTION coulisse.bump_row_version();
CREATE TRIGGER level_ladders_audit_insert AFTER INSERT ON coulisse.level_ladders
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.audit_rows('version');
CREATE TRIGGER level_ladders_audit_update AFTER UPDATE ON coulisse.level_ladders
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.audit_rows('version');
-- Versions are history: nobody deletes one.
CREATE FUNCTION coulisse.refuse_ladder_delete() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'ladder versions are kept: save a new version instead'
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER level_ladders_no_delete BEFORE DELETE ON coulisse.level_ladders
    FOR EACH STATEMENT EXECUTE FUNCTION coulisse.refuse_ladder_delete();

ALTER TABLE coulisse.approval_policy DROP CONSTRAINT approval_policy_role_check;
ALTER TABLE coulisse.approval_policy ADD CONSTRAINT approval_policy_role_check
    CHECK (role IN ('editor', 'supervisor', 'pm', 'admin'));
ALTER TABLE coulisse.approval_policy DROP CONSTRAINT approval_policy_kind_check;
ALTER TABLE coulisse.approval_policy ADD CONSTRAINT approval_policy_kind_check
    CHECK (kind IN ('video_tags', 'game_tags', 'tags', 'tag_groups', 'games', 'releases',
                    'levels'));
INSERT INTO coulisse.approval_policy (role, kind, requires_review) VALUES ('pm', 'levels', true);

---------------------------------------------------------------------------------------------
-- The rules: checked and evaluated like LevelLadder (models/levelladder.cpp).
---------------------------------------------------------------------------------------------
CREATE FUNCTION coulisse.level_rule_error(p_rule jsonb, p_path text, p_depth integer)
RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_kind   text;
    v_error  text;
    v_metric text;
    v_key    text;
    i        integer;
BEGIN
    IF p_depth > 8 THEN
        RETURN p_path || ': rules nest at most 8 deep';
    END IF;
    IF jsonb_typeof(p_rule) IS DISTINCT FROM 'object' THEN
        RETURN p_path || ': not a rule';
    END IF;
    IF p_rule ? 'all' OR p_rule ? 'any' THEN
        IF p_rule ? 'all' AND p_rule ? 'any' THEN
            RETURN p_path || ': a rule is "all" or "any", not both';
        END IF;
        v_kind := CASE WHEN p_rule ? 'all' THEN 'all' ELSE 'any' END;
        SELECT k INTO v_key FROM jsonb_object_keys(p_rule) k WHERE k <> v_kind ORDER BY k LIMIT 1;
        IF v_key IS NOT NULL THEN
            RETURN format('%s: unknown key "%s"', p_path, v_key);
        END IF;
        IF jsonb_typeof(p_rule -> v_kind) <> 'array' OR jsonb_array_length(p_rule -> v_kind) = 0
        THEN
            RETURN p_path || '.' || v_kind || ': a non-empty list of rules';
        END IF;
        FOR i IN 0 .. jsonb_array_length(p_rule -> v_kind) - 1 LOOP
            v_error := coulisse.level_rule_error(p_rule -> v_kind -> i,
                                                 format('%s.%s[%s]', p_path, v_kind, i),
                                                 p_depth + 1);
            IF v_error IS NOT NULL THEN
                RETURN v_error;
            END IF;
        END LOOP;
        RETURN NULL;
    END IF;
    v_metric := p_rule ->> 'metric';
    IF v_metric IS NULL OR v_metric NOT IN ('videos', 'plays', 'featured', 'featured_rate',
                                            'active_days', 'followers') THEN
        RETURN format('%s: unknown metric "%s"', p_path, coalesce(v_metric, ''));
    END IF;
    IF jsonb_typeof(p_rule -> 'window') IS DISTINCT FROM 'number'
       OR (p_rule ->> 'window')::numeric NOT IN (30, 90, 365, 0) THEN
        RETURN p_path || ': the window is 30, 90 or 365 days, or 0 for all time';
    END IF;
    -- (Tiny non-zero numbers are refused too: a double cannot hold them.)
    IF jsonb_typeof(p_rule -> 'min') IS DISTINCT FROM 'number'
       OR (p_rule ->> 'min')::numeric < 0
       OR (p_rule ->> 'min')::numeric > 1e15
       OR ((p_rule ->> 'min')::numeric > 0 AND (p_rule ->> 'min')::numeric < 1e-300)
       OR (v_metric = 'featured_rate' AND (p_rule ->> 'min')::numeric > 1) THEN
        RETURN CASE WHEN v_metric = 'featured_rate'
                    THEN p_path || ': the minimum of a rate is from 0 to 1'
                    ELSE p_path || ': the minimum is a number from 0 to 10^15' END;
    END IF;
    SELECT k INTO v_key FROM jsonb_object_keys(p_rule) k
    WHERE k NOT IN ('metric', 'window', 'min') LIMIT 1;
    IF v_key IS NOT NULL THEN
        RETURN format('%s: unknown key "%s"', p_path, v_key);
    END IF;
    RETURN NULL;
END
$$;

-- NULL when the ladder is good, else the place and the reason.
CREATE FUNCTION coulisse.level_ladder_error(p_ladder jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_level jsonb;
    v_error text;
    v_path  text;
    i       integer;
BEGIN
    IF jsonb_typeof(p_ladder) IS DISTINCT FROM 'object'
       OR jsonb_typeof(p_ladder -> 'levels') IS DISTINCT FROM 'array'
       OR jsonb_array_length(p_ladder -> 'levels') = 0 THEN
        RETURN 'levels: a ladder has at least one level';
    END IF;
    IF jsonb_array_length(p_ladder -> 'levels') > 100 THEN
        RETURN 'levels: a ladder has at most 100 levels';
    END IF;
    FOR i IN 0 .. jsonb_array_length(p_ladder -> 'levels') - 1 LOOP
        v_level := p_ladder -> 'levels' -> i;
        v_path := format('levels[%s]', i);
        IF jsonb_typeof(v_level) IS DISTINCT FROM 'object'
           OR jsonb_typeof(v_level -> 'level') IS DISTINCT FROM 'number'
           OR (v_level ->> 'level')::numeric <> i + 1 THEN
            RETURN format('%s: levels are numbered 1, 2, 3… in order (expected %s)', v_path,
                          i + 1);
        END IF;
        -- A name is a text with something besides white space (QChar::isSpace, as
        -- LevelLadder trims it).
        IF NOT EXISTS (SELECT 1 FROM unnest(ARRAY['name_zh', 'name_en']) k
                       WHERE jsonb_typeof(v_level -> k) = 'string'
                         AND btrim(v_level ->> k, E' \t\n\x0b\f\r\u0085\u00a0\u1680\u2000\u2001'
                                   '\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a'
                                   '\u2028\u2029\u202f\u205f\u3000') <> '') THEN
            RETURN v_path || ': a level has a name';
        END IF;
        IF EXISTS (SELECT 1 FROM unnest(ARRAY['name_zh', 'name_en']) k
                   WHERE jsonb_typeof(v_level -> k) = 'string' AND length(v_level ->> k) > 100) THEN
            RETURN v_path || ': a name has at most 100 characters';
        END IF;
        IF v_level ? 'resources' AND (jsonb_typeof(v_level -> 'resources') <> 'array'
           OR EXISTS (SELECT 1 FROM jsonb_array_elements(v_level -> 'resources') r
                      WHERE jsonb_typeof(r) <> 'string')) THEN
            RETURN v_path || '.resources: a list of texts';
        END IF;
        IF jsonb_array_length(coalesce(v_level -> 'resources', '[]')) > 50
           OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(v_level -> 'resources') r
                      WHERE length(r) > 200) THEN
            RETURN v_path || '.resources: at most 50, of at most 200 characters each';
        END IF;
        v_error := coulisse.level_rule_error(coalesce(v_level -> 'rule', '{}'),
                                             v_path || '.rule', 0);
        IF v_error IS NOT NULL THEN
            RETURN v_error;
        END IF;
        -- Every part of the rule is an object (a criterion, an "all" or an "any").
        IF (SELECT count(*) FROM jsonb_path_query(coalesce(v_level -> 'rule', '{}'),
                                                  'strict $.** ? (@.type() == "object")')) > 50
        THEN
            RETURN v_path || '.rule: a rule has at most 50 parts';
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

-- The stats key a criterion reads: "metric:window" ("plays:30").
CREATE FUNCTION coulisse.level_stat_key(p_rule jsonb) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT (p_rule ->> 'metric') || ':' || ((p_rule ->> 'window')::numeric)::integer
$$;

CREATE FUNCTION coulisse.level_rule_holds(p_rule jsonb, p_stats jsonb) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_part jsonb;
BEGIN
    IF p_rule ? 'all' THEN
        FOR v_part IN SELECT value FROM jsonb_array_elements(p_rule -> 'all') LOOP
            IF NOT coulisse.level_rule_holds(v_part, p_stats) THEN
                RETURN false;
            END IF;
        END LOOP;
        RETURN true;
    ELSIF p_rule ? 'any' THEN
        FOR v_part IN SELECT value FROM jsonb_array_elements(p_rule -> 'any') LOOP
            IF coulisse.level_rule_holds(v_part, p_stats) THEN
                RETURN true;
            END IF;
        END LOOP;
        RETURN false;
    END IF;
    RETURN coalesce((p_stats ->> coulisse.level_stat_key(p_rule))::float8,
                    0) >= (p_rule ->> 'min')::float8;
END
$$;

-- Progress towards a rule, 0-1: a criterion's value over its minimum, the least part of an
-- "all", the greatest of an "any".
CREATE FUNCTION coulisse.level_rule_progress(p_rule jsonb, p_stats jsonb) RETURNS float8
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_part   jsonb;
    v_result float8;
    v_min    float8;
    v_value  float8;
BEGIN
    IF p_rule ? 'all' THEN
        v_result := 1;
        FOR v_part IN SELECT value FROM jsonb_array_elements(p_rule -> 'all') LOOP
            v_result := least(v_result, coulisse.level_rule_progress(v_part, p_stats));
        END LOOP;
        RETURN v_result;
    ELSIF p_rule ? 'any' THEN
        v_result := 0;
        FOR v_part IN SELECT value FROM jsonb_array_elements(p_rule -> 'any') LOOP
            v_result := greatest(v_result, coulisse.level_rule_progress(v_part, p_stats));
        END LOOP;
        RETURN v_result;
    END IF;
    v_min := (p_rule ->> 'min')::float8;
    IF v_min <= 0 THEN
        RETURN 1;
    END IF;
    v_value := coalesce((p_stats ->> coulisse.level_stat_key(p_rule))::float8, 0);
    -- Divided only below the minimum: the quotient is then less than 1 (no overflow).
    RETURN CASE WHEN v_value >= v_min THEN 1 ELSE greatest(0, v_value / v_min) END;
END
$$;

-- The highest level whose rule holds with those of every level below it, and the progress
-- towards the next (1 at the top).
CREATE FUNCTION coulisse.level_standing(p_ladder jsonb, p_stats jsonb, OUT level integer,
                                        OUT progress float8)
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_count integer := jsonb_array_length(p_ladder -> 'levels');
BEGIN
    level := 0;
    WHILE level < v_count
          AND coulisse.level_rule_holds(p_ladder -> 'levels' -> level -> 'rule', p_stats) LOOP
        level := level + 1;
    END LOOP;
    progress := CASE WHEN level >= v_count THEN 1
                     ELSE coulisse.level_rule_progress(p_ladder -> 'levels' -> level -> 'rule',
                                                       p_stats) END;
END
$$;

---------------------------------------------------------------------------------------------
-- Daily facts per creator.
---------------------------------------------------------------------------------------------
CREATE TABLE coulisse.creator_catalogue (
    user_id   bigint  NOT NULL REFERENCES coulisse.users (id) ON DELETE CASCADE,
    day       date    NOT NULL,
    published integer NOT NULL,
    featured  integer NOT NULL,
    plays     bigint  NOT NULL,
    PRIMARY KEY (user_id, day)
);
CREATE TABLE coulisse.creator_activity (
    user_id bigint  NOT NULL REFERENCES coulisse.users (id) ON DELETE CASCADE,
    day     date    NOT NULL,
    plays   bigint  NOT NULL DEFAULT 0,
    active  boolean NOT NULL DEFAULT false,
    follows integer NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, day)
);
CREATE INDEX creator_activity_day ON coulisse.creator_activity (day);

-- What the daily facts were built with; a changed time zone or definition rebuilds them, and
-- so does built = false (a bulk load that bypassed the triggers).
CREATE TABLE coulisse.level_state (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    time_zone   text,
    definitions jsonb,
    built       boolean NOT NULL DEFAULT false
);
INSERT INTO coulisse.level_state DEFAULT VALUES;
CREATE TABLE coulisse.level_dirty_days (
    day date PRIMARY KEY
);

-- A refresh that takes the dirty days waits first for the writers that marked days and have
-- not committed: their events are then visible to its count. (A writer's mark that found the
-- day marked already adds nothing, so without the wait a refresh could take the day, count it
-- without the writer's events, and the day be counted never again.) Writers that come after
-- wait for the refresh and mark the day again. Writers never wait for each other.
CREATE FUNCTION coulisse.dirty_days_wait_for_writers() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    EXECUTE format('LOCK TABLE %I.%I IN SHARE MODE', TG_TABLE_SCHEMA, TG_TABLE_NAME);
    RETURN NULL;
END
$$;
CREATE TRIGGER level_dirty_days_wait BEFORE DELETE ON coulisse.level_dirty_days
    FOR EACH STATEMENT EXECUTE FUNCTION coulisse.dirty_days_wait_for_writers();
CREATE TRIGGER metric_dirty_days_wait BEFORE DELETE ON coulisse.metric_dirty_days
    FOR EACH STATEMENT EXECUTE FUNCTION coulisse.dirty_days_wait_for_writers();

-- Videos changed: their creators' publishing days change by the difference. Bulk loads in
-- replica mode skip this; levels_refresh(full => true) rebuilds from the table. (One function
-- for the three triggers: the transition tables each has are read by dynamic SQL.)
CREATE FUNCTION coulisse.creator_catalogue_apply() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_tz    text := (SELECT s.time_zone FROM coulisse.metric_settings s);
    v_delta text;
    v_moved date;
BEGIN
    IF NOT (SELECT s.built FROM coulisse.level_state s) THEN
        RETURN NULL; -- the first refresh builds everything
    END IF;
    v_delta := CASE TG_OP
        WHEN 'INSERT' THEN
            'SELECT uploader_id, published_at, 1 AS sign, featured, plays FROM new_rows'
        WHEN 'DELETE' THEN
            'SELECT uploader_id, published_at, -1 AS sign, featured, plays FROM old_rows'
        ELSE
            'SELECT x.* FROM old_rows o JOIN new_rows n ON n.id = o.id '
            'CROSS JOIN LATERAL (VALUES (o.uploader_id, o.published_at, -1, o.featured, o.plays), '
            '                           (n.uploader_id, n.published_at, 1, n.featured, n.plays)) '
            '    x (uploader_id, published_at, sign, featured, plays) '
            'WHERE (o.uploader_id, o.published_at, o.featured, o.plays) IS DISTINCT FROM '
            '      (n.uploader_id, n.published_at, n.featured, n.plays)'
    END;
    EXECUTE format(
        'INSERT INTO coulisse.creator_catalogue AS c (user_id, day, published, featured, plays) '
        'SELECT d.uploader_id, (d.published_at AT TIME ZONE $1)::date, sum(d.sign)::integer, '
        '       sum(d.sign * d.featured::integer)::integer, sum(d.sign * d.plays)::bigint '
        'FROM (%s) d '
        'WHERE d.uploader_id IS NOT NULL '
        '  AND EXISTS (SELECT 1 FROM coulisse.users u WHERE u.id = d.uploader_id) '
        'GROUP BY 1, 2 ORDER BY 1, 2 '
        'ON CONFLICT (user_id, day) DO UPDATE '
        'SET published = c.published + excluded.published, '
        '    featured = c.featured + excluded.featured, plays = c.plays + excluded.plays',
        v_delta) USING v_tz;
    -- A video that changed hands takes its plays along, a deleted one takes them away, and one
    -- that comes after its plays were imported brings them: its days since publication are
    -- counted again for the creators (at most the last 366, all the windows read).
    IF TG_OP = 'UPDATE' THEN
        SELECT min((least(o.published_at, n.published_at) AT TIME ZONE v_tz)::date) INTO v_moved
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE o.uploader_id IS DISTINCT FROM n.uploader_id;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT min((n.published_at AT TIME ZONE v_tz)::date) INTO v_moved
        FROM new_rows n WHERE n.uploader_id IS NOT NULL;
    ELSE
        SELECT min((o.published_at AT TIME ZONE v_tz)::date) INTO v_moved
        FROM old_rows o WHERE o.uploader_id IS NOT NULL;
    END IF;
    IF v_moved IS NOT NULL THEN
        INSERT INTO coulisse.level_dirty_days (day)
        SELECT d::date FROM generate_series(
            greatest(v_moved, (now() AT TIME ZONE v_tz)::date - 366),
            (now() AT TIME ZONE v_tz)::date, interval '1 day') d
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER videos_creator_insert AFTER INSERT ON coulisse.videos
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.creator_catalogue_apply();
CREATE TRIGGER videos_creator_update AFTER UPDATE ON coulisse.videos
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.creator_catalogue_apply();
CREATE TRIGGER videos_creator_delete AFTER DELETE ON coulisse.videos
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.creator_catalogue_apply();

-- Users who become creators (a viewer who starts publishing, or a creator written after their
-- events): their days since they registered are counted again at the next refresh (active days
-- and followers count all time; the days were counted without them).
CREATE FUNCTION coulisse.users_mark_level_days() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_tz   text := (SELECT s.time_zone FROM coulisse.metric_settings s);
    v_from date;
BEGIN
    IF NOT (SELECT s.built FROM coulisse.level_state s) THEN
        RETURN NULL; -- the first refresh builds everything
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT min((n.registered_at AT TIME ZONE v_tz)::date) INTO v_from
        FROM new_rows n WHERE n.kind = 'creator';
    ELSE
        SELECT min((n.registered_at AT TIME ZONE v_tz)::date) INTO v_from
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE n.kind = 'creator' AND o.kind <> 'creator';
    END IF;
    IF v_from IS NOT NULL THEN
        INSERT INTO coulisse.level_dirty_days (day)
        SELECT d::date FROM coulisse.metric_state m,
               generate_series(greatest(v_from, (m.events_from AT TIME ZONE v_tz)::date),
                               (now() AT TIME ZONE v_tz)::date, interval '1 day') d
        WHERE m.events_from IS NOT NULL
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER users_level_insert AFTER INSERT ON coulisse.users
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.users_mark_level_days();
CREATE TRIGGER users_level_update AFTER UPDATE ON coulisse.users
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.users_mark_level_days();

-- Events inserted or deleted: their days are counted again at the next refresh.
CREATE FUNCTION coulisse.events_mark_level_days() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_tz   text := (SELECT s.time_zone FROM coulisse.metric_settings s);
    v_from timestamptz;
    v_to   timestamptz;
BEGIN
    SELECT min(r.at), max(r.at) INTO v_from, v_to FROM changed_rows r;
    IF v_from IS NOT NULL THEN
        INSERT INTO coulisse.level_dirty_days (day)
        SELECT d::date FROM generate_series((v_from AT TIME ZONE v_tz)::date,
                                            (v_to AT TIME ZONE v_tz)::date, interval '1 day') d
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER events_mark_level_inserted AFTER INSERT ON coulisse.events
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.events_mark_level_days();
CREATE TRIGGER events_mark_level_deleted AFTER DELETE ON coulisse.events
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.events_mark_level_days();

-- An id in an event's properties (a number or a string of digits), NULL otherwise.
CREATE FUNCTION coulisse.level_event_id(p_properties jsonb, p_key text) RETURNS bigint
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN p_properties ->> p_key ~ '^[0-9]{1,18}$' THEN (p_properties ->> p_key)::bigint
           END
$$;

-- The definitions the daily facts follow (internal): the newest version of plays (the play
-- event and the property naming the video) and of active users (the events that count).
-- levels_refresh counts every day again when one of them has a new version.
CREATE FUNCTION coulisse.level_definitions() RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT jsonb_object_agg(d.definition, jsonb_build_object('version', d.version,
                                                             'params', d.params))
    FROM (SELECT DISTINCT ON (definition) definition, version, params
          FROM coulisse.metric_definitions
          WHERE definition IN ('plays', 'active_users')
          ORDER BY definition, version DESC) d
$$;

-- Counts again the creators' plays, active days and followers of days p_days (internal),
-- a run of consecutive days at a time (the events between two far apart days are not read).
-- Plays follow the plays definition's event, active days the active-users definition's
-- events (its "include" list when it has one, less its "exclude" list); follows are
-- user_follow and user_unfollow events with the followed creator in "creator_id".
CREATE FUNCTION coulisse.creator_activity_count(p_days date[], p_tz text,
                                                p_definitions jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_plays   jsonb := coalesce(p_definitions #> '{plays,params}', '{}');
    v_active  jsonb := coalesce(p_definitions #> '{active_users,params}', '{}');
    v_include text[] := CASE WHEN v_active ? 'include'
                             THEN ARRAY(SELECT jsonb_array_elements_text(v_active -> 'include'))
                        END;
    v_exclude text[] := ARRAY(SELECT jsonb_array_elements_text(
                                  coalesce(v_active -> 'exclude', '[]')));
    v_play    text := coalesce(v_plays ->> 'play_event', 'video_play');
    v_video   text := coalesce(v_plays ->> 'video_property', 'video_id');
    v_from    date;
    v_to      date;
    v_lo      timestamptz;
    v_hi      timestamptz;
BEGIN
    DELETE FROM coulisse.creator_activity WHERE day = ANY (p_days);
    FOR v_from, v_to IN
        SELECT min(x.d), max(x.d)
        FROM (SELECT d, d - (row_number() OVER (ORDER BY d))::integer AS run
              FROM (SELECT DISTINCT d FROM unnest(p_days) d WHERE d IS NOT NULL) u) x
        GROUP BY x.run ORDER BY 1
    LOOP
        v_lo := v_from::timestamp AT TIME ZONE p_tz;
        v_hi := (v_to + 1)::timestamp AT TIME ZONE p_tz;
        INSERT INTO coulisse.creator_activity (user_id, day, plays, active, follows)
        SELECT x.user_id, x.day, sum(x.plays), bool_or(x.active), sum(x.follows)
        FROM (
            SELECT e.user_id, (e.at AT TIME ZONE p_tz)::date AS day, 0::bigint AS plays,
                   true AS active, 0 AS follows
            FROM coulisse.events e
            WHERE e.at >= v_lo AND e.at < v_hi
              AND (v_include IS NULL OR e.name = ANY (v_include)) AND e.name <> ALL (v_exclude)
            GROUP BY 1, 2
            UNION ALL
            SELECT v.uploader_id, (e.at AT TIME ZONE p_tz)::date, count(*), false, 0
            FROM coulisse.events e
            JOIN coulisse.videos v ON v.id = coulisse.level_event_id(e.properties, v_video)
            WHERE e.at >= v_lo AND e.at < v_hi AND e.name = v_play
              AND v.uploader_id IS NOT NULL
            GROUP BY 1, 2
            UNION ALL
            SELECT coulisse.level_event_id(e.properties, 'creator_id'),
                   (e.at AT TIME ZONE p_tz)::date, 0, false,
                   sum(CASE WHEN e.name = 'user_follow' THEN 1 ELSE -1 END)::integer
            FROM coulisse.events e
            WHERE e.at >= v_lo AND e.at < v_hi AND e.name IN ('user_follow', 'user_unfollow')
            GROUP BY 1, 2
        ) x
        JOIN coulisse.users u ON u.id = x.user_id AND u.kind = 'creator'
        WHERE x.day BETWEEN v_from AND v_to
        GROUP BY 1, 2;
    END LOOP;
END
$$;

-- Every creator's metrics as of day p_day (included): windows of 30, 90 and 365 days ending
-- with it, and all time. videos and featured count the creator's videos published then (the
-- catalogue); plays:W the play events of their videos, plays:0 the platform's play counter of
-- all their videos; active_days the days with an active event; followers the follows less the
-- unfollows; featured_rate = featured / videos (0 without videos).
CREATE FUNCTION coulisse.creator_stats_at(p_day date)
RETURNS TABLE (user_id bigint, stats jsonb)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    WITH c AS (
        SELECT c.user_id,
               sum(c.published) FILTER (WHERE c.day > p_day - 30) AS v30,
               sum(c.published) FILTER (WHERE c.day > p_day - 90) AS v90,
               sum(c.published) FILTER (WHERE c.day > p_day - 365) AS v365,
               sum(c.published) AS v0,
               sum(c.featured) FILTER (WHERE c.day > p_day - 30) AS f30,
               sum(c.featured) FILTER (WHERE c.day > p_day - 90) AS f90,
               sum(c.featured) FILTER (WHERE c.day > p_day - 365) AS f365,
               sum(c.featured) AS f0,
               sum(c.plays) AS p0
        FROM coulisse.creator_catalogue c
        WHERE c.day <= p_day
        GROUP BY c.user_id
    ), a AS (
        SELECT a.user_id,
               sum(a.plays) FILTER (WHERE a.day > p_day - 30) AS p30,
               sum(a.plays) FILTER (WHERE a.day > p_day - 90) AS p90,
               sum(a.plays) FILTER (WHERE a.day > p_day - 365) AS p365,
               count(*) FILTER (WHERE a.active AND a.day > p_day - 30) AS d30,
               count(*) FILTER (WHERE a.active AND a.day > p_day - 90) AS d90,
               count(*) FILTER (WHERE a.active AND a.day > p_day - 365) AS d365,
               count(*) FILTER (WHERE a.active) AS d0,
               sum(a.follows) FILTER (WHERE a.day > p_day - 30) AS fo30,
               sum(a.follows) FILTER (WHERE a.day > p_day - 90) AS fo90,
               sum(a.follows) FILTER (WHERE a.day > p_day - 365) AS fo365,
               sum(a.follows) AS fo0
        FROM coulisse.creator_activity a
        WHERE a.day <= p_day
        GROUP BY a.user_id
    ), n AS (
        SELECT u.id,
               coalesce(c.v30, 0) AS v30, coalesce(c.v90, 0) AS v90,
               coalesce(c.v365, 0) AS v365, coalesce(c.v0, 0) AS v0,
               coalesce(c.f30, 0) AS f30, coalesce(c.f90, 0) AS f90,
               coalesce(c.f365, 0) AS f365, coalesce(c.f0, 0) AS f0,
               coalesce(a.p30, 0) AS p30, coalesce(a.p90, 0) AS p90,
               coalesce(a.p365, 0) AS p365, coalesce(c.p0, 0) AS p0,
               coalesce(a.d30, 0) AS d30, coalesce(a.d90, 0) AS d90,
               coalesce(a.d365, 0) AS d365, coalesce(a.d0, 0) AS d0,
               coalesce(a.fo30, 0) AS fo30, coalesce(a.fo90, 0) AS fo90,
               coalesce(a.fo365, 0) AS fo365, coalesce(a.fo0, 0) AS fo0
        FROM coulisse.users u
        LEFT JOIN c ON c.user_id = u.id
        LEFT JOIN a ON a.user_id = u.id
        WHERE u.kind = 'creator'
    )
    SELECT n.id, jsonb_build_object(
        'videos:30', n.v30, 'videos:90', n.v90, 'videos:365', n.v365, 'videos:0', n.v0,
        'featured:30', n.f30, 'featured:90', n.f90, 'featured:365', n.f365, 'featured:0', n.f0,
        'featured_rate:30', CASE WHEN n.v30 > 0 THEN n.f30::float8 / n.v30 ELSE 0 END,
        'featured_rate:90', CASE WHEN n.v90 > 0 THEN n.f90::float8 / n.v90 ELSE 0 END,
        'featured_rate:365', CASE WHEN n.v365 > 0 THEN n.f365::float8 / n.v365 ELSE 0 END,
        'featured_rate:0', CASE WHEN n.v0 > 0 THEN n.f0::float8 / n.v0 ELSE 0 END,
        'plays:30', n.p30, 'plays:90', n.p90, 'plays:365', n.p365, 'plays:0', n.p0,
        'active_days:30', n.d30, 'active_days:90', n.d90, 'active_days:365', n.d365,
        'active_days:0', n.d0,
        'followers:30', n.fo30, 'followers:90', n.fo90, 'followers:365', n.fo365,
        'followers:0', n.fo0)
    FROM n
$$;

---------------------------------------------------------------------------------------------
-- Levels.
---------------------------------------------------------------------------------------------
CREATE TABLE coulisse.level_refreshes (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           text        NOT NULL,
    at             timestamptz NOT NULL DEFAULT now(),
    by_user        text        NOT NULL DEFAULT session_user,
    as_of          date,
    ladder_version integer     REFERENCES coulisse.level_ladders (version),
    creators       integer     NOT NULL DEFAULT 0,
    changed        integer     NOT NULL DEFAULT 0,
    -- Rows left creator_levels: a cache takes every row again.
    full_sync      boolean     NOT NULL DEFAULT false,
    CONSTRAINT level_refreshes_kind CHECK (kind IN ('refresh', 'ladder', 'backfill'))
);

CREATE TABLE coulisse.creator_levels (
    user_id        bigint  PRIMARY KEY REFERENCES coulisse.users (id) ON DELETE CASCADE,
    stats          jsonb   NOT NULL,
    level          integer NOT NULL,
    progress       float8  NOT NULL,
    ladder_version integer REFERENCES coulisse.level_ladders (version),
    refresh_id     bigint  NOT NULL,
    CONSTRAINT creator_levels_level_positive CHECK (level >= 0),
    CONSTRAINT creator_levels_progress_range CHECK (progress BETWEEN 0 AND 1)
);
CREATE INDEX creator_levels_refresh ON coulisse.creator_levels (refresh_id);

-- Creators per level on a day, as the version named placed them. A day keeps the rows of each
-- version that placed it.
CREATE TABLE coulisse.level_distribution (
    day            date    NOT NULL,
    ladder_version integer NOT NULL REFERENCES coulisse.level_ladders (version),
    level          integer NOT NULL,
    creators       integer NOT NULL,
    refresh_id     bigint  NOT NULL,
    PRIMARY KEY (day, ladder_version, level)
);

-- Rows that leave creator_levels with their user (ON DELETE CASCADE) are noted here; the next
-- refresh or ladder change, which holds the levels lock, announces them (full_sync) so that
-- caches take every row again. (Noted, not announced at once: refreshes are numbered in the
-- order they commit, which a deletion cannot promise without waiting for a running refresh.
-- Meanwhile a cache keeps a row of a user it no longer has, which nothing shows.)
CREATE TABLE coulisse.level_removals (
    user_id bigint      NOT NULL,
    at      timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION coulisse.creator_levels_removed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO coulisse.level_removals (user_id) SELECT g.user_id FROM gone_rows g;
    RETURN NULL;
END
$$;
CREATE TRIGGER creator_levels_removed AFTER DELETE ON coulisse.creator_levels
    REFERENCING OLD TABLE AS gone_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.creator_levels_removed();

CREATE FUNCTION coulisse.require_level_role(p_roles text[], p_message text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF coulisse.session_role() IS NULL OR NOT coulisse.session_role() = ANY (p_roles) THEN
        RAISE EXCEPTION '%', p_message USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

-- The distribution of day p_day under version p_version, from the creators' stats of that day
-- (internal).
CREATE FUNCTION coulisse.level_distribute(p_refresh bigint, p_day date, p_version integer,
                                          p_ladder jsonb)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    DELETE FROM coulisse.level_distribution WHERE day = p_day AND ladder_version = p_version;
    INSERT INTO coulisse.level_distribution (day, ladder_version, level, creators, refresh_id)
    SELECT p_day, p_version, st.level, count(*), p_refresh
    FROM coulisse.creator_stats_at(p_day) s
    CROSS JOIN LATERAL coulisse.level_standing(p_ladder, s.stats) st
    GROUP BY st.level;
END
$$;

-- Places every creator under the active ladder (internal): with their stats as of p_as_of
-- computed again (p_restat), or with the stats they have. Writes only the rows that change,
-- and the distribution of the day.
CREATE FUNCTION coulisse.level_place(p_refresh bigint, p_as_of date, p_restat boolean)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_version integer;
    v_ladder  jsonb;
    v_changed integer;
    v_gone    integer;
BEGIN
    SELECT l.version, l.ladder INTO v_version, v_ladder
    FROM coulisse.level_ladders l WHERE l.state = 'active';
    INSERT INTO coulisse.creator_levels AS c (user_id, stats, level, progress, ladder_version,
                                              refresh_id)
    SELECT s.user_id, s.stats, coalesce(st.level, 0), coalesce(st.progress, 0), v_version,
           p_refresh
    FROM (SELECT x.user_id, x.stats FROM coulisse.creator_stats_at(p_as_of) x WHERE p_restat
          UNION ALL
          SELECT l.user_id, l.stats FROM coulisse.creator_levels l WHERE NOT p_restat) s
    LEFT JOIN LATERAL coulisse.level_standing(v_ladder, s.stats) st ON v_ladder IS NOT NULL
    ON CONFLICT (user_id) DO UPDATE
    SET stats = excluded.stats, level = excluded.level, progress = excluded.progress,
        ladder_version = excluded.ladder_version, refresh_id = excluded.refresh_id
    WHERE (c.stats, c.level, c.progress, c.ladder_version)
          IS DISTINCT FROM (excluded.stats, excluded.level, excluded.progress,
                            excluded.ladder_version);
    GET DIAGNOSTICS v_changed = ROW_COUNT;
    DELETE FROM coulisse.creator_levels c
    WHERE NOT EXISTS (SELECT 1 FROM coulisse.users u WHERE u.id = c.user_id AND u.kind = 'creator');
    -- Those and the ones that left with their user since the last placing.
    WITH r AS (DELETE FROM coulisse.level_removals RETURNING 1)
    SELECT count(*) INTO v_gone FROM r;
    IF v_version IS NOT NULL AND p_as_of IS NOT NULL THEN
        DELETE FROM coulisse.level_distribution WHERE day = p_as_of AND ladder_version = v_version;
        INSERT INTO coulisse.level_distribution (day, ladder_version, level, creators, refresh_id)
        SELECT p_as_of, v_version, l.level, count(*), p_refresh
        FROM coulisse.creator_levels l GROUP BY l.level;
    END IF;
    UPDATE coulisse.level_refreshes r
    SET creators = (SELECT count(*) FROM coulisse.creator_levels), changed = v_changed + v_gone,
        full_sync = v_gone > 0, ladder_version = v_version
    WHERE r.id = p_refresh;
END
$$;

-- The day levels are as of by default: the last complete day of the project's time zone.
CREATE FUNCTION coulisse.level_default_day() RETURNS date
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT (now() AT TIME ZONE (SELECT s.time_zone FROM coulisse.metric_settings s))::date - 1
$$;

-- Brings the creators' daily facts up to date (the days with new events; everything with
-- p_full, on the first run, after a bulk load or a change of time zone or definition),
-- computes every creator's metrics as of p_as_of (default: yesterday; never before the day of
-- the previous refresh, nor a day not yet over) and places them under the active ladder.
-- Days since the previous refresh that have no distribution get one (at most 60), each under
-- the version active at its end. Product managers and admins. Returns the refresh's id.
CREATE FUNCTION coulisse.levels_refresh(p_as_of date DEFAULT NULL, p_full boolean DEFAULT false)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_tz      text := (SELECT s.time_zone FROM coulisse.metric_settings s);
    v_state   coulisse.level_state;
    v_latest  date := coulisse.level_default_day();
    v_as_of   date := coalesce(p_as_of, coulisse.level_default_day());
    v_defs    jsonb := coulisse.level_definitions();
    v_days    date[];
    v_id      bigint;
    v_last    date;
    v_version integer;
    v_ladder  jsonb;
    v_day     date;
BEGIN
    PERFORM coulisse.require_level_role(ARRAY['pm', 'admin'],
                                        'only a product manager or an admin refreshes levels');
    IF v_as_of > v_latest THEN
        RAISE EXCEPTION 'levels are as of a day that is over: % at the latest', v_latest
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('coulisse.levels'));
    SELECT r.as_of INTO v_last FROM coulisse.level_refreshes r
    WHERE r.kind = 'refresh' ORDER BY r.id DESC LIMIT 1;
    IF v_as_of < v_last THEN
        RAISE EXCEPTION 'levels are as of % already: the distribution of earlier days is '
                        'written by a backfill', v_last
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO v_state FROM coulisse.level_state FOR UPDATE;
    IF p_full OR NOT v_state.built OR v_state.time_zone IS DISTINCT FROM v_tz
       OR v_state.definitions IS DISTINCT FROM v_defs THEN
        -- Writers of videos wait for the rebuild: a change made meanwhile would be neither in
        -- the rebuilt table nor applied by the triggers.
        LOCK TABLE coulisse.videos IN SHARE MODE;
        DELETE FROM coulisse.creator_catalogue;
        INSERT INTO coulisse.creator_catalogue (user_id, day, published, featured, plays)
        SELECT v.uploader_id, (v.published_at AT TIME ZONE v_tz)::date, count(*),
               count(*) FILTER (WHERE v.featured), sum(v.plays)
        FROM coulisse.videos v
        WHERE v.uploader_id IS NOT NULL
        GROUP BY 1, 2;
        DELETE FROM coulisse.creator_activity;
        DELETE FROM coulisse.level_dirty_days;
        SELECT array_agg(d::date) INTO v_days
        FROM coulisse.metric_state m,
             generate_series((m.events_from AT TIME ZONE v_tz)::date,
                             (m.events_until AT TIME ZONE v_tz)::date, interval '1 day') d;
        UPDATE coulisse.level_state SET built = true, time_zone = v_tz, definitions = v_defs;
    ELSE
        WITH d AS (DELETE FROM coulisse.level_dirty_days RETURNING day)
        SELECT array_agg(d.day) INTO v_days FROM d;
    END IF;
    IF v_days IS NOT NULL THEN
        PERFORM coulisse.creator_activity_count(v_days, v_tz, v_defs);
    END IF;
    INSERT INTO coulisse.level_refreshes (kind, as_of) VALUES ('refresh', v_as_of)
    RETURNING id INTO v_id;
    PERFORM coulisse.level_place(v_id, v_as_of, true);
    IF v_last IS NOT NULL THEN
        FOR v_day IN SELECT d::date FROM generate_series(greatest(v_last + 1, v_as_of - 60),
                                                         v_as_of - 1, interval '1 day') d
        LOOP
            SELECT l.version, l.ladder INTO v_version, v_ladder
            FROM coulisse.level_ladders l
            WHERE l.activated_at < (v_day + 1)::timestamp AT TIME ZONE v_tz
            ORDER BY l.activated_at DESC LIMIT 1;
            IF v_version IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM coulisse.level_distribution x
                WHERE x.day = v_day AND x.ladder_version = v_version) THEN
                PERFORM coulisse.level_distribute(v_id, v_day, v_version, v_ladder);
            END IF;
        END LOOP;
    END IF;
    RETURN v_id;
END
$$;

-- The distribution of past days [p_from, p_to] every p_step days, each under the version
-- that was active at the end of that day; days that have it already are left as they are.
-- Returns the days written.
CREATE FUNCTION coulisse.levels_backfill(p_from date, p_to date, p_step integer DEFAULT 1)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_tz      text := (SELECT s.time_zone FROM coulisse.metric_settings s);
    v_day     date;
    v_ladder  coulisse.level_ladders;
    v_id      bigint;
    v_written integer := 0;
BEGIN
    PERFORM coulisse.require_level_role(ARRAY['pm', 'admin'],
                                        'only a product manager or an admin refreshes levels');
    IF p_from IS NULL OR p_to IS NULL OR p_to < p_from OR p_to - p_from > 3660
       OR p_step IS NULL OR p_step < 1 THEN
        RAISE EXCEPTION 'a backfill takes a range of at most ten years and a step of a day or more'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('coulisse.levels'));
    IF NOT (SELECT s.built FROM coulisse.level_state s) THEN
        RAISE EXCEPTION 'levels were never refreshed: refresh them first'
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    INSERT INTO coulisse.level_refreshes (kind, as_of) VALUES ('backfill', p_to)
    RETURNING id INTO v_id;
    FOR v_day IN SELECT d::date FROM generate_series(p_from, p_to, make_interval(days => p_step)) d
    LOOP
        SELECT * INTO v_ladder FROM coulisse.level_ladders l
        WHERE l.activated_at < (v_day + 1)::timestamp AT TIME ZONE v_tz
        ORDER BY l.activated_at DESC LIMIT 1;
        IF v_ladder.version IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM coulisse.level_distribution x
            WHERE x.day = v_day AND x.ladder_version = v_ladder.version) THEN
            PERFORM coulisse.level_distribute(v_id, v_day, v_ladder.version, v_ladder.ladder);
            v_written := v_written + 1;
        END IF;
    END LOOP;
    UPDATE coulisse.level_refreshes SET changed = v_written WHERE id = v_id;
    RETURN v_written;
END
$$;

---------------------------------------------------------------------------------------------
-- Saving and deciding ladders.
---------------------------------------------------------------------------------------------
-- Makes version p_version the active one and places every creator under it (internal).
CREATE FUNCTION coulisse.level_activate(p_version integer) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_id bigint;
BEGIN
    UPDATE coulisse.level_ladders SET state = 'retired' WHERE state = 'active';
    UPDATE coulisse.level_ladders SET state = 'active', activated_at = now()
    WHERE version = p_version;
    INSERT INTO coulisse.level_refreshes (kind, as_of, ladder_version)
    VALUES ('ladder', (SELECT r.as_of FROM coulisse.level_refreshes r
                       WHERE r.kind = 'refresh' ORDER BY r.id DESC LIMIT 1), p_version)
    RETURNING id INTO v_id;
    PERFORM coulisse.level_place(v_id, (SELECT r.as_of FROM coulisse.level_refreshes r
                                        WHERE r.id = v_id), false);
END
$$;

-- A product manager saves a new version of the ladder. Under the approval policy (pm, levels)
-- it waits for a second person; else it is active at once and every creator is placed again
-- with the metrics they have. p_base_version is the version the draft started from: when a
-- newer one became active meanwhile, the save is refused rather than undo it unseen.
-- Returns the version and its state.
CREATE FUNCTION coulisse.ladder_save(p_ladder jsonb, p_note text DEFAULT '',
                                     p_base_version integer DEFAULT NULL,
                                     OUT version integer, OUT state text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_error  text := coulisse.level_ladder_error(p_ladder);
    v_review boolean;
    v_other  integer;
BEGIN
    PERFORM coulisse.require_level_role(ARRAY['pm'],
                                        'only a product manager changes the level ladder');
    IF v_error IS NOT NULL THEN
        RAISE EXCEPTION 'the ladder is refused: %', v_error USING ERRCODE = 'check_violation';
    END IF;
    IF length(coalesce(p_note, '')) > 2000 THEN
        RAISE EXCEPTION 'a note has at most 2000 characters' USING ERRCODE = 'check_violation';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('coulisse.levels'));
    SELECT l.version INTO v_other FROM coulisse.level_ladders l
    WHERE l.state = 'active' AND l.version > p_base_version;
    IF v_other IS NOT NULL THEN
        RAISE EXCEPTION 'version % became active after your draft started from %: '
                        'start again from version %', v_other,
            CASE WHEN p_base_version = 0 THEN 'no active version'
                 ELSE 'version ' || p_base_version END, v_other
            USING ERRCODE = 'serialization_failure';
    END IF;
    SELECT l.version INTO v_other FROM coulisse.level_ladders l WHERE l.state = 'pending';
    IF v_other IS NOT NULL THEN
        RAISE EXCEPTION 'version % already waits for approval: have it decided or withdraw it',
            v_other USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    SELECT l.version INTO v_other FROM coulisse.level_ladders l
    WHERE l.state = 'active' AND l.ladder = p_ladder;
    IF v_other IS NOT NULL THEN
        RAISE EXCEPTION 'the ladder is the active version % already', v_other
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    v_review := coalesce((SELECT p.requires_review FROM coulisse.approval_policy p
                          WHERE p.role = 'pm' AND p.kind = 'levels'), true);
    version := coalesce((SELECT max(l.version) FROM coulisse.level_ladders l), 0) + 1;
    state := CASE WHEN v_review THEN 'pending' ELSE 'active' END;
    INSERT INTO coulisse.level_ladders (version, ladder, note, state)
    VALUES (version, p_ladder, coalesce(p_note, ''), 'pending');
    IF v_review THEN
        INSERT INTO coulisse.level_refreshes (kind, ladder_version) VALUES ('ladder', version);
    ELSE
        PERFORM coulisse.level_activate(version);
    END IF;
END
$$;

-- A second person (another product manager, or a supervisor) approves or rejects a version
-- waiting for approval; never its author. p_reason is kept as the decision's note.
CREATE FUNCTION coulisse.ladder_decide(p_version integer, p_approve boolean,
                                       p_reason text DEFAULT '')
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_author text;
BEGIN
    PERFORM coulisse.require_level_role(ARRAY['pm', 'supervisor'],
        'only a product manager or a supervisor decides on a ladder');
    PERFORM pg_advisory_xact_lock(hashtext('coulisse.levels'));
    SELECT l.created_by INTO v_author FROM coulisse.level_ladders l
    WHERE l.version = p_version AND l.state = 'pending' FOR UPDATE;
    IF v_author IS NULL THEN
        RAISE EXCEPTION 'version % waits for no approval', p_version
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF v_author = session_user THEN
        RAISE EXCEPTION 'a ladder is decided by someone other than its author'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF length(coalesce(p_reason, '')) > 1000 THEN
        RAISE EXCEPTION 'a reason has at most 1000 characters' USING ERRCODE = 'check_violation';
    END IF;
    UPDATE coulisse.level_ladders
    SET decided_by = session_user, decided_at = now(), decision_note = coalesce(p_reason, ''),
        state = CASE WHEN p_approve THEN 'pending' ELSE 'rejected' END
    WHERE version = p_version;
    IF p_approve THEN
        PERFORM coulisse.level_activate(p_version);
    ELSE
        INSERT INTO coulisse.level_refreshes (kind, ladder_version) VALUES ('ladder', p_version);
    END IF;
END
$$;

-- The author takes back a version waiting for approval.
CREATE FUNCTION coulisse.ladder_withdraw(p_version integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM coulisse.require_level_role(ARRAY['pm'],
                                        'only a product manager changes the level ladder');
    -- Refreshes are numbered in the order they commit (caches follow their ids).
    PERFORM pg_advisory_xact_lock(hashtext('coulisse.levels'));
    UPDATE coulisse.level_ladders
    SET state = 'withdrawn', decided_by = session_user, decided_at = now()
    WHERE version = p_version AND state = 'pending' AND created_by = session_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'version % is not yours waiting for approval', p_version
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    INSERT INTO coulisse.level_refreshes (kind, ladder_version) VALUES ('ladder', p_version);
END
$$;

---------------------------------------------------------------------------------------------
-- Privileges: every staff member reads levels (the Users page shows them); the daily facts
-- are internal.
---------------------------------------------------------------------------------------------
DO $rls$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['level_ladders', 'creator_catalogue', 'creator_activity',
                             'level_state', 'level_dirty_days', 'level_refreshes',
                             'creator_levels', 'level_distribution', 'level_removals']
    LOOP
        EXECUTE format('ALTER TABLE coulisse.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('REVOKE ALL ON coulisse.%I FROM PUBLIC', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['level_ladders', 'level_refreshes', 'creator_levels',
                             'level_distribution']
    LOOP
        EXECUTE format('GRANT SELECT ON coulisse.%I '
                       'TO coulisse_editor, coulisse_supervisor, coulisse_pm, coulisse_admin', t);
        EXECUTE format('CREATE POLICY %1$s_read ON coulisse.%1$I FOR SELECT '
                       'TO coulisse_editor, coulisse_supervisor, coulisse_pm, coulisse_admin '
                       'USING ((SELECT coulisse.session_role()) IS NOT NULL)', t);
    END LOOP;
END
$rls$;
-- Editors see each creator's level (the Users page) but not the metrics behind it, nor the
-- distribution: those are figures for supervisors, product managers and admins.
REVOKE SELECT ON coulisse.creator_levels, coulisse.level_distribution FROM coulisse_editor;
GRANT SELECT (user_id, level, progress, ladder_version, refresh_id) ON coulisse.creator_levels
    TO coulisse_editor;

DO $functions$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
             WHERE p.pronamespace = 'coulisse'::regnamespace
               AND p.proname IN ('refuse_ladder_delete', 'level_rule_error', 'level_stat_key', 'level_ladder_error',
                                 'level_rule_holds', 'level_rule_progress', 'level_standing',
                                 'creator_catalogue_apply', 'users_mark_level_days',
                                 'events_mark_level_days', 'level_definitions',
                                 'creator_levels_removed', 'dirty_days_wait_for_writers',
                                 'level_event_id', 'creator_activity_count',
                                 'creator_stats_at', 'require_level_role', 'level_distribute',
                                 'level_place', 'level_default_day', 'levels_refresh',
                                 'levels_backfill', 'level_activate', 'ladder_save',
                                 'ladder_decide', 'ladder_withdraw')
    LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END
$functions$;
-- Checking and evaluating a ladder is for everyone: the what-if of any page, and tests.
GRANT EXECUTE ON FUNCTION coulisse.level_ladder_error(jsonb), coulisse.level_stat_key(jsonb),
    coulisse.level_rule_error(jsonb, text, integer), coulisse.level_rule_holds(jsonb, jsonb),
    coulisse.level_rule_progress(jsonb, jsonb), coulisse.level_standing(jsonb, jsonb)
    TO coulisse_editor, coulisse_supervisor, coulisse_pm, coulisse_admin;
GRANT EXECUTE ON FUNCTION coulisse.levels_refresh(date, boolean),
    coulisse.levels_backfill(date, date, integer) TO coulisse_pm, coulisse_admin;
GRANT EXECUTE ON FUNCTION coulisse.ladder_save(jsonb, text, integer),
    coulisse.ladder_withdraw(integer) TO coulisse_pm;
GRANT EXECUTE ON FUNCTION coulisse.ladder_decide(integer, boolean, text)
    TO coulisse_pm, coulisse_supervisor;

RESET ROLE;

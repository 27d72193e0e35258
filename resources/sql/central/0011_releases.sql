-- Coulisse central store, schema version 11: the release channel of the platform's apps and of
-- Coulisse itself (docs/releases.md).
--   * releases: app, platform, version, the minimum supported version (below it the update is
--     forced), the rollout percentage, target groups (channels, OS prefixes, a range of current
--     app versions, explicit user lists), notes in Chinese and English, and a state: draft,
--     rolling_out, complete, halted.
--   * update_decision(): what the platform's update service asks at every app start. Rollout
--     is deterministic: a user is in when a hash of (release, user) falls below the percentage,
--     so a user in at 10 % stays in at 20 %. Every offer is recorded; a halted release is
--     offered only to those who had it already.
--   * Publishing needs a second admin or supervisor when the approval policy says so (kind
--     'releases' for role 'admin', on by default).

SET LOCAL ROLE coulisse_owner;

---------------------------------------------------------------------------------------------
-- Semantic versions (semver.org 2.0 precedence): MAJOR[.MINOR[.PATCH]][-PRERELEASE][+BUILD],
-- an optional leading "v"; a missing minor or patch is 0; build metadata is ignored.
---------------------------------------------------------------------------------------------
CREATE FUNCTION coulisse.semver_valid(p_version text) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT p_version ~ '^v?(0|[1-9][0-9]{0,17})(\.(0|[1-9][0-9]{0,17})){0,2}(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$'
$$;

-- -1, 0 or 1; NULL when either is not a version.
CREATE FUNCTION coulisse.semver_cmp(p_a text, p_b text) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_a text;
    v_b text;
    v_core_a bigint[];
    v_core_b bigint[];
    v_pre_a text[];
    v_pre_b text[];
    v_x text;
    v_y text;
    i integer;
BEGIN
    IF NOT coulisse.semver_valid(p_a) OR NOT coulisse.semver_valid(p_b) THEN
        RETURN NULL;
    END IF;
    v_a := regexp_replace(regexp_replace(p_a, '^v', ''), '\+.*$', '');
    v_b := regexp_replace(regexp_replace(p_b, '^v', ''), '\+.*$', '');
    v_core_a := string_to_array(split_part(v_a, '-', 1), '.')::bigint[] || ARRAY[0, 0]::bigint[];
    v_core_b := string_to_array(split_part(v_b, '-', 1), '.')::bigint[] || ARRAY[0, 0]::bigint[];
    FOR i IN 1..3 LOOP
        IF v_core_a[i] <> v_core_b[i] THEN
            RETURN sign(v_core_a[i] - v_core_b[i])::integer;
        END IF;
    END LOOP;
    v_pre_a := CASE WHEN position('-' IN v_a) > 0
                    THEN string_to_array(substr(v_a, position('-' IN v_a) + 1), '.') END;
    v_pre_b := CASE WHEN position('-' IN v_b) > 0
                    THEN string_to_array(substr(v_b, position('-' IN v_b) + 1), '.') END;
    -- A version without a pre-release is higher than one with.
    IF v_pre_a IS NULL OR v_pre_b IS NULL THEN
        RETURN CASE WHEN v_pre_a IS NULL AND v_pre_b IS NULL THEN 0
                    WHEN v_pre_a IS NULL THEN 1 ELSE -1 END;
    END IF;
    FOR i IN 1..least(cardinality(v_pre_a), cardinality(v_pre_b)) LOOP
        v_x := v_pre_a[i];
        v_y := v_pre_b[i];
        CONTINUE WHEN v_x = v_y;
        -- Numeric identifiers compare as numbers and rank below alphanumeric ones.
        IF v_x ~ '^[0-9]+$' AND v_y ~ '^[0-9]+$' THEN
            CONTINUE WHEN v_x::numeric = v_y::numeric;
            RETURN sign(v_x::numeric - v_y::numeric)::integer;
        ELSIF v_x ~ '^[0-9]+$' THEN
            RETURN -1;
        ELSIF v_y ~ '^[0-9]+$' THEN
            RETURN 1;
        END IF;
        RETURN CASE WHEN v_x COLLATE "C" < v_y COLLATE "C" THEN -1 ELSE 1 END;
    END LOOP;
    RETURN sign(cardinality(v_pre_a) - cardinality(v_pre_b))::integer;
END
$$;

---------------------------------------------------------------------------------------------
-- Releases, their offers and their history.
---------------------------------------------------------------------------------------------
CREATE TABLE coulisse.releases (
    id                   bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    app                  text          NOT NULL CHECK (app ~ '^[a-z][a-z0-9_]{0,31}$'),
    platform             text          NOT NULL
                         CHECK (platform IN ('android', 'ios', 'windows', 'macos', 'linux')),
    version              text          NOT NULL CHECK (coulisse.semver_valid(version)),
    min_version          text          CHECK (min_version IS NULL
                                              OR coulisse.semver_valid(min_version)),
    rollout_percent      numeric(5, 2) NOT NULL DEFAULT 0
                         CHECK (rollout_percent BETWEEN 0 AND 100),
    channels             text[]        NOT NULL DEFAULT '{}',
    os_prefixes          text[]        NOT NULL DEFAULT '{}',
    from_version         text          CHECK (from_version IS NULL
                                              OR coulisse.semver_valid(from_version)),
    to_version           text          CHECK (to_version IS NULL
                                              OR coulisse.semver_valid(to_version)),
    user_keys            text[]        NOT NULL DEFAULT '{}',
    notes_zh             text          NOT NULL DEFAULT '',
    notes_en             text          NOT NULL DEFAULT '',
    state                text          NOT NULL DEFAULT 'draft'
                         CHECK (state IN ('draft', 'rolling_out', 'complete', 'halted')),
    created_by           text          NOT NULL DEFAULT session_user,
    created_at           timestamptz   NOT NULL DEFAULT now(),
    publish_requested_by text,
    publish_requested_at timestamptz,
    published_by         text,
    published_at         timestamptz,
    updated_at           timestamptz   NOT NULL DEFAULT now(),
    row_version          bigint        NOT NULL DEFAULT 1,
    UNIQUE (app, platform, version),
    CONSTRAINT releases_minimum_below_version
        CHECK (min_version IS NULL OR coulisse.semver_cmp(min_version, version) <= 0),
    CONSTRAINT releases_range_in_order
        CHECK (from_version IS NULL OR to_version IS NULL
               OR coulisse.semver_cmp(from_version, to_version) <= 0),
    CONSTRAINT releases_published_when_not_draft
        CHECK ((state = 'draft') = (published_at IS NULL)),
    CONSTRAINT releases_four_eyes CHECK (published_by <> publish_requested_by)
);
CREATE TRIGGER releases_row_version BEFORE UPDATE ON coulisse.releases
    FOR EACH ROW EXECUTE FUNCTION coulisse.bump_row_version();
CREATE TRIGGER releases_audit_insert AFTER INSERT ON coulisse.releases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.audit_rows('id');
CREATE TRIGGER releases_audit_update AFTER UPDATE ON coulisse.releases
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.audit_rows('id');
CREATE TRIGGER releases_audit_delete AFTER DELETE ON coulisse.releases
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.audit_rows('id');

-- Who was offered a release, first when: a halted release keeps its users and takes no more.
CREATE TABLE coulisse.release_offers (
    release_id       bigint      NOT NULL REFERENCES coulisse.releases (id) ON DELETE CASCADE,
    user_key         text        NOT NULL,
    first_offered_at timestamptz NOT NULL DEFAULT now(),
    forced           boolean     NOT NULL,
    PRIMARY KEY (release_id, user_key)
);
CREATE INDEX release_offers_day ON coulisse.release_offers (release_id, first_offered_at);

-- Every change of state or percentage, for the rollout chart.
CREATE TABLE coulisse.release_history (
    id              bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    release_id      bigint        NOT NULL REFERENCES coulisse.releases (id) ON DELETE CASCADE,
    at              timestamptz   NOT NULL DEFAULT now(),
    by              text          NOT NULL DEFAULT session_user,
    state           text          NOT NULL,
    rollout_percent numeric(5, 2) NOT NULL
);
CREATE INDEX release_history_release ON coulisse.release_history (release_id, at);

CREATE FUNCTION coulisse.release_record_history() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    -- From publication on: a draft's edits are not part of its rollout.
    IF NEW.state <> 'draft' AND (TG_OP = 'INSERT' OR (OLD.state, OLD.rollout_percent)
                                 IS DISTINCT FROM (NEW.state, NEW.rollout_percent)) THEN
        INSERT INTO coulisse.release_history (release_id, state, rollout_percent)
        VALUES (NEW.id, NEW.state, NEW.rollout_percent);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER releases_history AFTER INSERT OR UPDATE ON coulisse.releases
    FOR EACH ROW EXECUTE FUNCTION coulisse.release_record_history();

-- Publishing a release: an admin's, reviewed by a second admin or a supervisor unless the
-- policy says otherwise.
ALTER TABLE coulisse.approval_policy DROP CONSTRAINT approval_policy_role_check;
ALTER TABLE coulisse.approval_policy
    ADD CONSTRAINT approval_policy_role_check CHECK (role IN ('editor', 'supervisor', 'admin'));
ALTER TABLE coulisse.approval_policy DROP CONSTRAINT approval_policy_kind_check;
ALTER TABLE coulisse.approval_policy ADD CONSTRAINT approval_policy_kind_check
    CHECK (kind IN ('video_tags', 'game_tags', 'tags', 'tag_groups', 'games', 'releases'));
INSERT INTO coulisse.approval_policy (role, kind, requires_review) VALUES ('admin', 'releases', true);

---------------------------------------------------------------------------------------------
-- Rollout and the update decision.
---------------------------------------------------------------------------------------------
-- The user's bucket for a release, 0-9999: the same user and release always give the same.
CREATE FUNCTION coulisse.release_bucket(p_release bigint, p_user text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
    SELECT (('x' || substr(md5(p_release::text || ':' || p_user), 1, 8))::bit(32)::bigint
            % 10000)::integer
$$;

-- Whether the release's target groups take a user on this channel, OS and current version
-- (an empty list or an open range takes everyone).
CREATE FUNCTION coulisse.release_targets(r coulisse.releases, p_current text, p_channel text,
                                         p_os text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT (cardinality(r.channels) = 0 OR coalesce(p_channel, '') = ANY (r.channels))
       AND (cardinality(r.os_prefixes) = 0
            OR EXISTS (SELECT FROM unnest(r.os_prefixes) o
                       WHERE lower(coalesce(p_os, '')) LIKE lower(o) || '%'))
       AND (r.from_version IS NULL OR coulisse.semver_cmp(p_current, r.from_version) >= 0)
       AND (r.to_version IS NULL OR coulisse.semver_cmp(p_current, r.to_version) <= 0)
$$;

-- Whether the release reaches the user now (without recording anything): explicit users
-- always; a complete release everyone its groups take; a rolling one those whose bucket is
-- under the percentage; a halted one only those it was offered to before.
CREATE FUNCTION coulisse.release_reaches(r coulisse.releases, p_user text, p_current text,
                                         p_channel text, p_os text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT r.state <> 'draft' AND coulisse.semver_cmp(r.version, p_current) > 0 AND (
        EXISTS (SELECT FROM coulisse.release_offers o
                WHERE o.release_id = r.id AND o.user_key = p_user)
        OR (r.state <> 'halted' AND (
            p_user = ANY (r.user_keys)
            OR (coulisse.release_targets(r, p_current, p_channel, p_os)
                AND (r.state = 'complete'
                     OR coulisse.release_bucket(r.id, p_user) < round(r.rollout_percent * 100))))))
$$;

-- What an app on (app, platform, current version) used by this user should do: none, optional
-- or forced (the current version is below the release's minimum supported version), with the
-- newest release that reaches the user. An offer is recorded the first time.
CREATE FUNCTION coulisse.update_decision(p_app text, p_platform text, p_current text,
                                         p_user text, p_channel text DEFAULT '',
                                         p_os text DEFAULT '') RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r coulisse.releases;
    v_best coulisse.releases;
    v_forced boolean;
BEGIN
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
    v_forced := v_best.min_version IS NOT NULL
                AND coulisse.semver_cmp(p_current, v_best.min_version) < 0;
    INSERT INTO coulisse.release_offers (release_id, user_key, forced)
    VALUES (v_best.id, p_user, v_forced) ON CONFLICT DO NOTHING;
    RETURN jsonb_build_object(
        'decision', CASE WHEN v_forced THEN 'forced' ELSE 'optional' END,
        'release', jsonb_build_object('id', v_best.id, 'version', v_best.version,
                                      'min_version', v_best.min_version,
                                      'notes_zh', v_best.notes_zh, 'notes_en', v_best.notes_en));
END
$$;

---------------------------------------------------------------------------------------------
-- Managing releases (admins; a supervisor or second admin approves a publication).
---------------------------------------------------------------------------------------------
CREATE FUNCTION coulisse.require_release_admin() RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF coulisse.session_role() IS DISTINCT FROM 'admin'
       AND NOT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                         WHERE r.rolname = session_user), false) THEN
        RAISE EXCEPTION 'only an admin manages releases' USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

-- Creates (no id) or changes a draft: {app, platform, version, min_version, rollout_percent,
-- channels, os_prefixes, from_version, to_version, user_keys, notes_zh, notes_en}. A published
-- release only takes new notes here.
CREATE FUNCTION coulisse.release_save(p_id bigint, p_release jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_id bigint := p_id;
    v_state text;
    v_text text[];
BEGIN
    PERFORM coulisse.require_release_admin();
    IF v_id IS NULL THEN
        INSERT INTO coulisse.releases (app, platform, version)
        VALUES (p_release ->> 'app', p_release ->> 'platform', p_release ->> 'version')
        RETURNING id INTO v_id;
    END IF;
    SELECT state INTO v_state FROM coulisse.releases WHERE id = v_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'release % does not exist', v_id USING ERRCODE = 'no_data_found';
    END IF;
    IF v_state = 'draft' THEN
        UPDATE coulisse.releases SET
            app = coalesce(p_release ->> 'app', app),
            platform = coalesce(p_release ->> 'platform', platform),
            version = coalesce(p_release ->> 'version', version),
            min_version = CASE WHEN p_release ? 'min_version'
                               THEN nullif(p_release ->> 'min_version', '') ELSE min_version END,
            rollout_percent = coalesce((p_release ->> 'rollout_percent')::numeric, rollout_percent),
            channels = CASE WHEN p_release ? 'channels' THEN ARRAY(
                           SELECT jsonb_array_elements_text(p_release -> 'channels')) ELSE channels END,
            os_prefixes = CASE WHEN p_release ? 'os_prefixes' THEN ARRAY(
                              SELECT jsonb_array_elements_text(p_release -> 'os_prefixes'))
                              ELSE os_prefixes END,
            from_version = CASE WHEN p_release ? 'from_version'
                                THEN nullif(p_release ->> 'from_version', '') ELSE from_version END,
            to_version = CASE WHEN p_release ? 'to_version'
                              THEN nullif(p_release ->> 'to_version', '') ELSE to_version END,
            user_keys = CASE WHEN p_release ? 'user_keys' THEN ARRAY(
                            SELECT jsonb_array_elements_text(p_release -> 'user_keys'))
                            ELSE user_keys END,
            notes_zh = coalesce(p_release ->> 'notes_zh', notes_zh),
            notes_en = coalesce(p_release ->> 'notes_en', notes_en),
            -- A changed draft must be approved again.
            publish_requested_by = NULL, publish_requested_at = NULL,
            updated_at = now()
        WHERE id = v_id;
    ELSE
        SELECT array_agg(k) INTO v_text FROM jsonb_object_keys(p_release) k
        WHERE k NOT IN ('notes_zh', 'notes_en');
        IF v_text IS NOT NULL THEN
            RAISE EXCEPTION 'release % is published: only its notes can change (not %)', v_id,
                array_to_string(v_text, ', ') USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        UPDATE coulisse.releases
        SET notes_zh = coalesce(p_release ->> 'notes_zh', notes_zh),
            notes_en = coalesce(p_release ->> 'notes_en', notes_en), updated_at = now()
        WHERE id = v_id;
    END IF;
    RETURN v_id;
END
$$;

CREATE FUNCTION coulisse.release_delete_draft(p_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM coulisse.require_release_admin();
    DELETE FROM coulisse.releases WHERE id = p_id AND state = 'draft';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'release % is not a draft', p_id
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
END
$$;

-- An admin publishes a draft: at once when the policy lets them, else it waits for approval.
-- Returns the state: 'rolling_out' or 'draft' (awaiting approval).
CREATE FUNCTION coulisse.release_publish(p_id bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_review boolean;
BEGIN
    PERFORM coulisse.require_release_admin();
    v_review := coalesce((SELECT p.requires_review FROM coulisse.approval_policy p
                          WHERE p.role = 'admin' AND p.kind = 'releases'), true)
                AND coulisse.session_role() IS NOT NULL;
    UPDATE coulisse.releases
    SET publish_requested_by = CASE WHEN v_review THEN session_user END,
        publish_requested_at = CASE WHEN v_review THEN now() END,
        state = CASE WHEN v_review THEN 'draft' ELSE 'rolling_out' END,
        published_by = CASE WHEN v_review THEN NULL ELSE session_user END,
        published_at = CASE WHEN v_review THEN NULL ELSE now() END, updated_at = now()
    WHERE id = p_id AND state = 'draft';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'release % is not a draft', p_id
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    RETURN CASE WHEN v_review THEN 'draft' ELSE 'rolling_out' END;
END
$$;

-- A second person (another admin, or a supervisor) approves a publication asked for.
CREATE FUNCTION coulisse.release_approve(p_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_requested text;
BEGIN
    IF coulisse.session_role() NOT IN ('admin', 'supervisor') OR coulisse.session_role() IS NULL
    THEN
        RAISE EXCEPTION 'only an admin or a supervisor approves a release'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT publish_requested_by INTO v_requested FROM coulisse.releases
    WHERE id = p_id AND state = 'draft' FOR UPDATE;
    IF v_requested IS NULL THEN
        RAISE EXCEPTION 'release % waits for no approval', p_id
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF v_requested = session_user THEN
        RAISE EXCEPTION 'a release is approved by someone other than who asked to publish it'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE coulisse.releases
    SET state = 'rolling_out', published_by = session_user, published_at = now(),
        updated_at = now()
    WHERE id = p_id;
END
$$;

-- Rollout percentage, halt, resume, complete (admins, published releases).
CREATE FUNCTION coulisse.release_rollout(p_id bigint, p_action text, p_percent numeric DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_state text;
BEGIN
    PERFORM coulisse.require_release_admin();
    SELECT state INTO v_state FROM coulisse.releases WHERE id = p_id FOR UPDATE;
    IF v_state IS NULL OR v_state = 'draft' THEN
        RAISE EXCEPTION 'release % is not published', p_id
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF p_action = 'percent' THEN
        IF p_percent IS NULL OR p_percent < 0 OR p_percent > 100 THEN
            RAISE EXCEPTION 'a rollout percentage is from 0 to 100'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        UPDATE coulisse.releases
        SET rollout_percent = p_percent,
            state = CASE WHEN state = 'complete' AND p_percent < 100 THEN 'rolling_out'
                         ELSE state END, updated_at = now()
        WHERE id = p_id;
    ELSIF p_action = 'halt' THEN
        UPDATE coulisse.releases SET state = 'halted', updated_at = now() WHERE id = p_id;
    ELSIF p_action = 'resume' THEN
        UPDATE coulisse.releases SET state = 'rolling_out', updated_at = now() WHERE id = p_id;
    ELSIF p_action = 'complete' THEN
        UPDATE coulisse.releases SET state = 'complete', rollout_percent = 100, updated_at = now()
        WHERE id = p_id;
    ELSE
        RAISE EXCEPTION 'unknown rollout action "%"', p_action
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;

-- How many of the users active in the last 30 days (events) a release would reach at
-- \a p_percent (default: its own): active users of the platform, those its groups take, those
-- it reaches. A user's platform, channel, OS and app version are those of their latest event.
CREATE FUNCTION coulisse.release_preview(p_id bigint, p_percent numeric DEFAULT NULL)
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
               coalesce(coulisse.semver_cmp(r.version, p.app_version) > 0, true) AS older,
               coalesce(coulisse.release_targets(r, p.app_version, p.channel, p.os), false)
                   AS targeted,
               p.user_key = ANY (r.user_keys) AS listed,
               coulisse.release_bucket(r.id, p.user_key)
                   < round(coalesce(p_percent, CASE WHEN r.state = 'complete' THEN 100
                                                    ELSE r.rollout_percent END) * 100) AS bucket
        FROM on_platform p
    )
    SELECT jsonb_build_object(
        'active', (SELECT count(*) FROM latest),
        'platform', count(*),
        'targeted', count(*) FILTER (WHERE targeted OR listed),
        'reached', count(*) FILTER (WHERE older AND (listed OR (targeted AND bucket))),
        'percent', coalesce(p_percent, r.rollout_percent))
    INTO v_result FROM judged;
    RETURN v_result;
END
$$;

---------------------------------------------------------------------------------------------
-- Privileges.
---------------------------------------------------------------------------------------------
ALTER TABLE coulisse.releases ENABLE ROW LEVEL SECURITY;
ALTER TABLE coulisse.release_offers ENABLE ROW LEVEL SECURITY;
ALTER TABLE coulisse.release_history ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON coulisse.releases, coulisse.release_offers, coulisse.release_history
    TO coulisse_supervisor, coulisse_pm, coulisse_admin;
CREATE POLICY releases_read ON coulisse.releases FOR SELECT
    TO coulisse_supervisor, coulisse_pm, coulisse_admin
    USING ((SELECT coulisse.session_role()) IN ('supervisor', 'pm', 'admin'));
CREATE POLICY release_offers_read ON coulisse.release_offers FOR SELECT
    TO coulisse_supervisor, coulisse_pm, coulisse_admin
    USING ((SELECT coulisse.session_role()) IN ('supervisor', 'pm', 'admin'));
CREATE POLICY release_history_read ON coulisse.release_history FOR SELECT
    TO coulisse_supervisor, coulisse_pm, coulisse_admin
    USING ((SELECT coulisse.session_role()) IN ('supervisor', 'pm', 'admin'));

REVOKE ALL ON FUNCTION coulisse.semver_valid(text), coulisse.semver_cmp(text, text),
    coulisse.release_record_history(), coulisse.release_bucket(bigint, text),
    coulisse.release_targets(coulisse.releases, text, text, text),
    coulisse.release_reaches(coulisse.releases, text, text, text, text),
    coulisse.update_decision(text, text, text, text, text, text),
    coulisse.require_release_admin(), coulisse.release_save(bigint, jsonb),
    coulisse.release_delete_draft(bigint), coulisse.release_publish(bigint),
    coulisse.release_approve(bigint), coulisse.release_rollout(bigint, text, numeric),
    coulisse.release_preview(bigint, numeric) FROM PUBLIC;
-- Version comparison is for everyone; every staff member's Coulisse asks for its own update.
GRANT EXECUTE ON FUNCTION coulisse.semver_valid(text), coulisse.semver_cmp(text, text)
    TO coulisse_editor, coulisse_supervisor, coulisse_pm, coulisse_admin, coulisse_platform;
GRANT EXECUTE ON FUNCTION coulisse.update_decision(text, text, text, text, text, text)
    TO coulisse_editor, coulisse_supervisor, coulisse_pm, coulisse_admin, coulisse_platform;
GRANT EXECUTE ON FUNCTION coulisse.release_save(bigint, jsonb),
    coulisse.release_delete_draft(bigint), coulisse.release_publish(bigint),
    coulisse.release_rollout(bigint, text, numeric) TO coulisse_admin;
GRANT EXECUTE ON FUNCTION coulisse.release_approve(bigint)
    TO coulisse_admin, coulisse_supervisor;
GRANT EXECUTE ON FUNCTION coulisse.release_preview(bigint, numeric)
    TO coulisse_supervisor, coulisse_pm, coulisse_admin;

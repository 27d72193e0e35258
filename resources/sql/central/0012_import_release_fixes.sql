-- Coulisse central store, schema version 12: fixes to the catalogue import (schema 10) and
-- the release channel (schema 11) after review.
--   * Releases: a forced update when the current version is below the minimum of any
--     published release of the app and platform; staff ask update_decision only about their
--     own Coulisse; two releases of an app and platform may not have equal versions written
--     differently ("2.0" and "2.0.0"); release_preview counts as update_decision decides
--     (offers stick, a halted release reaches only those, a current version that is not a
--     version reaches nothing).

SET LOCAL ROLE coulisse_owner;

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
REVOKE ALL ON FUNCTION coulisse.release_check_version() FROM PUBLIC;

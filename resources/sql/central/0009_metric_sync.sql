-- Coulisse central store, schema version 9: what a cache needs to keep the aggregates
-- offline (the charts read them from the cache), and the custom reports each user saves.
--   * metric_cleared: the (table, definition, version, metric, day) keys a refresh deleted
--     before computing them again. A cache at refresh R deletes the keys cleared after R,
--     then takes the rows whose refresh_id is after R: the result is central's rows.
--   * saved_reports: a user's named custom reports (metrics, dimensions, range), private to
--     that user, written by report_save() with the last writer winning.

SET LOCAL ROLE coulisse_owner;

CREATE TABLE coulisse.metric_cleared (
    refresh_id bigint  NOT NULL,
    tbl        text    NOT NULL CHECK (tbl IN ('daily', 'retention')),
    definition text    NOT NULL,
    version    integer NOT NULL,
    metric     text    NOT NULL,
    day        date    NOT NULL
);
CREATE INDEX metric_cleared_refresh ON coulisse.metric_cleared (refresh_id);

-- Rows are only deleted by metrics_refresh(), which holds its advisory lock and has
-- inserted its own metric_refreshes row: the newest row of that table is the refresh's.
CREATE FUNCTION coulisse.metric_daily_cleared() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_refresh bigint := (SELECT max(id) FROM coulisse.metric_refreshes);
BEGIN
    INSERT INTO coulisse.metric_cleared (refresh_id, tbl, definition, version, metric, day)
    SELECT DISTINCT v_refresh, 'daily', g.definition, g.version, g.metric, g.day
    FROM gone g;
    RETURN NULL;
END
$$;
CREATE FUNCTION coulisse.metric_retention_cleared() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_refresh bigint := (SELECT max(id) FROM coulisse.metric_refreshes);
BEGIN
    INSERT INTO coulisse.metric_cleared (refresh_id, tbl, definition, version, metric, day)
    SELECT DISTINCT v_refresh, 'retention', 'active_users', g.version, 'retention', g.cohort_day
    FROM gone g;
    RETURN NULL;
END
$$;
CREATE TRIGGER metric_daily_cleared AFTER DELETE ON coulisse.metric_daily
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.metric_daily_cleared();
CREATE TRIGGER metric_retention_cleared AFTER DELETE ON coulisse.metric_retention
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.metric_retention_cleared();

-- A full refresh makes every cache take everything again: the keys before it are of no use.
CREATE FUNCTION coulisse.metric_cleared_prune() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NEW.full_refresh AND NOT OLD.full_refresh THEN
        DELETE FROM coulisse.metric_cleared WHERE refresh_id < NEW.id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER metric_refreshes_prune AFTER UPDATE ON coulisse.metric_refreshes
    FOR EACH ROW EXECUTE FUNCTION coulisse.metric_cleared_prune();

CREATE TABLE coulisse.saved_reports (
    owner      text        NOT NULL DEFAULT session_user,
    name       text        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    spec       jsonb       NOT NULL CHECK (jsonb_typeof(spec) = 'object'),
    updated_at timestamptz NOT NULL,
    deleted    boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (owner, name)
);

-- Saves (or, with p_deleted, removes) the session user's report p_name as it was at
-- p_updated_at; an older save than the one central holds changes nothing. Returns whether
-- it was taken.
CREATE FUNCTION coulisse.report_save(p_name text, p_spec jsonb, p_updated_at timestamptz,
                                     p_deleted boolean DEFAULT false)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_taken boolean;
BEGIN
    PERFORM coulisse.require_metric_role(ARRAY['supervisor', 'pm', 'admin'],
        'only supervisors, product managers and admins keep metric reports');
    INSERT INTO coulisse.saved_reports AS r (owner, name, spec, updated_at, deleted)
    VALUES (session_user, p_name, p_spec, p_updated_at, p_deleted)
    ON CONFLICT (owner, name) DO UPDATE
        SET spec = EXCLUDED.spec, updated_at = EXCLUDED.updated_at, deleted = EXCLUDED.deleted
        WHERE r.updated_at <= EXCLUDED.updated_at
    RETURNING true INTO v_taken;
    RETURN coalesce(v_taken, false);
END
$$;

ALTER TABLE coulisse.metric_cleared ENABLE ROW LEVEL SECURITY;
ALTER TABLE coulisse.saved_reports ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON coulisse.metric_cleared, coulisse.saved_reports FROM PUBLIC;
GRANT SELECT ON coulisse.metric_cleared, coulisse.saved_reports
    TO coulisse_supervisor, coulisse_pm, coulisse_admin;
CREATE POLICY metric_cleared_read ON coulisse.metric_cleared FOR SELECT
    TO coulisse_supervisor, coulisse_pm, coulisse_admin USING (true);
CREATE POLICY saved_reports_own ON coulisse.saved_reports FOR SELECT
    TO coulisse_supervisor, coulisse_pm, coulisse_admin USING (owner = session_user);

REVOKE ALL ON FUNCTION coulisse.metric_daily_cleared(), coulisse.metric_retention_cleared(),
    coulisse.metric_cleared_prune(), coulisse.report_save(text, jsonb, timestamptz, boolean)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION coulisse.report_save(text, jsonb, timestamptz, boolean)
    TO coulisse_supervisor, coulisse_pm, coulisse_admin;

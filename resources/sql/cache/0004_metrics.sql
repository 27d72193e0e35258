-- Coulisse local cache, schema version 4: the metric aggregates, kept in step with central
-- by the sync (supervisors, product managers and admins), so that the charts work offline;
-- and the user's saved custom reports. Days are ISO dates (YYYY-MM-DD) in the project's
-- time zone; times are Unix seconds.
CREATE TABLE metric_definitions (
    definition  TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    params      TEXT    NOT NULL CHECK (json_valid(params)),
    description TEXT    NOT NULL CHECK (json_valid(description)),
    note        TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    created_by  TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (definition, version)
) WITHOUT ROWID;

CREATE TABLE metric_daily (
    definition TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    metric     TEXT    NOT NULL,
    day        TEXT    NOT NULL,
    dim        TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    num        REAL    NOT NULL,
    den        REAL    NOT NULL,
    PRIMARY KEY (metric, version, day, dim, value)
) WITHOUT ROWID;

CREATE TABLE metric_retention (
    version            INTEGER NOT NULL,
    cohort_day         TEXT    NOT NULL,
    dim                TEXT    NOT NULL,
    value              TEXT    NOT NULL,
    day_n              INTEGER NOT NULL,
    cohort_size        INTEGER NOT NULL,
    retained           INTEGER NOT NULL,
    retained_unbounded INTEGER NOT NULL,
    PRIMARY KEY (version, cohort_day, dim, value, day_n)
) WITHOUT ROWID;

CREATE TABLE campaigns (
    id             TEXT    PRIMARY KEY,
    name           TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    template       TEXT,
    events         TEXT    NOT NULL CHECK (json_valid(events)),
    match_campaign INTEGER NOT NULL,
    goal_event     TEXT,
    start_day      TEXT    NOT NULL,
    end_day        TEXT    NOT NULL,
    row_version    INTEGER NOT NULL
);

CREATE TABLE campaign_effect (
    campaign_id  TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    period       TEXT    NOT NULL,
    start_day    TEXT    NOT NULL,
    end_day      TEXT    NOT NULL,
    active_users INTEGER NOT NULL,
    participants INTEGER NOT NULL,
    converted    INTEGER NOT NULL,
    goal_users   INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, version, period)
) WITHOUT ROWID;

CREATE TABLE campaign_daily (
    campaign_id  TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    day          TEXT    NOT NULL,
    participants INTEGER NOT NULL,
    goal_users   INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, version, day)
) WITHOUT ROWID;

-- The refreshes the aggregates come from: the newest finished one is "data as of".
CREATE TABLE metric_refreshes (
    id           INTEGER PRIMARY KEY,
    finished_at  INTEGER NOT NULL,
    refreshed_by TEXT    NOT NULL,
    full_refresh INTEGER NOT NULL,
    days         INTEGER NOT NULL,
    first_day    TEXT,
    last_day     TEXT,
    events_until INTEGER,
    time_zone    TEXT    NOT NULL
);

-- Saved custom reports of this cache's user; dirty ones are sent at the next sync.
CREATE TABLE saved_reports (
    name       TEXT    PRIMARY KEY,
    spec       TEXT    NOT NULL CHECK (json_valid(spec)),
    updated_at INTEGER NOT NULL, -- Unix milliseconds
    deleted    INTEGER NOT NULL DEFAULT 0,
    dirty      INTEGER NOT NULL DEFAULT 0
);

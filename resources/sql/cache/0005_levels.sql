-- Coulisse local cache, schema version 5: creator growth levels, kept in step with central by
-- the sync (every role: the Users page shows levels), so that levels and the what-if preview
-- work offline. Days are ISO dates in the project's time zone; times are Unix seconds.
CREATE TABLE level_ladders (
    version      INTEGER PRIMARY KEY,
    ladder       TEXT    NOT NULL CHECK (json_valid(ladder)),
    note         TEXT    NOT NULL DEFAULT '',
    state        TEXT    NOT NULL,
    created_by   TEXT    NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    decided_by   TEXT    NOT NULL DEFAULT '',
    decided_at   INTEGER,
    activated_at INTEGER,
    decision_note TEXT   NOT NULL DEFAULT ''
);

-- A creator's metrics (JSON {"metric:window": value}) as of the last refresh, level and
-- progress towards the next level under the ladder version named.
CREATE TABLE creator_levels (
    user_id        INTEGER PRIMARY KEY,
    level          INTEGER NOT NULL,
    progress       REAL    NOT NULL,
    ladder_version INTEGER,
    stats          TEXT    NOT NULL CHECK (json_valid(stats))
);
CREATE INDEX creator_levels_level ON creator_levels (level, progress, user_id);

CREATE TABLE level_distribution (
    day            TEXT    NOT NULL,
    ladder_version INTEGER NOT NULL,
    level          INTEGER NOT NULL,
    creators       INTEGER NOT NULL,
    PRIMARY KEY (day, ladder_version, level)
) WITHOUT ROWID;

CREATE TABLE level_refreshes (
    id             INTEGER PRIMARY KEY,
    kind           TEXT    NOT NULL,
    at             INTEGER NOT NULL,
    by_user        TEXT    NOT NULL,
    as_of          TEXT,
    ladder_version INTEGER,
    creators       INTEGER NOT NULL,
    changed        INTEGER NOT NULL
);

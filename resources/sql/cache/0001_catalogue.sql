-- Coulisse local cache, schema version 1: the catalogue and the sync bookkeeping.
-- Applied inside one transaction by CacheDatabase; PRAGMA user_version is set by the caller.
-- Times are Unix seconds (UTC). Enumerations are stored as short text codes checked here,
-- so that a row read with the sqlite3 shell is still readable.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE games (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    name_en      TEXT    NOT NULL DEFAULT '',
    aliases      TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
    introduction TEXT    NOT NULL DEFAULT '',
    developer    TEXT    NOT NULL DEFAULT '',
    released     INTEGER,
    status       TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
    created_at   INTEGER NOT NULL,
    video_count  INTEGER NOT NULL DEFAULT 0,      -- derived: maintained by triggers
    row_version  INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX games_name ON games (name);
CREATE INDEX games_name_en ON games (name_en COLLATE NOCASE);
CREATE INDEX games_developer ON games (developer);
CREATE INDEX games_video_count ON games (video_count);
CREATE INDEX games_created ON games (created_at);

-- Tag groups form the tree of the tag library:
--   dimension  a game-tag dimension (code: genre, terminal, combat_mode, art_style, theme,
--              pricing, developer); its tags describe games (game_tags)
--   general    the general content library; its tags describe videos
--   library    one dedicated library per game (game_id set); holds the categories below
--   category   a category of a game library (code: default, character, item, mode)
CREATE TABLE tag_groups (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('dimension', 'general', 'library', 'category')),
    code        TEXT    NOT NULL DEFAULT '',
    parent_id   INTEGER REFERENCES tag_groups (id) ON DELETE CASCADE,
    game_id     INTEGER REFERENCES games (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    name_en     TEXT    NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    row_version INTEGER NOT NULL DEFAULT 1,
    CHECK ((kind IN ('library', 'category')) = (game_id IS NOT NULL)),
    CHECK ((kind = 'category') = (parent_id IS NOT NULL)),
    CHECK (kind <> 'category' OR code IN ('default', 'character', 'item', 'mode')),
    CHECK (kind <> 'dimension' OR code IN ('genre', 'terminal', 'combat_mode', 'art_style',
                                            'theme', 'pricing', 'developer'))
);
CREATE INDEX tag_groups_parent ON tag_groups (parent_id, position);
CREATE INDEX tag_groups_game ON tag_groups (game_id, code);
CREATE UNIQUE INDEX tag_groups_dimension ON tag_groups (code) WHERE kind = 'dimension';
CREATE UNIQUE INDEX tag_groups_general ON tag_groups (kind) WHERE kind = 'general';
CREATE UNIQUE INDEX tag_groups_library ON tag_groups (game_id) WHERE kind = 'library';
CREATE UNIQUE INDEX tag_groups_category ON tag_groups (parent_id, code) WHERE kind = 'category';

CREATE TABLE tags (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES tag_groups (id) ON DELETE RESTRICT,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    name_en     TEXT    NOT NULL DEFAULT '',
    aliases     TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
    status      TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
    created_at  INTEGER NOT NULL,
    usage_count INTEGER NOT NULL DEFAULT 0,       -- derived: videos or games carrying the tag
    row_version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX tags_group_name ON tags (group_id, name);
CREATE INDEX tags_name ON tags (name);
CREATE INDEX tags_usage ON tags (group_id, usage_count);

CREATE TABLE game_tags (
    game_id INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    tag_id  INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (game_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX game_tags_tag ON game_tags (tag_id, game_id);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    nickname      TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('creator', 'viewer')),
    registered_at INTEGER NOT NULL,
    channel       TEXT    NOT NULL DEFAULT '',
    platform      TEXT    NOT NULL CHECK (platform IN ('web', 'app', 'pc')),
    device_model  TEXT    NOT NULL DEFAULT '',
    os            TEXT    NOT NULL DEFAULT '',
    level         INTEGER NOT NULL DEFAULT 1 CHECK (level >= 0),
    vip           INTEGER NOT NULL DEFAULT 0 CHECK (vip IN (0, 1)),
    video_count   INTEGER NOT NULL DEFAULT 0,     -- derived: videos uploaded
    row_version   INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX users_nickname ON users (nickname);
CREATE INDEX users_kind ON users (kind, registered_at);
CREATE INDEX users_registered ON users (registered_at);
CREATE INDEX users_channel ON users (channel, registered_at);
CREATE INDEX users_platform ON users (platform, registered_at);
CREATE INDEX users_level ON users (level);
CREATE INDEX users_video_count ON users (video_count);
CREATE INDEX users_vip ON users (vip, registered_at);
CREATE INDEX users_device ON users (device_model);
CREATE INDEX users_os ON users (os);

CREATE TABLE videos (
    id           INTEGER PRIMARY KEY,
    title        TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    game_id      INTEGER NOT NULL REFERENCES games (id) ON DELETE RESTRICT,
    uploader_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    source       TEXT    NOT NULL CHECK (source IN ('pc_recorder', 'mobile_recorder', 'web_upload')),
    duration_s   INTEGER NOT NULL CHECK (duration_s >= 0),
    published_at INTEGER NOT NULL,
    featured     INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),
    plays        INTEGER NOT NULL DEFAULT 0 CHECK (plays >= 0),
    tag_count    INTEGER NOT NULL DEFAULT 0,      -- derived: rows in video_tags
    row_version  INTEGER NOT NULL DEFAULT 1
);
-- One index per sortable column (the table view sorts in SQL and pages with LIMIT/OFFSET),
-- and composite ones for the filters that are combined with the default sort.
CREATE INDEX videos_published ON videos (published_at);
CREATE INDEX videos_game ON videos (game_id, published_at);
CREATE INDEX videos_uploader ON videos (uploader_id, published_at);
CREATE INDEX videos_title ON videos (title);
CREATE INDEX videos_source ON videos (source, published_at);
CREATE INDEX videos_duration ON videos (duration_s);
CREATE INDEX videos_featured ON videos (featured, published_at);
CREATE INDEX videos_plays ON videos (plays);
CREATE INDEX videos_tag_count ON videos (tag_count, published_at);

CREATE TABLE video_tags (
    video_id INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (video_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX video_tags_tag ON video_tags (tag_id, video_id);

-- Full-text search. Bodies are written by triggers through coulisse_search_text(), which
-- spaces out CJK characters so that any run of Chinese characters is found as a phrase
-- (unicode61 alone would index a whole run of Han characters as one token).
CREATE VIRTUAL TABLE video_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2',
                                             columnsize = 0);
CREATE VIRTUAL TABLE game_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE tag_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE user_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2',
                                            columnsize = 0);

-- Sync bookkeeping (used by the sync engine; here so the schema has one home).
-- One row per local operation that must reach the central store.
CREATE TABLE outbox (
    op_id            TEXT    PRIMARY KEY,          -- UUIDv7, also the id central stores it under
    local_tx         INTEGER NOT NULL,             -- ops of one user edit share it
    kind             TEXT    NOT NULL,
    payload          TEXT    NOT NULL CHECK (json_valid(payload)),
    base_row_version INTEGER,
    state            TEXT    NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'sent', 'applied', 'rejected', 'conflict')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    checkpoint_txid  TEXT,                         -- central txid returned by apply_ops
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX outbox_state ON outbox (state, local_tx);

-- Key/value sync state: pull cursor (txid, seq), sync epoch, server identity, last sync time.
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Progress of an initial copy, per table, so that a killed copy resumes.
CREATE TABLE copy_progress (
    tbl      TEXT    PRIMARY KEY,
    last_id  INTEGER NOT NULL DEFAULT 0,
    done     INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    snapshot TEXT
) WITHOUT ROWID;

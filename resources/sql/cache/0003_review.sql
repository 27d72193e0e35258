-- Coulisse local cache, schema version 3: the change requests this user may see (a
-- supervisor's review queue, an editor's own requests), synced from central like the
-- catalogue, so that the queue works offline. Decisions are outbox operations of kind
-- "review" ({request_id, approve, comment}).
CREATE TABLE change_requests (
    seq              INTEGER PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    kind             TEXT    NOT NULL,
    payload          TEXT    NOT NULL CHECK (json_valid(payload)),
    game_id          INTEGER,
    base_row_version INTEGER,
    note             TEXT    NOT NULL DEFAULT '',
    status           TEXT    NOT NULL,
    requested_by     TEXT    NOT NULL,
    requested_at     INTEGER NOT NULL,
    reviewed_by      TEXT,
    reviewed_at      INTEGER,
    review_comment   TEXT    NOT NULL DEFAULT '',
    result           TEXT    CHECK (result IS NULL OR json_valid(result)),
    row_version      INTEGER NOT NULL
);
CREATE INDEX change_requests_status ON change_requests (status, requested_at);

-- The decision queued for a request (the review queue shows it until central has it).
CREATE INDEX outbox_review ON outbox (json_extract(payload, '$.request_id')) WHERE kind = 'review';
-- The sync's look for decisions on this cache's own requests, without reading every
-- applied operation.
CREATE INDEX outbox_awaiting_review ON outbox (op_id)
    WHERE state = 'applied' AND json_extract(result, '$.status') = 'pending'
      AND json_extract(result, '$.review') IS NULL;

-- A cache synced before this version has none of the requests: the next sync copies them.
INSERT OR REPLACE INTO sync_state (key, value) VALUES ('copy_requests', '1');
-- A copy under way goes on with the requests as its last table.
INSERT INTO copy_progress (tbl, last_id, last_id2, done, snapshot)
SELECT 'change_requests', 0, 0, 0, snapshot FROM copy_progress LIMIT 1;

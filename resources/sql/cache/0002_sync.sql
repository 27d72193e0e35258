-- Coulisse local cache, schema version 2: what the sync engine needs beyond version 1.
--  * outbox.result: central's answer to an operation (applied, pending review with the
--    request id, a conflict with the central row), shown to the user.
--  * state 'discarded': a rejected or conflicting operation the user let go (take theirs,
--    dismiss); kept for the record, never sent again.
CREATE TABLE outbox_v2 (
    op_id            TEXT    PRIMARY KEY,
    local_tx         INTEGER NOT NULL,
    kind             TEXT    NOT NULL,
    payload          TEXT    NOT NULL CHECK (json_valid(payload)),
    base_row_version INTEGER,
    state            TEXT    NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'sent', 'applied', 'rejected', 'conflict',
                                      'discarded')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    checkpoint_txid  TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    result           TEXT    CHECK (result IS NULL OR json_valid(result))
) WITHOUT ROWID;
INSERT INTO outbox_v2 (op_id, local_tx, kind, payload, base_row_version, state, attempts,
                       last_error, checkpoint_txid, created_at, updated_at)
SELECT op_id, local_tx, kind, payload, base_row_version, state, attempts, last_error,
       checkpoint_txid, created_at, updated_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v2 RENAME TO outbox;
CREATE INDEX outbox_state ON outbox (state, local_tx);

-- The copy of video_tags pages on its two-column key.
ALTER TABLE copy_progress ADD COLUMN last_id2 INTEGER NOT NULL DEFAULT 0;

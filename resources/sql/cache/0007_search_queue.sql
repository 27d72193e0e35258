-- Coulisse local cache, schema version 7: search entries written once per batch.
-- FTS5 writes its pending terms out as a new segment at the end of every statement that
-- changes it, so a pull that rewrites 1,000 titles one UPDATE at a time wrote 1,000 segments
-- and merged them (about 40 % of that pull). While a writer defers the search
-- (CacheDatabase::deferSearch, the function coulisse_search_deferred() returns 1 on its
-- connection), the derived_* triggers queue the changed rows here instead, and
-- CacheDatabase::flushSearch rewrites their entries with one statement per search table and
-- empties the queue, in the same transaction. Outside such a transaction the queue is empty.
CREATE TABLE search_queue (
    tbl TEXT    NOT NULL CHECK (tbl IN ('video_search', 'game_search', 'tag_search', 'user_search')),
    id  INTEGER NOT NULL,
    PRIMARY KEY (tbl, id)
) WITHOUT ROWID;

-- Coulisse central store, schema version 7: reading the audit log. Run like 0001 (one
-- transaction, as the installer).
--   * The Audit log page pages newest first (by id) and filters by person (audit_log_actor),
--     table, time and object. Time: a BRIN index on "at" (rows arrive in time order, so a
--     few pages per range cover it at a tiny size).
--   * The history of one video, tag or game includes its links: the video_tags rows of a
--     video, the game_tags rows of a tag or of a game, the tag_groups of a game. The keys of
--     those rows are indexed by the referenced id.

SET LOCAL ROLE coulisse_owner;

CREATE INDEX audit_log_at ON coulisse.audit_log USING brin (at);
CREATE INDEX audit_log_video ON coulisse.audit_log (((key ->> 'video_id')::bigint), id)
    WHERE tbl = 'video_tags';
CREATE INDEX audit_log_game_tag ON coulisse.audit_log (((key ->> 'tag_id')::bigint), id)
    WHERE tbl = 'game_tags';
CREATE INDEX audit_log_tag_game ON coulisse.audit_log (((key ->> 'game_id')::bigint), id)
    WHERE tbl = 'game_tags';
CREATE INDEX audit_log_group_game
    ON coulisse.audit_log (((coalesce(after, before) ->> 'game_id')::bigint), id)
    WHERE tbl = 'tag_groups';
CREATE INDEX audit_log_object ON coulisse.audit_log (tbl, ((key ->> 'id')), id);

RESET ROLE;

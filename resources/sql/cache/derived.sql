-- Triggers that keep derived data (counts and search bodies) in step with the catalogue.
-- Every trigger here is named derived_*: a bulk load drops them all, loads, rebuilds the
-- derived data in one pass (CacheDatabase::rebuildDerived) and re-creates them from this file.
-- Search bodies come from the *_search_source views (0006); they call coulisse_search_text(),
-- which CacheDatabase registers on every connection, with coulisse_search_deferred(): a
-- connection without them (the sqlite3 shell) can read the cache but not insert, delete or
-- change the searchable columns of videos, games, tags or users.
-- While a writer defers the search (coulisse_search_deferred() returns 1 on its connection,
-- see 0007), the search statements here do nothing and the row goes to search_queue instead,
-- for CacheDatabase::flushSearch to rewrite once per batch.

CREATE TRIGGER derived_videos_insert AFTER INSERT ON videos BEGIN
    INSERT INTO video_search (rowid, body) SELECT id, body FROM video_search_source
    WHERE id = new.id AND NOT coulisse_search_deferred();
    INSERT OR IGNORE INTO search_queue (tbl, id) SELECT 'video_search', new.id
    WHERE coulisse_search_deferred();
    UPDATE games SET video_count = video_count + 1 WHERE id = new.game_id;
    UPDATE users SET video_count = video_count + 1 WHERE id = new.uploader_id;
    -- Rows of a pulled page may arrive child first (a video's tags before the video): a new
    -- parent counts the children it already has (an index look-up; none, usually).
    UPDATE videos SET tag_count = (SELECT count(*) FROM video_tags WHERE video_id = new.id)
    WHERE id = new.id;
END;

CREATE TRIGGER derived_videos_title AFTER UPDATE OF title ON videos BEGIN
    DELETE FROM video_search WHERE rowid = old.id AND NOT coulisse_search_deferred();
    INSERT INTO video_search (rowid, body) SELECT id, body FROM video_search_source
    WHERE id = new.id AND NOT coulisse_search_deferred();
    INSERT OR IGNORE INTO search_queue (tbl, id) SELECT 'video_search', new.id
    WHERE coulisse_search_deferred();
END;

CREATE TRIGGER derived_videos_game AFTER UPDATE OF game_id ON videos
WHEN old.game_id IS NOT new.game_id BEGIN
    UPDATE games SET video_count = video_count - 1 WHERE id = old.game_id;
    UPDATE games SET video_count = video_count + 1 WHERE id = new.game_id;
END;

CREATE TRIGGER derived_videos_uploader AFTER UPDATE OF uploader_id ON videos
WHEN old.uploader_id IS NOT new.uploader_id BEGIN
    UPDATE users SET video_count = video_count - 1 WHERE id = old.uploader_id;
    UPDATE users SET video_count = video_count + 1 WHERE id = new.uploader_id;
END;

CREATE TRIGGER derived_videos_delete AFTER DELETE ON videos BEGIN
    DELETE FROM video_search WHERE rowid = old.id AND NOT coulisse_search_deferred();
    INSERT OR IGNORE INTO search_queue (tbl, id) SELECT 'video_search', old.id
    WHERE coulisse_search_deferred();
    UPDATE games SET video_count = video_count - 1 WHERE id = old.game_id;
    UPDATE users SET video_count = video_count - 1 WHERE id = old.uploader_id;
END;

CREATE TRIGGER derived_video_tags_insert AFTER INSERT ON video_tags BEGIN
    UPDATE videos SET tag_count = tag_count + 1 WHERE id = new.video_id;
    UPDATE tags SET usage_count = usage_count + 1 WHERE id = new.tag_id;
END;

CREATE TRIGGER derived_video_tags_delete AFTER DELETE ON video_tags BEGIN
    UPDATE videos SET tag_count = tag_count - 1 WHERE id = old.video_id;
    UPDATE tags SET usage_count = usage_count - 1 WHERE id = old.tag_id;
END;

CREATE TRIGGER derived_game_tags_insert AFTER INSERT ON game_tags BEGIN
    UPDATE tags SET usage_count = usage_count + 1 WHERE id = new.tag_id;
END;

CREATE TRIGGER derived_game_tags_delete AFTER DELETE ON game_tags BEGIN
    UPDATE tags SET usage_count = usage_count - 1 WHERE id = old.tag_id;
END;

CREATE TRIGGER derived_games_insert AFTER INSERT ON games BEGIN
    UPDATE games SET video_count = (SELECT count(*) FROM videos WHERE game_id = new.id)
    WHERE id = new.id;
    INSERT INTO game_search (rowid, body) SELECT id, body FROM game_search_source
    WHERE id = new.id AND NOT coulisse_search_deferred();
    INSERT OR IGNORE INTO search_queue (tbl, id) SELECT 'game_search', new.id
    WHERE coulisse_search_deferred();
END;

CREATE TRIGGER derived_games_update AFTER UPDATE OF name, name_en, developer, aliases ON games
BEGIN
    DELETE FROM game_search WHERE rowid = old.id AND NOT coulisse_search_deferred();
    INSERT INTO game_search (rowid, body) SELECT id, body FROM game_search_source
    WHERE id = new.id AND NOT coulisse_search_deferred();
    INSERT OR IGNORE INTO search_queue (tbl, id) SELECT 'game_search', new.id
    WHERE coulisse_search_deferred();
END;

CREATE TRIGGER derived_games_delete AFTER DELETE ON games BEGIN
    DELETE FROM game_search WHERE rowid = old.id AND NOT coulisse_search_deferred();
    INSERT OR IGNORE INTO search_queue (tbl, id) SELECT 'game_search', old.id
    WHERE coulisse_search_deferred();
END;

CREATE TRIGGER derived_tags_insert AFTER INSERT ON tags BEGIN
    UPDATE tags SET usage_count = (SELECT count(*) FROM video_tags WHERE tag_id = new.id) +
                                  (SELECT count(*) FROM game_tags WHERE tag_id = new.id)
    WHERE id = new.id;
    INSERT INTO tag_search (rowid, body) SELECT id, body FROM tag_search_source
    WHERE id = new.id AND NOT coulisse_search_deferred();
    INSERT OR IGNORE INTO search_queue (tbl, id) SELECT 'tag_search', new.id
    WHERE coulisse_search_deferred();
END;

CREATE TRIGGER derived_tags_update AFTER UPDATE OF name, name_en, aliases ON tags BEGIN
    DELETE FROM tag_search WHERE rowid = old.id AND NOT coulisse_search_deferred();
    INSERT INTO tag_search (rowid, body) SELECT id, body FROM tag_search_source
    WHERE id = new.id AND NOT coulisse_search_deferred();
    INSERT OR IGNORE INTO search_queue (tbl, id) SELECT 'tag_search', new.id
    WHERE coulisse_search_deferred();
END;

CREATE TRIGGER derived_tags_delete AFTER DELETE ON tags BEGIN
    DELETE FROM tag_search WHERE rowid = old.id AND NOT coulisse_search_deferred();
    INSERT OR IGNORE INTO search_queue (tbl, id) SELECT 'tag_search', old.id
    WHERE coulisse_search_deferred();
END;

CREATE TRIGGER derived_users_insert AFTER INSERT ON users BEGIN
    UPDATE users SET video_count = (SELECT count(*) FROM videos WHERE uploader_id = new.id)
    WHERE id = new.id;
    INSERT INTO user_search (rowid, body) SELECT id, body FROM user_search_source
    WHERE id = new.id AND NOT coulisse_search_deferred();
    INSERT OR IGNORE INTO search_queue (tbl, id) SELECT 'user_search', new.id
    WHERE coulisse_search_deferred();
END;

CREATE TRIGGER derived_users_nickname AFTER UPDATE OF nickname ON users BEGIN
    DELETE FROM user_search WHERE rowid = old.id AND NOT coulisse_search_deferred();
    INSERT INTO user_search (rowid, body) SELECT id, body FROM user_search_source
    WHERE id = new.id AND NOT coulisse_search_deferred();
    INSERT OR IGNORE INTO search_queue (tbl, id) SELECT 'user_search', new.id
    WHERE coulisse_search_deferred();
END;

CREATE TRIGGER derived_users_delete AFTER DELETE ON users BEGIN
    DELETE FROM user_search WHERE rowid = old.id AND NOT coulisse_search_deferred();
    INSERT OR IGNORE INTO search_queue (tbl, id) SELECT 'user_search', old.id
    WHERE coulisse_search_deferred();
END;

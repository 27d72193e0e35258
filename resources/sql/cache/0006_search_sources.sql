-- Coulisse local cache, schema version 6: the text of each full-text index, defined once.
-- Each view gives, per catalogue row, the body its search table holds (coulisse_search_text()
-- spaces out CJK text, see 0001). The derived_* triggers, the rebuild and the search index
-- built in steps after an initial copy (SyncEngine) all read these views, so the four of them
-- can never disagree about what a row's body is. The views need coulisse_search_text(), which
-- CacheDatabase registers on every connection; the sqlite3 shell can read the cache without it
-- but not these views.
CREATE VIEW video_search_source (id, body) AS
SELECT id, coulisse_search_text(title) FROM videos;

CREATE VIEW game_search_source (id, body) AS
SELECT id, coulisse_search_text(name || ' ' || name_en || ' ' || developer || ' ' ||
       (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(games.aliases)))
FROM games;

CREATE VIEW tag_search_source (id, body) AS
SELECT id, coulisse_search_text(name || ' ' || name_en || ' ' ||
       (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(tags.aliases)))
FROM tags;

CREATE VIEW user_search_source (id, body) AS
SELECT id, coulisse_search_text(nickname) FROM users;

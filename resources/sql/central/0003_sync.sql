-- Coulisse central store, schema version 3: what a syncing client reads about the store.
-- Run like 0001 (one transaction, as the installer).

SET LOCAL ROLE coulisse_owner;

-- The store's identity: a cache remembers which store (and which user) it mirrors, so that it
-- never sends one store's pending work to another. A restore keeps it and bumps the epoch.
ALTER TABLE coulisse.sync_state ADD COLUMN store_id uuid NOT NULL DEFAULT gen_random_uuid();

DROP FUNCTION coulisse.sync_info();
-- Everything a client checks before it syncs, in one round trip: the epoch and horizon (copy
-- again?), the watermark, the schema, the store's identity, the caller's role and scope
-- (NULL: every game).
CREATE FUNCTION coulisse.sync_info(OUT epoch integer, OUT log_horizon xid8, OUT watermark xid8,
                                   OUT schema_version integer, OUT store_id uuid,
                                   OUT session_role text, OUT scope bigint[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT s.epoch, s.log_horizon, pg_snapshot_xmin(pg_current_snapshot()),
           (SELECT max(m.version) FROM coulisse.schema_migrations m), s.store_id,
           coulisse.session_role(),
           CASE WHEN coulisse.session_sees_all_games() THEN NULL
                ELSE ARRAY(SELECT g FROM coulisse.session_games() g ORDER BY g) END
    FROM coulisse.sync_state s
$$;
REVOKE ALL ON FUNCTION coulisse.sync_info() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION coulisse.sync_info()
    TO coulisse_editor, coulisse_supervisor, coulisse_pm, coulisse_admin;

RESET ROLE;

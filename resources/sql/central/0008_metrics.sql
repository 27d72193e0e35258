-- Coulisse central store, schema version 8: the data platform (metrics.md). Run like 0001
-- (one transaction, as the installer).
--   * events: what users did (time, user, event name, platform, channel, device, OS, app
--     version, properties), partitioned by month; written by imports (admins), read by
--     product managers and admins.
--   * metric_definitions: the written, versioned definitions (数据口径); a new version is
--     computed beside the older ones, whose rows stay as they were.
--   * metric_daily, metric_retention, campaign_effect, campaign_daily: the aggregates the
--     charts read, computed in SQL by metrics_refresh() for the days that got new events.
--   * campaigns: an ID, a window, the events that count as taking part, a goal event.

-- The refresh (a definer function, run as the owner) keeps intermediate rows in temporary
-- tables; search_path puts pg_temp last, so they never shadow a table.
DO $temp$
BEGIN
    EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO coulisse_owner', current_database());
END
$temp$;

SET LOCAL ROLE coulisse_owner;

---------------------------------------------------------------------------------------------
-- Settings and state.
---------------------------------------------------------------------------------------------
-- The project's time zone: calendar days of every metric. Changing it recomputes everything.
CREATE TABLE coulisse.metric_settings (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    time_zone   text    NOT NULL DEFAULT 'Asia/Shanghai',
    row_version bigint  NOT NULL DEFAULT 1
);
INSERT INTO coulisse.metric_settings DEFAULT VALUES;

-- What the event tables hold (kept by the events trigger, so that nobody scans for it).
CREATE TABLE coulisse.metric_state (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    events_from timestamptz,
    events_until timestamptz,
    -- Events were deleted: the next refresh recomputes everything.
    needs_full  boolean NOT NULL DEFAULT false
);
INSERT INTO coulisse.metric_state DEFAULT VALUES;

---------------------------------------------------------------------------------------------
-- Events.
---------------------------------------------------------------------------------------------
CREATE TABLE coulisse.events (
    at           timestamptz NOT NULL,
    user_id      bigint      NOT NULL CHECK (user_id > 0),
    name         text        NOT NULL CHECK (name <> '' AND length(name) <= 64),
    platform     text        NOT NULL CHECK (platform IN ('web', 'app', 'pc')),
    channel      text        NOT NULL DEFAULT '',
    device_model text        NOT NULL DEFAULT '',
    os           text        NOT NULL DEFAULT '',
    app_version  text        NOT NULL DEFAULT '',
    properties   jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(properties) = 'object'),
    import_id    bigint
) PARTITION BY RANGE (at);
-- Events arrive in time order: a block range index finds a day in a month for almost nothing.
CREATE INDEX events_at ON coulisse.events USING brin (at) WITH (pages_per_range = 32);

-- One row per imported file; the same file (by SHA-256) is refused a second time.
CREATE TABLE coulisse.event_imports (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name   text        NOT NULL,
    sha256      text        CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    events      bigint      NOT NULL DEFAULT 0,
    first_at    timestamptz,
    last_at     timestamptz,
    imported_at timestamptz NOT NULL DEFAULT now(),
    imported_by text        NOT NULL DEFAULT session_user
);
CREATE UNIQUE INDEX event_imports_sha256 ON coulisse.event_imports (sha256);

-- Days whose events changed since the last refresh (internal).
CREATE TABLE coulisse.metric_dirty_days (
    day date PRIMARY KEY
);

-- The partition of a month (UTC), created when missing; returns its name.
CREATE FUNCTION coulisse.events_partition(p_at timestamptz) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_from timestamptz := date_trunc('month', p_at, 'UTC');
    v_name text := 'events_' || to_char(p_at AT TIME ZONE 'UTC', 'YYYYMM');
BEGIN
    PERFORM coulisse.require_metric_role(ARRAY['admin'], 'only an admin imports events');
    IF p_at IS NULL OR p_at < '2000-01-01' OR p_at >= '2100-01-01' THEN
        RAISE EXCEPTION 'event time % is outside 2000-2099', p_at
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF to_regclass('coulisse.' || v_name) IS NULL THEN
        EXECUTE format('CREATE TABLE coulisse.%I PARTITION OF coulisse.events '
                       'FOR VALUES FROM (%L) TO (%L)', v_name, v_from,
                       v_from + interval '1 month');
        EXECUTE format('ALTER TABLE coulisse.%I ENABLE ROW LEVEL SECURITY', v_name);
        EXECUTE format('REVOKE ALL ON coulisse.%I FROM PUBLIC', v_name);
    END IF;
    RETURN v_name;
END
$$;

-- The months that have a partition, as their first instants.
CREATE FUNCTION coulisse.events_partitions() RETURNS SETOF timestamptz
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT to_timestamp(substr(c.relname, 8), 'YYYYMM') AT TIME ZONE 'UTC'
    FROM pg_catalog.pg_inherits i
    JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'coulisse.events'::regclass
    ORDER BY 1
$$;

CREATE FUNCTION coulisse.events_import_begin(p_file_name text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_id bigint;
BEGIN
    PERFORM coulisse.require_metric_role(ARRAY['admin'], 'only an admin imports events');
    INSERT INTO coulisse.event_imports (file_name) VALUES (p_file_name) RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

-- Closes an import; refuses a file imported before (SQLSTATE 23505, with when and by whom).
CREATE FUNCTION coulisse.events_import_finish(p_id bigint, p_sha256 text, p_events bigint,
                                              p_first timestamptz, p_last timestamptz)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_earlier coulisse.event_imports;
BEGIN
    SELECT * INTO v_earlier FROM coulisse.event_imports WHERE sha256 = p_sha256;
    IF FOUND THEN
        RAISE EXCEPTION 'this file was imported before (as "%", % events, on % by %)',
            v_earlier.file_name, v_earlier.events,
            to_char(v_earlier.imported_at, 'YYYY-MM-DD HH24:MI TZ'), v_earlier.imported_by
            USING ERRCODE = 'unique_violation';
    END IF;
    UPDATE coulisse.event_imports i
    SET sha256 = p_sha256,
        events = p_events, first_at = p_first, last_at = p_last
    WHERE i.id = p_id AND i.imported_by = session_user AND i.sha256 IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no open import %', p_id USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;

-- Statement trigger: the days an insert or delete touched become dirty.
CREATE FUNCTION coulisse.events_mark_days() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_tz   text := (SELECT s.time_zone FROM coulisse.metric_settings s);
    v_from timestamptz;
    v_to   timestamptz;
BEGIN
    SELECT min(r.at), max(r.at) INTO v_from, v_to FROM changed_rows r;
    IF v_from IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO coulisse.metric_dirty_days (day)
    SELECT d::date FROM generate_series((v_from AT TIME ZONE v_tz)::date,
                                        (v_to AT TIME ZONE v_tz)::date, interval '1 day') d
    ON CONFLICT DO NOTHING;
    IF TG_OP = 'INSERT' THEN
        UPDATE coulisse.metric_state
        SET events_from = least(events_from, v_from), events_until = greatest(events_until, v_to);
    ELSE
        UPDATE coulisse.metric_state
        SET events_from = (SELECT min(e.at) FROM coulisse.events e),
            events_until = (SELECT max(e.at) FROM coulisse.events e), needs_full = true;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER events_mark_inserted AFTER INSERT ON coulisse.events
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.events_mark_days();
CREATE TRIGGER events_mark_deleted AFTER DELETE ON coulisse.events
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT
    EXECUTE FUNCTION coulisse.events_mark_days();
-- Events are facts: corrected by deleting and importing again, never updated.
CREATE FUNCTION coulisse.refuse_event_update() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'events are not updated: delete them and import them again'
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER events_no_update BEFORE UPDATE ON coulisse.events
    FOR EACH STATEMENT EXECUTE FUNCTION coulisse.refuse_event_update();

---------------------------------------------------------------------------------------------
-- Definitions and campaigns.
---------------------------------------------------------------------------------------------
CREATE TABLE coulisse.metric_definitions (
    definition  text        NOT NULL CHECK (definition IN ('new_users', 'active_users',
                                                           'content', 'plays', 'revenue',
                                                           'campaigns')),
    version     integer     NOT NULL CHECK (version > 0),
    params      jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(params) = 'object'),
    description jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(description) = 'object'),
    note        text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL DEFAULT session_user,
    PRIMARY KEY (definition, version)
);

INSERT INTO coulisse.metric_definitions (definition, version, params, description, note) VALUES
('new_users', 1, '{}', jsonb_build_object(
    'en', 'New users on day D: identities whose first event of any kind falls on D (a '
          'reinstall is not new). Channel, platform, OS and device are those of that first '
          'event.',
    'zh_CN', '第 D 天新增用户：首个事件（任何类型）发生在 D 天的用户（重装不算新增）。渠道、平台、'
             '系统和机型取首个事件的值。'), 'first version'),
('active_users', 1, '{"exclude": ["push_received", "video_featured"]}', jsonb_build_object(
    'en', 'Active user on day D: at least one event of the active event set on D (every '
          'event except the passive ones: push received, video featured). DAU: distinct '
          'active users on D; WAU: in [D-6, D]; MAU: in [D-29, D]; stickiness = DAU / MAU. '
          'N-day retention: of the new users of day D0, the share active on day D0+N '
          '(unbounded: on or after D0+N); averages weighted by cohort size.',
    'zh_CN', '第 D 天活跃用户：D 天至少有一个活跃事件（除被动事件“收到推送”“作品被推荐”外的所有'
             '事件）。日活：D 天去重活跃用户数；周活：[D-6, D]；月活：[D-29, D]；粘性 = 日活 / '
             '月活。N 日留存：D0 天新增用户中在 D0+N 天活跃的比例（无界：在 D0+N 天或之后活跃）；'
             '多个同期群按规模加权平均。'), 'first version'),
('content', 1, '{"publish_event": "video_publish", "feature_event": "video_featured", '
               '"source_property": "source"}', jsonb_build_object(
    'en', 'Output: videos published per day (video_publish events) by source (PC recorder, '
          'mobile recorder, web upload). Featured: videos marked featured per day '
          '(video_featured events); featured rate = featured / published.',
    'zh_CN', '产出：每天发布的作品数（video_publish 事件），按来源（PC 录制、手机录制、网页上传）。'
             '精选：每天被设为精选的作品数（video_featured 事件）；精选率 = 精选数 / 发布数。'),
    'first version'),
('plays', 1, '{"play_event": "video_play", "video_property": "video_id", '
             '"duration_property": "duration_s", "replay_window_hours": 24}', jsonb_build_object(
    'en', 'Plays: video_play events by platform. Average watch time: total duration_s / '
          'plays that report it. Replay rate: plays of a video the same viewer played within '
          'the previous 24 hours / plays.',
    'zh_CN', '播放：video_play 事件数，按平台。平均观看时长：duration_s 之和 / 报告时长的播放数。'
             '重播率：同一观众在之前 24 小时内播放过同一作品的播放数 / 播放数。'), 'first version'),
('revenue', 1, '{"page_event": "vip_page_view", "open_event": "vip_open", '
               '"gift_event": "gift_send", "product_property": "product", '
               '"recorder_product": "recorder_vip", "amount_property": "amount", '
               '"conversion_window_days": 7}', jsonb_build_object(
    'en', 'VIP open rate (event ratio) = VIP opens / VIP page visits, per platform. VIP '
          'conversion (user funnel) = users who opened VIP within 7 days of viewing the VIP '
          'page on day D / users who viewed it on D. Recorder VIP: opens of the recorder VIP '
          'product. Gifts: gift_send events and their amount.',
    'zh_CN', 'VIP 开通率（事件比）= VIP 开通次数 / VIP 页面访问次数，按平台。VIP 转化率（用户漏斗）'
             '= D 天访问 VIP 页面后 7 天内开通 VIP 的用户数 / D 天访问的用户数。录制 VIP：录制 VIP '
             '产品的开通次数。礼物：gift_send 事件数及金额。'), 'first version'),
('campaigns', 1, '{}', jsonb_build_object(
    'en', 'Participants: distinct users with one of the campaign''s events in its window '
          '(template campaigns: events that name the campaign). Participation rate = '
          'participants / active users in the window. Conversion = participants who did the '
          'goal event after taking part / participants. Before: the same length of time '
          'just before the campaign.',
    'zh_CN', '参与人数：活动期间有活动事件的去重用户数（模板活动：事件需注明活动 ID）。参与率 = '
             '参与人数 / 活动期间活跃用户数。转化率 = 参与后完成目标事件的参与者 / 参与人数。'
             '活动前：紧接活动之前同样长的时间。'), 'first version');

-- A campaign: an ID, a window of days [start_day, end_day) in the project's time zone, the
-- events that count as taking part (with match_campaign, only events whose "campaign"
-- property is this ID), and the goal event.
CREATE TABLE coulisse.campaigns (
    id             text        PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    name           text        NOT NULL CHECK (length(btrim(name)) > 0),
    kind           text        NOT NULL CHECK (kind IN ('template', 'custom')),
    template       text        CHECK (template IN ('join', 'upload', 'vip')),
    events         text[]      NOT NULL CHECK (cardinality(events) > 0),
    match_campaign boolean     NOT NULL DEFAULT false,
    goal_event     text        NOT NULL CHECK (goal_event <> ''),
    start_day      date        NOT NULL,
    end_day        date        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text        NOT NULL DEFAULT session_user,
    row_version    bigint      NOT NULL DEFAULT 1,
    CHECK (end_day > start_day AND end_day - start_day <= 366),
    CHECK ((kind = 'template') = (template IS NOT NULL))
);

---------------------------------------------------------------------------------------------
-- Aggregates (read by the charts) and the refresh's own tables.
---------------------------------------------------------------------------------------------
CREATE TABLE coulisse.metric_refreshes (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at  timestamptz,
    refreshed_by text        NOT NULL DEFAULT session_user,
    full_refresh boolean     NOT NULL DEFAULT false,
    days         integer     NOT NULL DEFAULT 0,
    first_day    date,
    last_day     date,
    events_until timestamptz,
    time_zone    text        NOT NULL
);

-- num and den add up over days and over the values of one dimension (a rate is
-- sum(num) / sum(den)); distinct counts (new_users, dau, wau, mau) have den = 0. dim '' is
-- the total.
CREATE TABLE coulisse.metric_daily (
    definition text             NOT NULL,
    version    integer          NOT NULL,
    metric     text             NOT NULL,
    day        date             NOT NULL,
    dim        text             NOT NULL DEFAULT '',
    value      text             NOT NULL DEFAULT '',
    num        double precision NOT NULL,
    den        double precision NOT NULL DEFAULT 0,
    refresh_id bigint           NOT NULL,
    PRIMARY KEY (definition, version, metric, dim, value, day)
);
CREATE INDEX metric_daily_refresh ON coulisse.metric_daily (refresh_id);

-- First-time retention per cohort day, for N = 0..30, by the cohort's first-event values.
CREATE TABLE coulisse.metric_retention (
    version            integer NOT NULL,
    cohort_day         date    NOT NULL,
    dim                text    NOT NULL DEFAULT '',
    value              text    NOT NULL DEFAULT '',
    day_n              integer NOT NULL CHECK (day_n BETWEEN 0 AND 30),
    cohort_size        bigint  NOT NULL,
    retained           bigint  NOT NULL,
    retained_unbounded bigint  NOT NULL,
    refresh_id         bigint  NOT NULL,
    PRIMARY KEY (version, dim, value, cohort_day, day_n)
);
CREATE INDEX metric_retention_refresh ON coulisse.metric_retention (refresh_id);

CREATE TABLE coulisse.campaign_effect (
    campaign_id  text    NOT NULL,
    version      integer NOT NULL,
    period       text    NOT NULL CHECK (period IN ('before', 'during')),
    start_day    date    NOT NULL,
    end_day      date    NOT NULL,
    active_users bigint  NOT NULL,
    participants bigint  NOT NULL,
    converted    bigint  NOT NULL,
    goal_users   bigint  NOT NULL,
    campaign_row_version bigint NOT NULL,
    refresh_id   bigint  NOT NULL,
    PRIMARY KEY (campaign_id, version, period)
);

CREATE TABLE coulisse.campaign_daily (
    campaign_id  text    NOT NULL,
    version      integer NOT NULL,
    day          date    NOT NULL,
    participants bigint  NOT NULL,
    goal_users   bigint  NOT NULL,
    refresh_id   bigint  NOT NULL,
    PRIMARY KEY (campaign_id, version, day)
);

-- Internal: active users per day and event values, under the current active_users version.
CREATE TABLE coulisse.metric_user_days (
    day          date   NOT NULL,
    user_id      bigint NOT NULL,
    platform     text   NOT NULL,
    channel      text   NOT NULL,
    os           text   NOT NULL,
    device_model text   NOT NULL,
    PRIMARY KEY (day, user_id, platform, channel, os, device_model)
);
CREATE INDEX metric_user_days_user ON coulisse.metric_user_days (user_id, day);

-- Internal: each identity's first event.
CREATE TABLE coulisse.metric_first_seen (
    user_id      bigint      PRIMARY KEY,
    first_at     timestamptz NOT NULL,
    day          date        NOT NULL,
    platform     text        NOT NULL,
    channel      text        NOT NULL,
    os           text        NOT NULL,
    device_model text        NOT NULL
);
CREATE INDEX metric_first_seen_day ON coulisse.metric_first_seen (day);

-- Internal: the definition versions (and time zone) the aggregates of current data follow.
CREATE TABLE coulisse.metric_computed (
    definition text    PRIMARY KEY,
    version    integer NOT NULL,
    time_zone  text    NOT NULL
);

---------------------------------------------------------------------------------------------
-- Writing definitions, campaigns and the time zone.
---------------------------------------------------------------------------------------------
-- Refuses (42501, with \a p_what as the message) a session whose role is not in p_roles.
CREATE FUNCTION coulisse.require_metric_role(p_roles text[], p_what text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT coalesce(coulisse.session_role() = ANY (p_roles), false)
       AND NOT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                         WHERE r.rolname = session_user), false) THEN
        RAISE EXCEPTION '%', p_what
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

-- A new version of a definition; returns its number. The keys of params are checked against
-- those of version 1 (same keys, same JSON types).
CREATE FUNCTION coulisse.metric_define(p_definition text, p_params jsonb, p_description jsonb,
                                       p_note text DEFAULT '')
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_first   jsonb;
    v_version integer;
    v_key     text;
BEGIN
    PERFORM coulisse.require_metric_role(ARRAY['pm'],
                                         'only a product manager edits metric definitions');
    SELECT d.params INTO v_first FROM coulisse.metric_definitions d
    WHERE d.definition = p_definition AND d.version = 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown metric definition "%"', p_definition
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_params IS NULL OR jsonb_typeof(p_params) <> 'object' THEN
        RAISE EXCEPTION 'the parameters of a definition are a JSON object'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR v_key IN SELECT jsonb_object_keys(p_params) LOOP
        IF NOT (v_first ? v_key) AND NOT (p_definition = 'active_users' AND v_key = 'include') THEN
            RAISE EXCEPTION 'unknown parameter "%" of definition "%"', v_key, p_definition
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF v_first ? v_key AND jsonb_typeof(p_params -> v_key) <> jsonb_typeof(v_first -> v_key) THEN
            RAISE EXCEPTION 'parameter "%" of definition "%" must be a JSON %', v_key,
                p_definition, jsonb_typeof(v_first -> v_key)
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END LOOP;
    IF p_definition = 'active_users' AND p_params ? 'include'
       AND jsonb_typeof(p_params -> 'include') <> 'array' THEN
        RAISE EXCEPTION 'parameter "include" of definition "active_users" must be a JSON array'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF coalesce((p_params ->> 'conversion_window_days')::numeric, 1) NOT BETWEEN 1 AND 90
       OR coalesce((p_params ->> 'replay_window_hours')::numeric, 1) NOT BETWEEN 1 AND 720 THEN
        RAISE EXCEPTION 'a window is 1-90 days or 1-720 hours'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_description IS NULL OR jsonb_typeof(p_description) <> 'object'
       OR length(btrim(coalesce(p_description ->> 'en', ''))) = 0 THEN
        RAISE EXCEPTION 'a definition needs its written text ("en", and "zh_CN")'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_catalog.pg_advisory_xact_lock(hashtext('coulisse.metric_define'));
    SELECT max(d.version) + 1 INTO v_version FROM coulisse.metric_definitions d
    WHERE d.definition = p_definition;
    INSERT INTO coulisse.metric_definitions (definition, version, params, description, note)
    VALUES (p_definition, v_version, p_params, p_description, coalesce(p_note, ''));
    RETURN v_version;
END
$$;

CREATE FUNCTION coulisse.metric_set_time_zone(p_time_zone text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM coulisse.require_metric_role(ARRAY['pm'],
                                         'only a product manager sets the time zone');
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_timezone_names WHERE name = p_time_zone) THEN
        RAISE EXCEPTION 'unknown time zone "%"', p_time_zone
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    UPDATE coulisse.metric_settings SET time_zone = p_time_zone
    WHERE time_zone IS DISTINCT FROM p_time_zone;
END
$$;

-- Creates or changes a campaign. A template campaign gets its events from the template:
-- join (campaign_join naming the campaign), upload (video_publish naming it), vip
-- (vip_page_view naming it); p_events is then ignored.
CREATE FUNCTION coulisse.campaign_save(p_id text, p_name text, p_kind text, p_template text,
                                       p_events text[], p_goal_event text, p_start_day date,
                                       p_end_day date)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_events text[] := p_events;
    v_match  boolean := false;
BEGIN
    PERFORM coulisse.require_metric_role(ARRAY['pm', 'admin'],
                                         'only a product manager or an admin manages campaigns');
    IF p_kind = 'template' THEN
        v_events := CASE p_template WHEN 'join' THEN ARRAY['campaign_join']
                                    WHEN 'upload' THEN ARRAY['video_publish']
                                    WHEN 'vip' THEN ARRAY['vip_page_view'] END;
        IF v_events IS NULL THEN
            RAISE EXCEPTION 'unknown campaign template "%": join, upload or vip', p_template
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        v_match := true;
    ELSIF p_kind = 'custom' THEN
        IF p_events IS NULL OR cardinality(p_events) = 0 THEN
            RAISE EXCEPTION 'a custom campaign names the events that count as taking part'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END IF;
    INSERT INTO coulisse.campaigns AS c (id, name, kind, template, events, match_campaign,
                                         goal_event, start_day, end_day)
    VALUES (p_id, p_name, p_kind, CASE WHEN p_kind = 'template' THEN p_template END, v_events,
            v_match, p_goal_event, p_start_day, p_end_day)
    ON CONFLICT (id) DO UPDATE
    SET name = EXCLUDED.name, kind = EXCLUDED.kind, template = EXCLUDED.template,
        events = EXCLUDED.events, match_campaign = EXCLUDED.match_campaign,
        goal_event = EXCLUDED.goal_event, start_day = EXCLUDED.start_day,
        end_day = EXCLUDED.end_day;
END
$$;

CREATE FUNCTION coulisse.campaign_delete(p_id text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM coulisse.require_metric_role(ARRAY['pm', 'admin'],
                                         'only a product manager or an admin manages campaigns');
    DELETE FROM coulisse.campaigns WHERE id = p_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no campaign "%"', p_id USING ERRCODE = 'no_data_found';
    END IF;
    DELETE FROM coulisse.campaign_effect WHERE campaign_id = p_id;
    DELETE FROM coulisse.campaign_daily WHERE campaign_id = p_id;
END
$$;

---------------------------------------------------------------------------------------------
-- The refresh. Helpers run inside metrics_refresh (as the owner); nobody else may call them.
-- Days are calendar days in the time zone p_tz; a day range is [p_from, p_to], inclusive.
---------------------------------------------------------------------------------------------
CREATE FUNCTION coulisse.metric_day_start(p_day date, p_tz text) RETURNS timestamptz
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT p_day::timestamp AT TIME ZONE p_tz
$$;

-- Number in a property, NULL when absent or not a number.
CREATE FUNCTION coulisse.metric_number(p_properties jsonb, p_key text) RETURNS double precision
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN jsonb_typeof(p_properties -> p_key) = 'number'
                THEN (p_properties ->> p_key)::double precision END
$$;

-- Active users per day (user_days) and first events (first_seen) for days [p_from, p_to].
-- Returns the earlier first days of identities whose first event moved into the range.
CREATE FUNCTION coulisse.metric_scan_users(p_from date, p_to date, p_tz text, p_params jsonb)
RETURNS date[]
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_lo      timestamptz := coulisse.metric_day_start(p_from, p_tz);
    v_hi      timestamptz := coulisse.metric_day_start(p_to + 1, p_tz);
    v_include text[] := CASE WHEN p_params ? 'include'
                             THEN ARRAY(SELECT jsonb_array_elements_text(p_params -> 'include'))
                        END;
    v_exclude text[] := ARRAY(SELECT jsonb_array_elements_text(
                                  coalesce(p_params -> 'exclude', '[]')));
    v_moved   date[];
BEGIN
    DELETE FROM coulisse.metric_user_days WHERE day BETWEEN p_from AND p_to;
    INSERT INTO coulisse.metric_user_days (day, user_id, platform, channel, os, device_model)
    SELECT DISTINCT (e.at AT TIME ZONE p_tz)::date, e.user_id, e.platform, e.channel, e.os,
           e.device_model
    FROM coulisse.events e
    WHERE e.at >= v_lo AND e.at < v_hi
      AND (v_include IS NULL OR e.name = ANY (v_include)) AND e.name <> ALL (v_exclude);

    CREATE TEMP TABLE metric_first_candidates ON COMMIT DROP AS
    SELECT DISTINCT ON (e.user_id) e.user_id, e.at, e.platform, e.channel, e.os, e.device_model
    FROM coulisse.events e
    WHERE e.at >= v_lo AND e.at < v_hi
    ORDER BY e.user_id, e.at;
    SELECT array_agg(DISTINCT s.day) INTO v_moved
    FROM metric_first_candidates c JOIN coulisse.metric_first_seen s USING (user_id)
    WHERE c.at < s.first_at AND s.day NOT BETWEEN p_from AND p_to;
    INSERT INTO coulisse.metric_first_seen AS s (user_id, first_at, day, platform, channel, os,
                                                device_model)
    SELECT c.user_id, c.at, (c.at AT TIME ZONE p_tz)::date, c.platform, c.channel, c.os,
           c.device_model
    FROM metric_first_candidates c
    ON CONFLICT (user_id) DO UPDATE
    SET first_at = EXCLUDED.first_at, day = EXCLUDED.day, platform = EXCLUDED.platform,
        channel = EXCLUDED.channel, os = EXCLUDED.os, device_model = EXCLUDED.device_model
    WHERE EXCLUDED.first_at < s.first_at;
    DROP TABLE metric_first_candidates;
    RETURN coalesce(v_moved, '{}');
END
$$;

-- New users of days [p_from, p_to], in total and by the first event's values.
CREATE FUNCTION coulisse.metric_new_users(p_refresh bigint, p_version integer, p_from date,
                                          p_to date)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    DELETE FROM coulisse.metric_daily
    WHERE definition = 'new_users' AND version = p_version AND day BETWEEN p_from AND p_to;
    INSERT INTO coulisse.metric_daily (definition, version, metric, day, dim, value, num,
                                       refresh_id)
    SELECT 'new_users', p_version, 'new_users', f.day, d.dim, d.value, count(*), p_refresh
    FROM coulisse.metric_first_seen f
    CROSS JOIN LATERAL (VALUES ('', ''), ('platform', f.platform), ('channel', f.channel),
                               ('os', f.os), ('device_model', f.device_model)) d (dim, value)
    WHERE f.day BETWEEN p_from AND p_to
    GROUP BY f.day, d.dim, d.value;
END
$$;

-- DAU of [p_from, p_to]; WAU and MAU of [p_from, p_last], each counted once per user and
-- value: a user active on day d covers [d, d + window - 1] up to their next active day, and
-- the counts are running sums of +1 / -1 at the ends of those spans.
CREATE FUNCTION coulisse.metric_active_users(p_refresh bigint, p_version integer, p_from date,
                                             p_to date, p_last date)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_metric text;
    v_window integer;
    v_to     date;
BEGIN
    FOR v_metric, v_window IN VALUES ('dau', 1), ('wau', 7), ('mau', 30) LOOP
        v_to := least(p_to + v_window - 1, greatest(p_last, p_to));
        DELETE FROM coulisse.metric_daily
        WHERE definition = 'active_users' AND version = p_version AND metric = v_metric
          AND day BETWEEN p_from AND v_to;
        INSERT INTO coulisse.metric_daily (definition, version, metric, day, dim, value, num,
                                           refresh_id)
        WITH ud AS (
            SELECT DISTINCT d.dim, d.value, u.user_id, u.day
            FROM coulisse.metric_user_days u
            CROSS JOIN LATERAL (VALUES ('', ''), ('platform', u.platform),
                                       ('channel', u.channel), ('os', u.os),
                                       ('device_model', u.device_model)) d (dim, value)
            WHERE u.day BETWEEN p_from - (v_window - 1) AND v_to
        ), spans AS (
            SELECT dim, value, day AS s,
                   least(day + v_window - 1,
                         coalesce(lead(day) OVER (PARTITION BY dim, value, user_id
                                                  ORDER BY day) - 1,
                                  day + v_window - 1)) AS e
            FROM ud
        ), deltas AS (
            SELECT dim, value, s AS day, 1 AS c FROM spans
            UNION ALL
            SELECT dim, value, e + 1, -1 FROM spans
            UNION ALL
            SELECT k.dim, k.value, g::date, 0
            FROM (SELECT DISTINCT dim, value FROM ud) k
            CROSS JOIN generate_series(p_from, v_to, interval '1 day') g
        ), counts AS (
            SELECT dim, value, day,
                   sum(sum(c)) OVER (PARTITION BY dim, value ORDER BY day) AS n
            FROM deltas GROUP BY dim, value, day
        )
        SELECT 'active_users', p_version, v_metric, day, dim, value, n, p_refresh
        FROM counts
        WHERE day BETWEEN p_from AND v_to AND n > 0;
    END LOOP;
END
$$;

-- First-time retention of the cohorts of days [p_from, p_to] (only the days of p_days when
-- given) for N = 0..30, up to p_last.
CREATE FUNCTION coulisse.metric_retention_cohorts(p_refresh bigint, p_version integer,
                                                  p_from date, p_to date, p_last date,
                                                  p_days date[] DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    DELETE FROM coulisse.metric_retention
    WHERE version = p_version AND cohort_day BETWEEN p_from AND p_to
      AND (p_days IS NULL OR cohort_day = ANY (p_days));
    INSERT INTO coulisse.metric_retention (version, cohort_day, dim, value, day_n, cohort_size,
                                           retained, retained_unbounded, refresh_id)
    WITH cohort AS (
        SELECT f.user_id, f.day AS d0, d.dim, d.value
        FROM coulisse.metric_first_seen f
        CROSS JOIN LATERAL (VALUES ('', ''), ('platform', f.platform), ('channel', f.channel),
                                   ('os', f.os), ('device_model', f.device_model)) d (dim, value)
        WHERE f.day BETWEEN p_from AND p_to AND (p_days IS NULL OR f.day = ANY (p_days))
    ), members AS (
        SELECT f.user_id, f.day AS d0 FROM coulisse.metric_first_seen f
        WHERE f.day BETWEEN p_from AND p_to AND (p_days IS NULL OR f.day = ANY (p_days))
    ), activity AS (
        SELECT m.user_id,
               array_agg(DISTINCT u.day - m.d0) FILTER (WHERE u.day <= m.d0 + 30) AS ns,
               max(u.day) - m.d0 AS last_n
        FROM members m
        JOIN coulisse.metric_user_days u ON u.user_id = m.user_id AND u.day >= m.d0
        GROUP BY m.user_id, m.d0
    ), sizes AS (
        SELECT d0, dim, value, count(*) AS size FROM cohort GROUP BY d0, dim, value
    ), returns AS (
        SELECT c.d0, c.dim, c.value, n.n,
               count(*) FILTER (WHERE n.n = ANY (a.ns)) AS retained,
               count(*) FILTER (WHERE a.last_n >= n.n) AS unbounded
        FROM cohort c
        JOIN activity a ON a.user_id = c.user_id
        CROSS JOIN generate_series(0, 30) n (n)
        WHERE c.d0 + n.n <= p_last
        GROUP BY c.d0, c.dim, c.value, n.n
    )
    SELECT p_version, s.d0, s.dim, s.value, n.n, s.size, coalesce(r.retained, 0),
           coalesce(r.unbounded, 0), p_refresh
    FROM sizes s
    CROSS JOIN generate_series(0, 30) n (n)
    LEFT JOIN returns r ON r.d0 = s.d0 AND r.dim = s.dim AND r.value = s.value AND r.n = n.n
    WHERE s.d0 + n.n <= p_last;
END
$$;

-- Output and featured videos of days [p_from, p_to].
CREATE FUNCTION coulisse.metric_content(p_refresh bigint, p_version integer, p_params jsonb,
                                        p_tz text, p_from date, p_to date)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_publish text := p_params ->> 'publish_event';
    v_feature text := p_params ->> 'feature_event';
    v_source  text := p_params ->> 'source_property';
BEGIN
    DELETE FROM coulisse.metric_daily
    WHERE definition = 'content' AND version = p_version AND day BETWEEN p_from AND p_to;
    INSERT INTO coulisse.metric_daily (definition, version, metric, day, dim, value, num, den,
                                       refresh_id)
    WITH e AS (
        SELECT (e.at AT TIME ZONE p_tz)::date AS day, e.name = v_feature AS featured,
               coalesce(e.properties ->> v_source, '') AS source
        FROM coulisse.events e
        WHERE e.at >= coulisse.metric_day_start(p_from, p_tz)
          AND e.at < coulisse.metric_day_start(p_to + 1, p_tz)
          AND e.name IN (v_publish, v_feature)
    ), counts AS (
        SELECT e.day, d.dim, d.value, count(*) FILTER (WHERE NOT e.featured) AS published,
               count(*) FILTER (WHERE e.featured) AS featured
        FROM e CROSS JOIN LATERAL (VALUES ('', ''), ('source', e.source)) d (dim, value)
        GROUP BY e.day, d.dim, d.value
    )
    SELECT 'content', p_version, m.metric, c.day, c.dim, c.value, m.num, m.den, p_refresh
    FROM counts c
    CROSS JOIN LATERAL (VALUES ('published', c.published, 0),
                               ('featured', c.featured, 0),
                               ('featured_rate', c.featured, c.published)) m (metric, num, den)
    WHERE m.num > 0 OR m.den > 0;
END
$$;

-- Plays, watch time and replays of days [p_from, p_to].
CREATE FUNCTION coulisse.metric_plays(p_refresh bigint, p_version integer, p_params jsonb,
                                      p_tz text, p_from date, p_to date)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_play     text := p_params ->> 'play_event';
    v_video    text := p_params ->> 'video_property';
    v_duration text := p_params ->> 'duration_property';
    v_window   interval := make_interval(hours => (p_params ->> 'replay_window_hours')::integer);
    v_lo       timestamptz := coulisse.metric_day_start(p_from, p_tz);
    v_hi       timestamptz := coulisse.metric_day_start(p_to + 1, p_tz);
BEGIN
    DELETE FROM coulisse.metric_daily
    WHERE definition = 'plays' AND version = p_version AND day BETWEEN p_from AND p_to;
    INSERT INTO coulisse.metric_daily (definition, version, metric, day, dim, value, num, den,
                                       refresh_id)
    WITH p AS (
        SELECT e.at, e.platform, coulisse.metric_number(e.properties, v_duration) AS duration,
               e.at - lag(e.at) OVER (PARTITION BY e.user_id, e.properties ->> v_video
                                      ORDER BY e.at) <= v_window AS replay
        FROM coulisse.events e
        WHERE e.at >= v_lo - v_window AND e.at < v_hi AND e.name = v_play
    ), counts AS (
        SELECT (p.at AT TIME ZONE p_tz)::date AS day, d.dim, d.value, count(*) AS plays,
               count(*) FILTER (WHERE p.replay) AS replays,
               count(p.duration) AS timed, coalesce(sum(p.duration), 0) AS duration
        FROM p CROSS JOIN LATERAL (VALUES ('', ''), ('platform', p.platform)) d (dim, value)
        WHERE p.at >= v_lo
        GROUP BY 1, d.dim, d.value
    )
    SELECT 'plays', p_version, m.metric, c.day, c.dim, c.value, m.num, m.den, p_refresh
    FROM counts c
    CROSS JOIN LATERAL (VALUES ('plays', c.plays::double precision, 0::double precision),
                               ('watch_time', c.duration, c.timed),
                               ('replay_rate', c.replays, c.plays)) m (metric, num, den);
END
$$;

-- VIP opens and visits, conversion of the visitors of each day, recorder VIP and gifts of
-- days [p_from, p_to].
CREATE FUNCTION coulisse.metric_revenue(p_refresh bigint, p_version integer, p_params jsonb,
                                        p_tz text, p_from date, p_to date)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_page     text := p_params ->> 'page_event';
    v_open     text := p_params ->> 'open_event';
    v_gift     text := p_params ->> 'gift_event';
    v_product  text := p_params ->> 'product_property';
    v_recorder text := p_params ->> 'recorder_product';
    v_amount   text := p_params ->> 'amount_property';
    v_window   interval := make_interval(days => (p_params ->> 'conversion_window_days')::integer);
    v_lo       timestamptz := coulisse.metric_day_start(p_from, p_tz);
    v_hi       timestamptz := coulisse.metric_day_start(p_to + 1, p_tz);
BEGIN
    DELETE FROM coulisse.metric_daily
    WHERE definition = 'revenue' AND version = p_version AND day BETWEEN p_from AND p_to;
    INSERT INTO coulisse.metric_daily (definition, version, metric, day, dim, value, num, den,
                                       refresh_id)
    WITH e AS (
        SELECT (e.at AT TIME ZONE p_tz)::date AS day, e.platform, e.name,
               e.properties ->> v_product AS product,
               coulisse.metric_number(e.properties, v_amount) AS amount
        FROM coulisse.events e
        WHERE e.at >= v_lo AND e.at < v_hi AND e.name IN (v_page, v_open, v_gift)
    ), counts AS (
        SELECT e.day, d.dim, d.value,
               count(*) FILTER (WHERE e.name = v_page) AS visits,
               count(*) FILTER (WHERE e.name = v_open) AS opens,
               count(*) FILTER (WHERE e.name = v_open AND e.product = v_recorder) AS recorder,
               count(*) FILTER (WHERE e.name = v_gift) AS gifts,
               coalesce(sum(e.amount) FILTER (WHERE e.name = v_gift), 0) AS gift_amount
        FROM e CROSS JOIN LATERAL (VALUES ('', ''), ('platform', e.platform)) d (dim, value)
        GROUP BY e.day, d.dim, d.value
    ), visitors AS (
        SELECT (e.at AT TIME ZONE p_tz)::date AS day, e.user_id, e.platform, min(e.at) AS seen
        FROM coulisse.events e
        WHERE e.at >= v_lo AND e.at < v_hi AND e.name = v_page
        GROUP BY 1, e.user_id, e.platform
    ), opened AS (
        SELECT e.user_id, e.at FROM coulisse.events e
        WHERE e.at >= v_lo AND e.at < v_hi + v_window AND e.name = v_open
    ), funnel AS (
        SELECT v.day, d.dim, d.value, count(*) AS visitors,
               count(*) FILTER (WHERE EXISTS (
                   SELECT FROM opened o WHERE o.user_id = v.user_id AND o.at >= v.seen
                                          AND o.at < v.seen + v_window)) AS converted
        FROM (SELECT day, user_id, platform, min(seen) AS seen FROM visitors
              GROUP BY day, user_id, platform) v
        CROSS JOIN LATERAL (VALUES ('platform', v.platform)) d (dim, value)
        GROUP BY v.day, d.dim, d.value
        UNION ALL
        SELECT v.day, '', '', count(*),
               count(*) FILTER (WHERE EXISTS (
                   SELECT FROM opened o WHERE o.user_id = v.user_id AND o.at >= v.seen
                                          AND o.at < v.seen + v_window))
        FROM (SELECT day, user_id, min(seen) AS seen FROM visitors GROUP BY day, user_id) v
        GROUP BY v.day
    )
    SELECT 'revenue', p_version, m.metric, c.day, c.dim, c.value, m.num, m.den, p_refresh
    FROM counts c
    CROSS JOIN LATERAL (VALUES ('vip_open_rate', c.opens::double precision,
                                c.visits::double precision),
                               ('recorder_vip', c.recorder, 0),
                               ('gifts', c.gifts, 0),
                               ('gift_amount', c.gift_amount, 0)) m (metric, num, den)
    WHERE m.num > 0 OR m.den > 0
    UNION ALL
    SELECT 'revenue', p_version, 'vip_conversion', f.day, f.dim, f.value, f.converted,
           f.visitors, p_refresh
    FROM funnel f;
END
$$;

-- Effect of one campaign: its window and the same length before it.
CREATE FUNCTION coulisse.metric_campaign(p_refresh bigint, p_version integer, p_tz text,
                                         p_campaign coulisse.campaigns)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_length integer := p_campaign.end_day - p_campaign.start_day;
    v_from   date := p_campaign.start_day - v_length;
BEGIN
    DELETE FROM coulisse.campaign_effect
    WHERE campaign_id = p_campaign.id AND version = p_version;
    DELETE FROM coulisse.campaign_daily
    WHERE campaign_id = p_campaign.id AND version = p_version;
    CREATE TEMP TABLE metric_campaign_events ON COMMIT DROP AS
    SELECT (e.at AT TIME ZONE p_tz)::date AS day, e.at, e.user_id,
           e.name = ANY (p_campaign.events)
           AND (NOT p_campaign.match_campaign
                OR e.properties ->> 'campaign' = p_campaign.id) AS takes_part,
           e.name = p_campaign.goal_event AS goal
    FROM coulisse.events e
    WHERE e.at >= coulisse.metric_day_start(v_from, p_tz)
      AND e.at < coulisse.metric_day_start(p_campaign.end_day, p_tz)
      AND (e.name = ANY (p_campaign.events) OR e.name = p_campaign.goal_event);

    INSERT INTO coulisse.campaign_effect (campaign_id, version, period, start_day, end_day,
                                          active_users, participants, converted, goal_users,
                                          campaign_row_version, refresh_id)
    SELECT p_campaign.id, p_version, w.period, w.s, w.e,
           (SELECT count(DISTINCT u.user_id) FROM coulisse.metric_user_days u
            WHERE u.day >= w.s AND u.day < w.e),
           (SELECT count(DISTINCT c.user_id) FROM metric_campaign_events c
            WHERE c.takes_part AND c.day >= w.s AND c.day < w.e),
           (SELECT count(*) FROM (
                SELECT c.user_id, min(c.at) AS first FROM metric_campaign_events c
                WHERE c.takes_part AND c.day >= w.s AND c.day < w.e GROUP BY c.user_id) p
            WHERE EXISTS (SELECT FROM metric_campaign_events g
                          WHERE g.goal AND g.user_id = p.user_id AND g.at >= p.first
                            AND g.day < w.e)),
           (SELECT count(DISTINCT c.user_id) FROM metric_campaign_events c
            WHERE c.goal AND c.day >= w.s AND c.day < w.e),
           p_campaign.row_version, p_refresh
    FROM (VALUES ('before', v_from, p_campaign.start_day),
                 ('during', p_campaign.start_day, p_campaign.end_day)) w (period, s, e);

    INSERT INTO coulisse.campaign_daily (campaign_id, version, day, participants, goal_users,
                                         refresh_id)
    SELECT p_campaign.id, p_version, g::date,
           count(DISTINCT c.user_id) FILTER (WHERE c.takes_part),
           count(DISTINCT c.user_id) FILTER (WHERE c.goal), p_refresh
    FROM generate_series(v_from, p_campaign.end_day - 1, interval '1 day') g
    LEFT JOIN metric_campaign_events c ON c.day = g::date
    GROUP BY g;
    DROP TABLE metric_campaign_events;
END
$$;

-- Brings the aggregates up to date: the days with new events since the last refresh (all
-- days when p_full, when the time zone changed, or when the definition of new or active
-- users has a new version), and every day of a definition whose version is new. Returns a
-- summary: {refresh_id, full, days, first_day, last_day, elapsed_ms}.
CREATE FUNCTION coulisse.metrics_refresh(p_full boolean DEFAULT false) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_started  timestamptz := clock_timestamp();
    v_tz       text;
    v_refresh  bigint;
    v_state    coulisse.metric_state;
    v_first    date;
    v_last     date;
    v_def      record;
    v_current  jsonb := '{}';
    v_params   jsonb := '{}';
    v_new      text[] := '{}';
    v_full     boolean := p_full;
    v_days     date[];
    v_moved    date[] := '{}';
    v_cohorts  date[];
    v_islands  daterange[];
    v_island   record;
    v_campaign coulisse.campaigns;
    v_window   integer;
BEGIN
    PERFORM coulisse.require_metric_role(ARRAY['pm', 'admin'],
        'only a product manager or an admin refreshes the metrics');
    PERFORM pg_catalog.pg_advisory_xact_lock(hashtext('coulisse.metrics_refresh'));
    SET LOCAL work_mem = '256MB';
    SELECT s.time_zone INTO v_tz FROM coulisse.metric_settings s;
    SELECT * INTO v_state FROM coulisse.metric_state;
    v_first := (v_state.events_from AT TIME ZONE v_tz)::date;
    v_last := (v_state.events_until AT TIME ZONE v_tz)::date;
    INSERT INTO coulisse.metric_refreshes (time_zone, events_until)
    VALUES (v_tz, v_state.events_until) RETURNING id INTO v_refresh;

    -- Current versions, and the definitions whose current version has not been computed.
    FOR v_def IN
        SELECT DISTINCT ON (d.definition) d.definition, d.version, d.params,
               c.version AS computed, c.time_zone AS computed_tz
        FROM coulisse.metric_definitions d
        LEFT JOIN coulisse.metric_computed c ON c.definition = d.definition
        ORDER BY d.definition, d.version DESC
    LOOP
        v_current := v_current || jsonb_build_object(v_def.definition, v_def.version);
        v_params := v_params || jsonb_build_object(v_def.definition, v_def.params);
        IF v_def.computed IS DISTINCT FROM v_def.version
           OR v_def.computed_tz IS DISTINCT FROM v_tz THEN
            v_new := v_new || v_def.definition;
        END IF;
        INSERT INTO coulisse.metric_computed (definition, version, time_zone)
        VALUES (v_def.definition, v_def.version, v_tz)
        ON CONFLICT (definition) DO UPDATE SET version = EXCLUDED.version,
                                               time_zone = EXCLUDED.time_zone;
    END LOOP;
    v_full := v_full OR v_state.needs_full OR 'new_users' = ANY (v_new)
              OR 'active_users' = ANY (v_new);

    WITH x AS (DELETE FROM coulisse.metric_dirty_days RETURNING day)
    SELECT array_agg(day ORDER BY day) INTO v_days FROM x;
    IF v_first IS NULL THEN
        v_days := '{}';
    ELSIF v_full THEN
        TRUNCATE coulisse.metric_user_days, coulisse.metric_first_seen;
        DELETE FROM coulisse.metric_daily d
        WHERE (d.definition, d.version) IN (SELECT key, value::integer
                                            FROM jsonb_each_text(v_current));
        DELETE FROM coulisse.metric_retention
        WHERE version = (v_current ->> 'active_users')::integer;
        v_days := ARRAY(SELECT g::date FROM generate_series(v_first, v_last, interval '1 day') g);
        v_new := ARRAY['new_users', 'active_users', 'content', 'plays', 'revenue', 'campaigns'];
    END IF;
    v_days := ARRAY(SELECT d FROM unnest(coalesce(v_days, '{}')) d
                    WHERE d BETWEEN v_first AND v_last ORDER BY d);

    -- Islands of consecutive dirty days: first every island's users (first days can move
    -- between islands), then the aggregates of each.
    v_islands := ARRAY(SELECT daterange(min(d), max(d), '[]')
                       FROM (SELECT d, d - (row_number() OVER (ORDER BY d))::integer AS k
                             FROM unnest(v_days) d) x
                       GROUP BY k ORDER BY 1);
    FOR v_island IN SELECT lower(r) AS a, upper(r) - 1 AS b FROM unnest(v_islands) r LOOP
        v_moved := v_moved || coulisse.metric_scan_users(v_island.a, v_island.b, v_tz,
                                                         v_params -> 'active_users');
    END LOOP;
    FOR v_island IN SELECT lower(r) AS a, upper(r) - 1 AS b FROM unnest(v_islands) r LOOP
        PERFORM coulisse.metric_new_users(v_refresh, (v_current ->> 'new_users')::integer,
                                          v_island.a, v_island.b);
        PERFORM coulisse.metric_active_users(v_refresh,
                                             (v_current ->> 'active_users')::integer,
                                             v_island.a, v_island.b, v_last);
        PERFORM coulisse.metric_retention_cohorts(v_refresh,
                                                  (v_current ->> 'active_users')::integer,
                                                  greatest(v_island.a - 30, v_first),
                                                  v_island.b, v_last);
        IF NOT 'content' = ANY (v_new) THEN
            PERFORM coulisse.metric_content(v_refresh, (v_current ->> 'content')::integer,
                                            v_params -> 'content', v_tz, v_island.a,
                                            v_island.b);
        END IF;
        IF NOT 'plays' = ANY (v_new) THEN
            PERFORM coulisse.metric_plays(
                v_refresh, (v_current ->> 'plays')::integer, v_params -> 'plays', v_tz,
                v_island.a,
                least(v_island.b + ceil((v_params -> 'plays' ->> 'replay_window_hours')::numeric
                                        / 24)::integer, v_last));
        END IF;
        IF NOT 'revenue' = ANY (v_new) THEN
            v_window := (v_params -> 'revenue' ->> 'conversion_window_days')::integer;
            PERFORM coulisse.metric_revenue(v_refresh, (v_current ->> 'revenue')::integer,
                                            v_params -> 'revenue', v_tz,
                                            greatest(v_island.a - v_window, v_first),
                                            v_island.b);
        END IF;
    END LOOP;
    -- Older cohorts whose unbounded retention changed: users active on a dirty day at least
    -- 30 days after their first, with no other such day.
    IF NOT v_full THEN
        SELECT array_agg(DISTINCT f.day) INTO v_cohorts
        FROM (SELECT DISTINCT u.user_id, u.day FROM coulisse.metric_user_days u
              WHERE u.day = ANY (v_days)) a
        JOIN coulisse.metric_first_seen f ON f.user_id = a.user_id
        WHERE a.day >= f.day + 30
          AND NOT EXISTS (SELECT FROM coulisse.metric_user_days o
                          WHERE o.user_id = a.user_id AND o.day >= f.day + 30
                            AND o.day <> ALL (v_days));
        IF v_cohorts IS NOT NULL THEN
            PERFORM coulisse.metric_retention_cohorts(
                v_refresh, (v_current ->> 'active_users')::integer,
                (SELECT min(d) FROM unnest(v_cohorts) d), (SELECT max(d) FROM unnest(v_cohorts) d),
                v_last, v_cohorts);
        END IF;
    END IF;
    -- Cohorts whose first day moved earlier: the day they left.
    FOR v_island IN SELECT DISTINCT d FROM unnest(v_moved) d LOOP
        PERFORM coulisse.metric_new_users(v_refresh, (v_current ->> 'new_users')::integer,
                                          v_island.d, v_island.d);
        PERFORM coulisse.metric_retention_cohorts(v_refresh,
                                                  (v_current ->> 'active_users')::integer,
                                                  v_island.d, v_island.d, v_last);
    END LOOP;
    -- Definitions with a new version: every day.
    IF v_first IS NOT NULL THEN
        IF 'content' = ANY (v_new) THEN
            PERFORM coulisse.metric_content(v_refresh, (v_current ->> 'content')::integer,
                                            v_params -> 'content', v_tz, v_first, v_last);
        END IF;
        IF 'plays' = ANY (v_new) THEN
            PERFORM coulisse.metric_plays(v_refresh, (v_current ->> 'plays')::integer,
                                          v_params -> 'plays', v_tz, v_first, v_last);
        END IF;
        IF 'revenue' = ANY (v_new) THEN
            PERFORM coulisse.metric_revenue(v_refresh, (v_current ->> 'revenue')::integer,
                                            v_params -> 'revenue', v_tz, v_first, v_last);
        END IF;
    END IF;
    -- Campaigns: new or changed ones, and those whose window (or the time before it) has
    -- dirty days.
    DELETE FROM coulisse.campaign_effect f
    WHERE f.version = (v_current ->> 'campaigns')::integer
      AND NOT EXISTS (SELECT FROM coulisse.campaigns c WHERE c.id = f.campaign_id);
    FOR v_campaign IN
        SELECT c.* FROM coulisse.campaigns c
        WHERE 'campaigns' = ANY (v_new) OR 'active_users' = ANY (v_new)
           OR NOT EXISTS (SELECT FROM coulisse.campaign_effect f
                          WHERE f.campaign_id = c.id
                            AND f.version = (v_current ->> 'campaigns')::integer
                            AND f.campaign_row_version = c.row_version)
           OR EXISTS (SELECT FROM unnest(v_days) d
                      WHERE d >= c.start_day - (c.end_day - c.start_day) AND d < c.end_day)
        ORDER BY c.id
    LOOP
        PERFORM coulisse.metric_campaign(v_refresh, (v_current ->> 'campaigns')::integer, v_tz,
                                         v_campaign);
    END LOOP;

    UPDATE coulisse.metric_state SET needs_full = false WHERE needs_full;
    UPDATE coulisse.metric_refreshes
    SET finished_at = clock_timestamp(), full_refresh = v_full,
        days = coalesce(cardinality(v_days), 0), first_day = v_days[1],
        last_day = v_days[cardinality(v_days)]
    WHERE id = v_refresh;
    RETURN jsonb_build_object('refresh_id', v_refresh, 'full', v_full,
                              'days', coalesce(cardinality(v_days), 0),
                              'first_day', v_days[1], 'last_day', v_days[cardinality(v_days)],
                              'elapsed_ms', round(extract(epoch FROM clock_timestamp()
                                                                     - v_started) * 1000));
END
$$;

---------------------------------------------------------------------------------------------
-- Audit, privileges and row-level security.
---------------------------------------------------------------------------------------------
DO $triggers$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES ('metric_settings', 'singleton'),
                                   ('metric_definitions', 'definition,version'),
                                   ('campaigns', 'id'),
                                   ('event_imports', 'id')) AS x (tbl, keys)
    LOOP
        EXECUTE format('CREATE TRIGGER %1$s_audit_insert AFTER INSERT ON coulisse.%1$I '
                       'REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT '
                       'EXECUTE FUNCTION coulisse.audit_rows(%2$L)', t.tbl, t.keys);
        EXECUTE format('CREATE TRIGGER %1$s_audit_update AFTER UPDATE ON coulisse.%1$I '
                       'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION coulisse.audit_rows(%2$L)',
                       t.tbl, t.keys);
        EXECUTE format('CREATE TRIGGER %1$s_audit_delete AFTER DELETE ON coulisse.%1$I '
                       'REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT '
                       'EXECUTE FUNCTION coulisse.audit_rows(%2$L)', t.tbl, t.keys);
    END LOOP;
END
$triggers$;
CREATE TRIGGER metric_settings_row_version BEFORE UPDATE ON coulisse.metric_settings
    FOR EACH ROW EXECUTE FUNCTION coulisse.bump_row_version();
CREATE TRIGGER campaigns_row_version BEFORE UPDATE ON coulisse.campaigns
    FOR EACH ROW EXECUTE FUNCTION coulisse.bump_row_version();

DO $rls$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['metric_settings', 'metric_state', 'event_imports',
                             'metric_dirty_days', 'metric_definitions', 'campaigns',
                             'metric_refreshes', 'metric_daily', 'metric_retention',
                             'campaign_effect', 'campaign_daily', 'metric_user_days',
                             'metric_first_seen', 'metric_computed']
    LOOP
        EXECUTE format('ALTER TABLE coulisse.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('REVOKE ALL ON coulisse.%I FROM PUBLIC', t);
    END LOOP;
END
$rls$;

-- Metrics are read by supervisors, product managers and admins (security.md); raw events by
-- product managers and admins; admins import them.
GRANT SELECT ON coulisse.metric_settings, coulisse.metric_state, coulisse.metric_definitions,
    coulisse.campaigns, coulisse.metric_refreshes, coulisse.metric_daily,
    coulisse.metric_retention, coulisse.campaign_effect, coulisse.campaign_daily
    TO coulisse_supervisor, coulisse_pm, coulisse_admin;
DO $policies$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['metric_settings', 'metric_state', 'metric_definitions',
                             'campaigns', 'metric_refreshes', 'metric_daily',
                             'metric_retention', 'campaign_effect', 'campaign_daily']
    LOOP
        EXECUTE format('CREATE POLICY %1$s_read ON coulisse.%1$I FOR SELECT '
                       'TO coulisse_supervisor, coulisse_pm, coulisse_admin USING (true)', t);
    END LOOP;
END
$policies$;
-- The events table is the one table without row-level security: COPY refuses such tables,
-- and no row of it is hidden from a role that may read it (the grants decide: product
-- managers and admins read, admins insert). Its partitions have row-level security and no
-- grants: they are reached through the parent only.
REVOKE ALL ON coulisse.events FROM PUBLIC;
GRANT SELECT ON coulisse.events, coulisse.event_imports TO coulisse_pm, coulisse_admin;
CREATE POLICY event_imports_read ON coulisse.event_imports FOR SELECT
    TO coulisse_pm, coulisse_admin USING (true);
GRANT INSERT ON coulisse.events TO coulisse_admin;

-- Functions are not PUBLIC (the schema's default privileges cannot take away the global ones).
DO $functions$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
             WHERE p.pronamespace = 'coulisse'::regnamespace
               AND p.proname IN ('events_partition', 'events_partitions', 'events_import_begin',
                                 'events_import_finish', 'events_mark_days',
                                 'refuse_event_update', 'require_metric_role', 'metric_define',
                                 'metric_set_time_zone', 'campaign_save', 'campaign_delete',
                                 'metric_day_start', 'metric_number', 'metric_scan_users',
                                 'metric_new_users', 'metric_active_users',
                                 'metric_retention_cohorts', 'metric_content', 'metric_plays',
                                 'metric_revenue', 'metric_campaign', 'metrics_refresh')
    LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END
$functions$;
GRANT EXECUTE ON FUNCTION coulisse.events_partition(timestamptz),
    coulisse.events_partitions(), coulisse.events_import_begin(text),
    coulisse.events_import_finish(bigint, text, bigint, timestamptz, timestamptz) TO coulisse_admin;
GRANT EXECUTE ON FUNCTION coulisse.metric_define(text, jsonb, jsonb, text),
    coulisse.metric_set_time_zone(text) TO coulisse_pm;
GRANT EXECUTE ON FUNCTION
    coulisse.campaign_save(text, text, text, text, text[], text, date, date),
    coulisse.campaign_delete(text), coulisse.metrics_refresh(boolean)
    TO coulisse_pm, coulisse_admin;

RESET ROLE;

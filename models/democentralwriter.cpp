#include "democentralwriter.h"

#include "centralloader.h"
#include "centralstaff.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

QList<DemoCentralWriter::Account> DemoCentralWriter::accounts()
{
    return {
        {QStringLiteral("demo_editor"), QStringLiteral("editor"), QStringLiteral("coulisse-editor"),
         tr("Demo editor")},
        {QStringLiteral("demo_supervisor"), QStringLiteral("supervisor"),
         QStringLiteral("coulisse-supervisor"), tr("Demo supervisor")},
        {QStringLiteral("demo_pm"), QStringLiteral("pm"), QStringLiteral("coulisse-pm"),
         tr("Demo product manager")},
        {QStringLiteral("demo_admin"), QStringLiteral("admin"), QStringLiteral("coulisse-admin"),
         tr("Demo admin")},
    };
}

DemoCentralWriter::Result DemoCentralWriter::write(const QSqlDatabase &db,
                                                   const DemoDataOptions &options,
                                                   const DemoDataGenerator::Progress &progress)
{
    Result result;
    QElapsedTimer timer;
    timer.start();
    CentralLoader loader(db);
    if (!loader.begin(tr("demo data: %1 videos, seed %2").arg(options.videos).arg(options.seed))) {
        result.error = loader.errorString();
        return result;
    }
    DemoDataGenerator generator(options);
    generator.setProgress(progress);
    if (!generator.generate(loader)) {
        loader.rollback();
        result.error = generator.errorString();
        return result;
    }
    if (!loader.commit()) {
        result.error = loader.errorString();
        return result;
    }
    result.counts = generator.counts();

    // Staff roles are cluster-wide: an account made for another store of the same server is
    // recorded here as staff without being created again.
    CentralStaff staff(db);
    for (const Account &account : accounts()) {
        QSqlQuery exists(db);
        exists.prepare(QStringLiteral("SELECT EXISTS (SELECT FROM pg_catalog.pg_roles "
                                      "WHERE rolname = ?)"));
        exists.addBindValue(account.name);
        if (!exists.exec() || !exists.next()) {
            result.error = exists.lastError().text();
            return result;
        }
        if (!exists.value(0).toBool()) {
            if (!staff.add(account.name, account.role, account.password, account.displayName)) {
                result.error = staff.errorString();
                return result;
            }
            continue;
        }
        QSqlQuery record(db);
        record.prepare(
            QStringLiteral("INSERT INTO coulisse.staff (name, role, display_name) VALUES (?, ?, ?) "
                           "ON CONFLICT (name) DO NOTHING"));
        record.addBindValue(account.name);
        record.addBindValue(account.role);
        record.addBindValue(account.displayName);
        if (!record.exec()) {
            result.error = record.lastError().text();
            return result;
        }
    }
    QSqlQuery top(db);
    if (!top.exec(QStringLiteral("SELECT game_id FROM coulisse.videos GROUP BY game_id "
                                 "ORDER BY count(*) DESC, game_id LIMIT 5"))) {
        result.error = top.lastError().text();
        return result;
    }
    while (top.next())
        result.editorGames.append(top.value(0).toLongLong());
    if (!staff.setScope(QStringLiteral("demo_editor"), result.editorGames)) {
        result.error = staff.errorString();
        return result;
    }
    // The demo editor's proposals waiting for a supervisor: tags for videos of their games
    // over the last days, an English name for two library tags, a new general tag.
    QSqlQuery requests(db);
    if (!requests.exec(QStringLiteral(
            "INSERT INTO coulisse.change_requests (kind, payload, requested_by, requested_at) "
            "SELECT 'video_tags', jsonb_build_object('video_id', v.id, 'add', "
            "jsonb_build_array(t.id)), 'demo_editor', now() - v.n * interval '197 minutes' "
            "FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM coulisse.videos "
            "WHERE game_id IN (SELECT game_id FROM coulisse.staff_scopes WHERE staff = "
            "'demo_editor') ORDER BY id LIMIT 40) v, LATERAL (SELECT t.id FROM coulisse.tags t "
            "JOIN coulisse.tag_groups g ON g.id = t.group_id WHERE g.kind = 'general' AND "
            "t.status = 'active' AND t.id NOT IN (SELECT tag_id FROM coulisse.video_tags WHERE "
            "video_id = v.id) ORDER BY t.id OFFSET v.n % 7 LIMIT 1) t;"
            "INSERT INTO coulisse.change_requests (kind, payload, base_row_version, "
            "requested_by, requested_at) SELECT 'tag_update', jsonb_build_object('tag_id', t.id, "
            "'name_en', upper(left(t.name_en, 1)) || substr(t.name_en, 2) || ' (official)'), "
            "t.row_version, 'demo_editor', now() - interval '1 day' FROM coulisse.tags t "
            "JOIN coulisse.tag_groups g ON g.id = t.group_id WHERE g.kind = 'category' AND "
            "t.name_en <> '' ORDER BY t.id LIMIT 2;"
            "INSERT INTO coulisse.change_requests (kind, payload, requested_by, requested_at) "
            "SELECT 'tag_create', jsonb_build_object('group_id', g.id, 'name', '速通', "
            "'name_en', 'Speedrun', 'aliases', jsonb_build_array('speedrun')), 'demo_editor', "
            "now() - interval '3 hours' FROM coulisse.tag_groups g WHERE g.kind = 'general' "
            "AND NOT EXISTS (SELECT FROM coulisse.tags t WHERE t.group_id = g.id AND t.name = "
            "'速通');"))) {
        result.error = requests.lastError().text();
        return result;
    }
    result.elapsedMs = timer.elapsed();
    result.ok = true;
    return result;
}

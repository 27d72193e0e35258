#include "tableexporter.h"

#include "cachedatabase.h"
#include "catalogueexporter.h"
#include "csvwriter.h"
#include "lazytablemodel.h"

#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {

void appendJson(QByteArray &out, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        out += "null";
        return;
    case QMetaType::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        out += QByteArray::number(value.toLongLong());
        return;
    case QMetaType::Double:
        out += QByteArray::number(value.toDouble(), 'g', 17);
        return;
    default:
        if (value.isNull()) {
            out += "null";
            return;
        }
        CatalogueExporter::appendJsonString(out, value.toString().toUtf8());
    }
}

/// Ids per query of the selection (SQLite allows 32766 parameters).
constexpr int kIdsPerQuery = 500;

} // namespace

QString TableExporter::csvText(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull())
        return {};
    const QString text = value.toString();
    // Text only: a number is written as the number it is, -5 included.
    if (value.typeId() == QMetaType::QString && !text.isEmpty() &&
        QStringView(u"=+-@\t\r").contains(text.front()))
        return QLatin1Char('\'') + text;
    return text;
}

TableExporter::TableExporter(const LazyTableModel *model)
    : m_model(model)
    , m_query(model->currentQuery())
{
    for (int c = 0; c < model->columnCount(); ++c) {
        m_titles.append(model->headerData(c, Qt::Horizontal).toString());
        m_keys.append(model->columnKey(c));
    }
}

TableExporter::Format TableExporter::formatOf(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0
               ? Format::Json
               : Format::Csv;
}

TableExporter::Result TableExporter::write(const QString &cachePath, const QString &path,
                                           Format format, const std::atomic_bool *cancel,
                                           const Progress &progress) const
{
    Result result;
    CacheDatabase cache;
    if (!cache.open(cachePath, CacheDatabase::Access::ReadOnly)) {
        result.error = cache.errorString();
        return result;
    }
    QSqlQuery q(cache.database());
    q.setForwardOnly(true);
    if (!m_selection) {
        for (const QString &statement : m_query.setup) {
            if (!q.exec(statement)) {
                result.error = q.lastError().text();
                return result;
            }
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = tr("%1 cannot be written: %2").arg(path, file.errorString());
        return result;
    }
    CsvWriter csv(&file, format == Format::Csv);
    if (format == Format::Csv)
        csv.writeRow(m_titles);
    else
        file.write("[");
    const int columns = int(m_titles.size());
    QStringList texts;
    QByteArray json;
    // Writes one row of the query; false when cancelled.
    const auto writeRow = [&](const QVariantList &row) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            return false;
        }
        if (format == Format::Csv) {
            texts.clear();
            for (int c = 0; c < columns; ++c)
                texts.append(csvText(m_model->exportValue(row, c)));
            csv.writeRow(texts);
        } else {
            json = result.rows == 0 ? "\n{" : ",\n{";
            for (int c = 0; c < columns; ++c) {
                if (c > 0)
                    json += ", ";
                CatalogueExporter::appendJsonString(json, m_keys[c].toUtf8());
                json += ": ";
                appendJson(json, m_model->exportValue(row, c));
            }
            json += '}';
            file.write(json);
        }
        ++result.rows;
        if (progress && result.rows % 5000 == 0)
            progress(result.rows);
        return true;
    };
    const auto readRow = [&q] {
        QVariantList row;
        const int fields = q.record().count();
        row.reserve(fields);
        for (int f = 0; f < fields; ++f)
            row.append(q.value(f));
        return row;
    };
    const auto failed = [&](const QSqlQuery &query) {
        result.error = query.lastError().text();
        return result;
    };
    if (!m_selection) {
        if (!q.prepare(m_query.windowSql(false)))
            return failed(q);
        for (const QVariant &p : m_query.parameters)
            q.addBindValue(p);
        q.addBindValue(-1); // LIMIT: all
        q.addBindValue(0);
        if (!q.exec())
            return failed(q);
        while (q.next()) {
            if (!writeRow(readRow()))
                return result; // QSaveFile drops the partial file
        }
        if (q.lastError().isValid())
            return failed(q);
    } else {
        // The rows of a chunk of ids come in any order: they are written in the ids' order.
        QHash<qint64, QVariantList> rows;
        for (qsizetype first = 0; first < m_ids.size(); first += kIdsPerQuery) {
            const QList<qint64> chunk = m_ids.mid(first, kIdsPerQuery);
            if (!q.prepare(m_query.rowsSql(int(chunk.size()))))
                return failed(q);
            for (const qint64 id : chunk)
                q.addBindValue(id);
            if (!q.exec())
                return failed(q);
            rows.clear();
            while (q.next()) {
                QVariantList row = readRow();
                const qint64 id = row.value(0).toLongLong();
                rows.insert(id, std::move(row));
            }
            if (q.lastError().isValid())
                return failed(q);
            for (const qint64 id : chunk) {
                const auto it = rows.constFind(id);
                if (it != rows.cend() && !writeRow(*it))
                    return result;
            }
        }
    }
    if (format == Format::Json)
        file.write(result.rows == 0 ? "]\n" : "\n]\n");
    if (!csv.isOk() || file.error() != QFileDevice::NoError || !file.commit()) {
        result.error = tr("%1 cannot be written: %2").arg(path, file.errorString());
        return result;
    }
    result.ok = true;
    return result;
}

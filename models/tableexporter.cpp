#include "tableexporter.h"

#include "cachedatabase.h"
#include "catalogueexporter.h"
#include "csvwriter.h"
#include "lazytablemodel.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

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

QString csvText(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.isNull() ? QString() : value.toString();
}

} // namespace

TableExporter::TableExporter(const LazyTableModel *model)
    : m_model(model)
    , m_query(model->currentQuery())
{
    for (int c = 0; c < model->columnCount(); ++c) {
        m_titles.append(model->headerData(c, Qt::Horizontal).toString());
        m_keys.append(model->columnKey(c));
    }
}

void TableExporter::setRows(QList<QPair<int, int>> ranges)
{
    std::sort(ranges.begin(), ranges.end());
    m_ranges = std::move(ranges);
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
    for (const QString &statement : m_query.setup) {
        if (!q.exec(statement)) {
            result.error = q.lastError().text();
            return result;
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
    QVariantList row;
    QStringList texts;
    QByteArray json;
    const QList<QPair<int, int>> windows =
        m_ranges.isEmpty() ? QList<QPair<int, int>>{{0, -1}} : m_ranges;
    const QString sql = m_query.windowSql(false);
    for (const auto &[first, last] : windows) {
        if (!q.prepare(sql)) {
            result.error = q.lastError().text();
            return result;
        }
        for (const QVariant &p : m_query.parameters)
            q.addBindValue(p);
        q.addBindValue(last < 0 ? -1 : last - first + 1); // LIMIT (-1: all)
        q.addBindValue(first);
        if (!q.exec()) {
            result.error = q.lastError().text();
            return result;
        }
        const int fields = q.record().count();
        while (q.next()) {
            if (cancel && cancel->load()) {
                result.cancelled = true;
                return result; // QSaveFile drops the partial file
            }
            row.clear();
            for (int f = 0; f < fields; ++f)
                row.append(q.value(f));
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
        }
        if (q.lastError().isValid()) {
            result.error = q.lastError().text();
            return result;
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

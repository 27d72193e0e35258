// fuzz_records: RecordReader (CSV and JSON Lines) and FieldParser under mutated input, built
// with AddressSanitizer and UndefinedBehaviorSanitizer.
//
// Standalone (the default), it runs for a bounded time from a fixed seed: inputs are the seed
// corpus of valid catalogue files and mutations of them (byte flips, quotes, commas, line
// breaks, byte order marks, invalid UTF-8, braces, truncation, spliced lines). Built with
// -DCOULISSE_LIBFUZZER and -fsanitize=fuzzer (clang), the same checks run from libFuzzer's
// LLVMFuzzerTestOneInput instead.
//
// Every input is read as CSV and as JSON Lines with the videos' column names. A broken
// invariant prints what broke, writes the input as a hex dump (xxd format) to the current
// directory and aborts; a sanitizer report does the same through the sanitizers' death
// callback. "fuzz_records FILE..." replays inputs (raw bytes, or a .hex dump).

#include "cataloguefile.h"
#include "csvwriter.h"
#include "fieldparser.h"
#include "recordreader.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QStringDecoder>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define COULISSE_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(COULISSE_ASAN)
#define COULISSE_ASAN 1
#endif
#if defined(COULISSE_ASAN)
#include <sanitizer/common_interface_defs.h>
#endif

namespace {

using Format = RecordReader::Format;
using Field = RecordReader::Field;

/// The input under test, for the dump of a violation or a sanitizer report.
QByteArray g_input;
const char *g_stage = "start";
/// Set once the input is written: an abort after a violation writes it no more.
volatile std::sig_atomic_t g_written = 0;

/// Names what runs until the end of the scope, for the messages.
struct Stage
{
    explicit Stage(const char *stage)
        : m_previous(g_stage)
    {
        g_stage = stage;
    }
    ~Stage() { g_stage = m_previous; }
    const char *m_previous;
};

struct Stats
{
    qint64 inputs = 0;
    qint64 csvAccepted = 0;
    qint64 csvRefused = 0;
    qint64 jsonAccepted = 0;
    qint64 jsonRefused = 0;
    qint64 records = 0;
    qint64 roundTrips = 0;
    qint64 writerRoundTrips = 0;
};

const QStringList &columnNames()
{
    static const QStringList names = CatalogueFile::columnNames(CatalogueFile::Kind::Videos);
    return names;
}

/// Writes \a data as "xxd" writes it (xxd -r turns it back into bytes); returns the file name.
std::string dumpInput(const QByteArray &data, const char *kind)
{
    const QByteArray digest =
        QCryptographicHash::hash(data, QCryptographicHash::Sha1).toHex().left(12);
    const std::string name =
        std::string("fuzz_records-") + kind + "-" + digest.constData() + ".hex";
    FILE *file = std::fopen(name.c_str(), "w");
    if (!file)
        return "(cannot write " + name + ")";
    for (qsizetype at = 0; at < data.size(); at += 16) {
        std::fprintf(file, "%08llx:", static_cast<unsigned long long>(at));
        const qsizetype end = std::min(at + 16, data.size());
        for (qsizetype i = at; i < at + 16; ++i) {
            if ((i - at) % 2 == 0)
                std::fputc(' ', file);
            if (i < end)
                std::fprintf(file, "%02x", unsigned(uchar(data[i])));
            else
                std::fputs("  ", file);
        }
        std::fputs("  ", file);
        for (qsizetype i = at; i < end; ++i) {
            const uchar c = uchar(data[i]);
            std::fputc(c >= 0x20 && c < 0x7F ? c : '.', file);
        }
        std::fputc('\n', file);
    }
    std::fclose(file);
    return name;
}

/// Reports a broken invariant and aborts. \a written: what the test wrote and read back, if
/// that is where it broke (the input replays it).
[[noreturn]] void violation(const QString &what, const QByteArray &written = QByteArray())
{
    g_written = 1;
    const std::string file = dumpInput(g_input, "violation");
    std::fprintf(stderr,
                 "fuzz_records: invariant broken (%s): %s\n"
                 "  input of %lld bytes written to %s (replay: fuzz_records %s)\n",
                 g_stage, what.toUtf8().constData(), static_cast<long long>(g_input.size()),
                 file.c_str(), file.c_str());
    if (!written.isNull()) {
        std::fprintf(stderr, "  what it wrote and read back is in %s\n",
                     dumpInput(written, "written").c_str());
    }
    std::fflush(stderr);
    std::abort();
}

/// Checks an invariant; the message is built only when it is broken.
#define FUZZ_CHECK(condition, ...)                                                                 \
    do {                                                                                           \
        if (!(condition))                                                                          \
            violation(__VA_ARGS__);                                                                \
    } while (false)

#ifndef COULISSE_LIBFUZZER
/// A sanitizer report, or an abort: writes the input (the process is dying anyway).
void writeCrashInput()
{
    if (g_written)
        return;
    g_written = 1;
    const std::string file = dumpInput(g_input, "crash");
    std::fprintf(stderr,
                 "fuzz_records: died while %s; input of %lld bytes written to %s (replay: "
                 "fuzz_records %s)\n",
                 g_stage, static_cast<long long>(g_input.size()), file.c_str(), file.c_str());
    std::fflush(stderr);
}

void onAbort(int signal)
{
    writeCrashInput();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}
#endif

qint64 lineCount(const QByteArray &data)
{
    return data.count('\n') + (!data.isEmpty() && !data.endsWith('\n') ? 1 : 0);
}

void civilFromDays(qint64 z, qint64 *y, int *m, int *d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    *d = int(doy - (153 * mp + 2) / 5 + 1);
    *m = int(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2 ? 1 : 0);
}

/// \a utf8 as text, a leading U+FEFF kept (QString::fromUtf8() drops it).
QString decode(const QByteArray &utf8)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(utf8);
}

QString show(const QByteArray &text)
{
    return QString::fromLatin1(text.left(80).toPercentEncoding(" ,:\"{}[]"));
}

/// FieldParser on the text of a field: no crash, and what it accepts holds up.
void checkFieldParser(const QByteArray &text)
{
    const Stage stage("checking FieldParser on a field's text");
    QString reason;
    qint64 value = 0;
    if (FieldParser::parseInteger(text, -1000000, Q_INT64_C(4611686018427387903), &value,
                                  &reason)) {
        FUZZ_CHECK(QByteArray::number(value) == text,
                   QStringLiteral("parseInteger accepted the non-canonical %1").arg(show(text)));
        FUZZ_CHECK(value >= -1000000, QStringLiteral("parseInteger out of range"));
    } else {
        FUZZ_CHECK(!reason.isEmpty(), QStringLiteral("parseInteger refused without a reason"));
    }

    qint64 epoch = 0;
    reason.clear();
    if (FieldParser::parseInstant(text, &epoch, &reason)) {
        // Written again in UTC, the instant reads back the same.
        const qint64 days = epoch >= 0 ? epoch / 86400 : -((-epoch + 86399) / 86400);
        const qint64 seconds = epoch - days * 86400;
        qint64 year = 0;
        int month = 0, day = 0;
        civilFromDays(days, &year, &month, &day);
        FUZZ_CHECK(year >= 0 && year <= 10000,
                   QStringLiteral("parseInstant: %1 gives the year %2").arg(show(text)).arg(year));
        if (year >= 1 && year <= 9999) {
            const QByteArray utc = QStringLiteral("%1-%2-%3T%4:%5:%6Z")
                                       .arg(year, 4, 10, QLatin1Char('0'))
                                       .arg(month, 2, 10, QLatin1Char('0'))
                                       .arg(day, 2, 10, QLatin1Char('0'))
                                       .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
                                       .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
                                       .arg(seconds % 60, 2, 10, QLatin1Char('0'))
                                       .toLatin1();
            qint64 again = 0;
            QString why;
            FUZZ_CHECK(FieldParser::parseInstant(utc, &again, &why) && again == epoch,
                       QStringLiteral("parseInstant: %1 is %2, which reads back as %3 (%4)")
                           .arg(show(text), QString::fromLatin1(utc))
                           .arg(again)
                           .arg(why));
        }
    } else {
        FUZZ_CHECK(!reason.isEmpty(), QStringLiteral("parseInstant refused without a reason"));
    }

    bool flag = false;
    reason.clear();
    if (FieldParser::parseBool(text, &flag, &reason)) {
        const QByteArray lower = text.toLower();
        FUZZ_CHECK(lower == (flag ? "true" : "false") || lower == (flag ? "1" : "0") ||
                       lower == (flag ? "yes" : "no"),
                   QStringLiteral("parseBool: %1").arg(show(text)));
    }

    QByteArray json;
    reason.clear();
    if (FieldParser::parseStringArray(text, &json, &reason)) {
        QByteArray again;
        FUZZ_CHECK(FieldParser::parseStringArray(json, &again, &reason) && again == json,
                   QStringLiteral("parseStringArray: %1 gives %2, which is not read back the same")
                       .arg(show(text), show(json)));
    } else {
        FUZZ_CHECK(!reason.isEmpty(), QStringLiteral("parseStringArray refused without a reason"));
    }

    reason.clear();
    const qsizetype characters = decode(text).toUcs4().size();
    FUZZ_CHECK(FieldParser::checkLength(QStringLiteral("f"), text, 100, &reason) ==
                   (characters <= 100),
               QStringLiteral("checkLength on %1 characters").arg(characters));
    FUZZ_CHECK(RecordReader::characterColumn(text, text.size()) == characters + 1,
               QStringLiteral("characterColumn counts %1 characters in %2")
                   .arg(RecordReader::characterColumn(text, text.size()) - 1)
                   .arg(show(text)));
    FieldParser::checkEnum(text, {QStringLiteral("web"), QStringLiteral("app")}, &reason);
}

struct Read
{
    bool accepted = false;
    RecordReader::Failure failure;
    QList<int> columns; ///< CSV: the columns its header names
    QList<QList<Field>> records;
};

/// Reads \a data to its end or first failure and checks the reader's invariants.
Read readAll(const QByteArray &data, Format format, bool required, Stats *stats)
{
    const QStringList &names = columnNames();
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    RecordReader reader(&buffer, format, names);
    if (required)
        reader.setRequired({0});
    reader.setHashing(true);
    const qint64 lines = lineCount(data);
    const QString where = format == Format::Csv ? QStringLiteral("CSV") : QStringLiteral("JSON");

    Read read;
    const bool started = reader.start();
    FUZZ_CHECK(reader.bytesRead() <= data.size(),
               where + QStringLiteral(": read beyond the input"));
    if (started) {
        for (int c = 0; c < names.size(); ++c) {
            if (reader.hasColumn(c))
                read.columns.append(c);
        }
    }
    qint64 previous = 0;
    while (started && reader.next()) {
        FUZZ_CHECK(reader.line() > previous,
                   where + QStringLiteral(": record on line %1 after one on line %2")
                               .arg(reader.line())
                               .arg(previous));
        FUZZ_CHECK(reader.line() <= lines,
                   where +
                       QStringLiteral(": record on line %1 of %2").arg(reader.line()).arg(lines));
        FUZZ_CHECK(reader.bytesRead() <= data.size(),
                   where + QStringLiteral(": read beyond the input"));
        previous = reader.line();
        QList<Field> fields;
        for (int c = 0; c < names.size(); ++c) {
            const Field &f = reader.field(c);
            FUZZ_CHECK(f.column >= 0, where + QStringLiteral(": negative column"));
            if (format == Format::Csv) {
                FUZZ_CHECK((f.type == RecordReader::Type::Text) == reader.hasColumn(c) &&
                               (f.type == RecordReader::Type::Text ||
                                f.type == RecordReader::Type::Absent),
                           QStringLiteral("CSV: field %1 of the wrong type").arg(names[c]));
            } else {
                FUZZ_CHECK(f.type != RecordReader::Type::Text,
                           QStringLiteral("JSON: field %1 of type Text").arg(names[c]));
                FUZZ_CHECK(f.type == RecordReader::Type::Absent || f.column >= 1,
                           QStringLiteral("JSON: field %1 without a column").arg(names[c]));
            }
            FUZZ_CHECK(f.type != RecordReader::Type::Absent || f.text.isEmpty(),
                       where + QStringLiteral(": an absent field with text"));
            FUZZ_CHECK(RecordReader::validUtf8(f.text),
                       where + QStringLiteral(": field %1 is not valid UTF-8: %2")
                                   .arg(names[c], show(f.text)));
            if (f.type != RecordReader::Type::Absent)
                checkFieldParser(f.text);
            fields.append(f);
        }
        read.records.append(fields);
        ++stats->records;
    }
    if (reader.failed()) {
        const RecordReader::Failure &f = reader.failure();
        const auto failure = [&] {
            return where +
                   QStringLiteral(": failure %1:%2 \"%3\"").arg(f.line).arg(f.column).arg(f.reason);
        };
        FUZZ_CHECK(f.line >= 1, failure() + QStringLiteral(" before the first line"));
        FUZZ_CHECK(f.column >= 0, failure() + QStringLiteral(" with a negative column"));
        FUZZ_CHECK(!f.reason.isEmpty(), failure() + QStringLiteral(" without a reason"));
        FUZZ_CHECK(f.line <= lines + 1,
                   failure() + QStringLiteral(" beyond the %1 lines").arg(lines));
        FUZZ_CHECK(f.line > previous,
                   failure() + QStringLiteral(" before the record on line %1").arg(previous));
        FUZZ_CHECK(!reader.next(), failure() + QStringLiteral(": next() goes on"));
        read.failure = f;
    } else {
        FUZZ_CHECK(started, where + QStringLiteral(": start() false without a failure"));
        FUZZ_CHECK(reader.bytesRead() == data.size(),
                   where + QStringLiteral(": accepted after %1 of %2 bytes")
                               .arg(reader.bytesRead())
                               .arg(data.size()));
        FUZZ_CHECK(reader.sha256() == QCryptographicHash::hash(data, QCryptographicHash::Sha256),
                   where + QStringLiteral(": the hash is not the input's"));
        read.accepted = true;
    }
    return read;
}

void compareRecords(const Read &first, const Read &second, const QString &what,
                    const QByteArray &rewritten)
{
    if (!second.accepted) {
        violation(what + QStringLiteral(" is refused: %1:%2 %3")
                             .arg(second.failure.line)
                             .arg(second.failure.column)
                             .arg(second.failure.reason),
                  rewritten);
    }
    FUZZ_CHECK(second.records.size() == first.records.size(),
               what + QStringLiteral(" has %1 records instead of %2")
                          .arg(second.records.size())
                          .arg(first.records.size()),
               rewritten);
    for (qsizetype r = 0; r < first.records.size(); ++r) {
        for (qsizetype c = 0; c < first.records[r].size(); ++c) {
            const Field &a = first.records[r][c];
            const Field &b = second.records[r][c];
            FUZZ_CHECK(a.type == b.type && a.text == b.text,
                       what + QStringLiteral(": record %1, %2 is %3 instead of %4")
                                  .arg(r + 1)
                                  .arg(columnNames()[c], show(b.text), show(a.text)),
                       rewritten);
        }
    }
}

/// A CSV input that was accepted, written again with CsvWriter, reads back the same.
void checkCsvRoundTrip(const Read &read, Stats *stats)
{
    g_stage = "CSV round trip";
    const QStringList &names = columnNames();
    QByteArray rewritten;
    {
        QBuffer buffer(&rewritten);
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer, false);
        QStringList header;
        for (const int c : read.columns)
            header.append(names[c]);
        writer.writeRow(header);
        for (const QList<Field> &record : read.records) {
            QStringList row;
            for (const int c : read.columns)
                row.append(decode(record[c].text));
            if (row.size() == 1 && CsvWriter::quote(row[0]).trimmed().isEmpty()) {
                // CsvWriter leaves a lone empty or blank field unquoted: that line would be a
                // blank line, which a reader skips. Quote it.
                buffer.write('"' + record[read.columns[0]].text + "\"\r\n");
            } else {
                writer.writeRow(row);
            }
        }
        FUZZ_CHECK(writer.isOk(), QStringLiteral("CsvWriter failed"));
    }
    Stats ignored;
    const Read again = readAll(rewritten, Format::Csv, false, &ignored);
    compareRecords(read, again, QStringLiteral("the CSV written again"), rewritten);
    FUZZ_CHECK(again.columns == read.columns,
               QStringLiteral("the CSV written again has other columns"), rewritten);
    ++stats->roundTrips;
}

/// \a utf8 as a JSON string, escaped as CatalogueExporter::appendJsonString() escapes it
/// (catalogueexporter.cpp needs Qt Sql, which this program does not link).
void appendJsonString(QByteArray &out, const QByteArray &utf8)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const char ch : utf8) {
        const uchar c = uchar(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    out += '"';
}

/// A JSON Lines input that was accepted, written again, reads back the same.
void checkJsonRoundTrip(const Read &read, Stats *stats)
{
    g_stage = "JSON Lines round trip";
    const QStringList &names = columnNames();
    QByteArray rewritten;
    for (const QList<Field> &record : read.records) {
        rewritten += '{';
        bool first = true;
        for (int c = 0; c < names.size(); ++c) {
            const Field &f = record[c];
            if (f.type == RecordReader::Type::Absent)
                continue;
            if (!first)
                rewritten += ',';
            first = false;
            rewritten += '"' + names[c].toUtf8() + "\":";
            switch (f.type) {
            case RecordReader::Type::String:
                appendJsonString(rewritten, f.text);
                break;
            case RecordReader::Type::Null:
                rewritten += "null";
                break;
            default:
                rewritten += f.text;
            }
        }
        rewritten += "}\n";
    }
    Stats ignored;
    const Read again = readAll(rewritten, Format::JsonLines, false, &ignored);
    compareRecords(read, again, QStringLiteral("the JSON Lines written again"), rewritten);
    ++stats->roundTrips;
}

/// Values cut from \a data, written with CsvWriter and as JSON Lines, read back the same.
void checkWriters(const QByteArray &data, Stats *stats)
{
    g_stage = "writing values cut from the input";
    const QStringList &names = columnNames();
    const QString text = QString::fromUtf8(data); // invalid bytes become U+FFFD
    const int columns = 2 + int(data.size() % 2);
    const int rows = 1 + int(data.size() % 3);
    const qsizetype length = text.size() / (columns * rows) + 1;
    QList<QStringList> values;
    QByteArray csv;
    QByteArray json;
    {
        QBuffer buffer(&csv);
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer, data.size() % 4 == 0);
        writer.writeRow(names.mid(0, columns));
        for (int r = 0; r < rows; ++r) {
            QStringList row;
            json += '{';
            for (int c = 0; c < columns; ++c) {
                row.append(text.mid((r * columns + c) * length, length));
                if (c > 0)
                    json += ',';
                appendJsonString(json, names[c].toUtf8());
                json += ':';
                appendJsonString(json, row.last().toUtf8());
            }
            json += "}\n";
            writer.writeRow(row);
            values.append(row);
        }
        FUZZ_CHECK(writer.isOk(), QStringLiteral("CsvWriter failed"));
    }
    for (const auto &[format, written] :
         {qMakePair(Format::Csv, csv), qMakePair(Format::JsonLines, json)}) {
        QBuffer buffer;
        buffer.setData(written);
        buffer.open(QIODevice::ReadOnly);
        RecordReader reader(&buffer, format, names);
        const QString what = format == Format::Csv ? QStringLiteral("values written as CSV")
                                                   : QStringLiteral("values written as JSON");
        int r = 0;
        if (reader.start()) {
            for (; reader.next(); ++r) {
                FUZZ_CHECK(r < rows, what + QStringLiteral(": more than %1 records").arg(rows),
                           written);
                for (int c = 0; c < columns; ++c) {
                    const QByteArray expected = values[r][c].toUtf8();
                    // Qt's JSON parser drops U+FEFF at the start of a string without escapes.
                    if (format == Format::JsonLines && expected.startsWith("\xEF\xBB\xBF") &&
                        reader.field(c).text == expected.mid(3))
                        continue;
                    FUZZ_CHECK(reader.field(c).text == expected,
                               what +
                                   QStringLiteral(": record %1, %2 is %3 instead of %4")
                                       .arg(r + 1)
                                       .arg(names[c], show(reader.field(c).text), show(expected)),
                               written);
                }
            }
        }
        FUZZ_CHECK(!reader.failed() && r == rows,
                   what + QStringLiteral(": %1 of %2 records read back (%3:%4 %5)")
                              .arg(r)
                              .arg(rows)
                              .arg(reader.failure().line)
                              .arg(reader.failure().column)
                              .arg(reader.failure().reason),
                   written);
    }
    ++stats->writerRoundTrips;
}

void runOne(const QByteArray &data, Stats *stats)
{
    g_input = data;
    ++stats->inputs;
    // The header must name external_id for about half of the inputs.
    const bool required = (data.size() & 1) != 0;

    g_stage = "reading CSV";
    const Read csv = readAll(data, Format::Csv, required, stats);
    if (csv.accepted) {
        ++stats->csvAccepted;
        checkCsvRoundTrip(csv, stats);
    } else {
        ++stats->csvRefused;
    }

    g_stage = "reading JSON Lines";
    const Read json = readAll(data, Format::JsonLines, required, stats);
    if (json.accepted) {
        ++stats->jsonAccepted;
        checkJsonRoundTrip(json, stats);
    } else {
        ++stats->jsonRefused;
    }

    checkWriters(data, stats);
    g_stage = "between inputs";
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Stats stats;
    runOne(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), &stats);
    return 0;
}

#ifndef COULISSE_LIBFUZZER

/// UndefinedBehaviorSanitizer aborts on a report (rather than exit), so that the input is
/// written; UBSAN_OPTIONS still overrides this.
extern "C" const char *__ubsan_default_options()
{
    return "print_stacktrace=1:abort_on_error=1";
}

namespace {

/// Valid catalogue files of videos (and a few of the other kinds, whose headers the videos'
/// columns refuse), CSV and JSON Lines, from \a rng.
QList<QByteArray> seedCorpus(std::mt19937_64 &rng)
{
    QList<QByteArray> seeds{
        QByteArrayLiteral("external_id,title,game,uploader,source,duration_s,published_at,"
                          "featured,plays\r\nv1,原神 攻略,g1,,pc_recorder,120,"
                          "2026-11-01T08:30:00+08:00,yes,0\r\nv2,\"a, \"\"b\"\"\",g2,u1,"
                          "web_upload,0,2025-02-28 23:59:60Z,false,4611686018427387903\r\n"),
        QByteArrayLiteral("\xEF\xBB\xBF"
                          "external_id,title\nv1,\"line one\nline two\"\n\nv2,\"crlf\r\nkept\"\n"),
        QByteArrayLiteral("Title , EXTERNAL_ID,game\n  padded  ,v9,[\"x\"]\n"),
        QByteArrayLiteral(
            "external_id,published_at,duration_s,plays\nv1,2024-02-29T12:00:00.5-05:30,"
            "0001,-0\nv2,9999-12-31T23:59:59+15:59,2147483647,1e3\n"),
        QByteArrayLiteral(
            "{\"external_id\":\"v1\",\"title\":\"原神\",\"game\":\"g1\",\"uploader\":"
            "null,\"source\":\"mobile_recorder\",\"duration_s\":30,\"published_at\":"
            "\"2026-01-01T00:00:00Z\",\"featured\":true,\"plays\":9007199254740993}\n"
            "{\"external_id\":42,\"title\":\"a\\\"b\\\\c\\nd\\u00e9\",\"game\":7.5}\n"),
        QByteArrayLiteral(
            "\xEF\xBB\xBF\r\n{ \"external_id\" : \"v1\" , \"title\" : [\"a\", 1, {\"k\":"
            "null}] }\r\n\r\n{\"title\":{\"x\":[]},\"plays\":-0.0,\"featured\":\"yes\"}"),
        QByteArrayLiteral("{\"title\":\"external_id\",\"external_id\":\"title\"}\n{}\n"),
        QByteArrayLiteral(
            "external_id,name,name_en,aliases,introduction,developer,released,status\n"
            "g1,原神,Genshin,\"[\"\"原\"\",\"\"GI\"\"]\",,miHoYo,2020,active\n"),
        QByteArrayLiteral(
            "{\"external_id\":\"t1\",\"group\":\"character\",\"game\":\"g1\",\"name\":"
            "\"胡桃\",\"aliases\":[\"Hu Tao\"]}\n"),
        QByteArrayLiteral("external_id,title\n"),
        QByteArrayLiteral("external_id\n\"\"\n\"  \"\nv1\n"),
    };

    // Files written as the exporter writes them, with values that need care.
    const QList<QString> values{
        QStringLiteral("a,b"),
        QStringLiteral("say \"hi\""),
        QStringLiteral("one\ntwo"),
        QStringLiteral("one\r\ntwo"),
        QStringLiteral("原神，攻略"),
        QStringLiteral("  padded "),
        QString(),
        QStringLiteral("😀"),
        QStringLiteral("\\N"),
        QStringLiteral("end\r"),
        QStringLiteral("[\"a\",\"b\"]"),
        QStringLiteral("2026-11-01T08:30:00+08:00"),
        QStringLiteral("120"),
        QStringLiteral("true"),
        QStringLiteral("{\"k\":1}"),
    };
    const QStringList &names = columnNames();
    for (int file = 0; file < 12; ++file) {
        const int rows = 1 + int(rng() % 4);
        QByteArray csv;
        QBuffer buffer(&csv);
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer, file % 2 == 0);
        QList<int> columns{0};
        for (int c = 1; c < names.size(); ++c) {
            if (rng() % 3 != 0)
                columns.append(c);
        }
        QStringList header;
        for (const int c : columns)
            header.append(names[c]);
        writer.writeRow(header);
        QByteArray json;
        for (int r = 0; r < rows; ++r) {
            QStringList row;
            json += '{';
            for (const int c : columns) {
                const QString value =
                    c == 0 ? QStringLiteral("v%1").arg(r) : values[int(rng() % values.size())];
                row.append(value);
                if (c > 0)
                    json += ',';
                json += '"' + names[c].toUtf8() + "\":";
                switch (rng() % 4) {
                case 0:
                    json += QByteArray::number(qint64(rng() % 100000) - 10);
                    break;
                case 1:
                    json += rng() % 2 ? "true" : "null";
                    break;
                default:
                    json += '"' +
                            value.toUtf8()
                                .replace('\\', "\\\\")
                                .replace('"', "\\\"")
                                .replace('\n', "\\n")
                                .replace('\r', "\\r") +
                            '"';
                }
            }
            json += file % 3 == 0 ? "}\r\n" : "}\n";
            writer.writeRow(row);
        }
        seeds.append(csv);
        seeds.append(json);
    }
    return seeds;
}

const QList<QByteArray> &tokens()
{
    static const QList<QByteArray> list{
        "\"",
        "\"\"",
        ",",
        "\n",
        "\r",
        "\r\n",
        "\xEF\xBB\xBF",
        "{",
        "}",
        "[",
        "]",
        ":",
        "\\",
        "\\u",
        "\\ud800",
        "null",
        "true",
        "-0",
        "1e999",
        "0.1",
        "\"title\":",
        "\"external_id\":",
        " ",
        "\t",
        QByteArray(1, '\0'),
        "\xFF",
        "\xC0\xAF",
        "\xE0\x80\xAF",
        "\xED\xA0\x80",
        "\xF4\x90\x80\x80",
        "\xE4\xB8",
        "\x80",
        "原神",
        "😀",
        ",\"x\"",
        "\"\n",
        "\"\r\n\"",
        "2026-02-30T00:00:00Z",
        "+08:00",
        "external_id",
        ",,,",
    };
    return list;
}

class Mutator
{
public:
    Mutator(quint64 seed, QList<QByteArray> corpus)
        : m_rng(seed)
        , m_corpus(std::move(corpus))
    {}

    std::mt19937_64 &rng() { return m_rng; }

    QByteArray next()
    {
        QByteArray data = pick();
        // Mostly one or two mutations: inputs that stay nearly valid reach deeper.
        const int mutations = below(4) == 0 ? 1 + below(8) : 1 + below(2);
        for (int i = 0; i < mutations; ++i)
            mutate(data);
        if (data.size() > kMaxSize)
            data.truncate(kMaxSize);
        // Keep some mutants: mutations of mutations reach further.
        if (below(16) == 0) {
            if (m_pool.size() < 256)
                m_pool.append(data);
            else
                m_pool[below(256)] = data;
        }
        return data;
    }

private:
    static constexpr qsizetype kMaxSize = 1 << 13;

    int below(qsizetype n) { return n <= 0 ? 0 : int(m_rng() % quint64(n)); }

    QByteArray pick()
    {
        if (!m_pool.isEmpty() && below(4) == 0)
            return m_pool[below(m_pool.size())];
        return m_corpus[below(m_corpus.size())];
    }

    /// A position in \a data, preferably at the start of a line.
    qsizetype position(const QByteArray &data, bool lineStart)
    {
        qsizetype at = below(data.size() + 1);
        if (lineStart) {
            const qsizetype newline = data.lastIndexOf('\n', at - 1);
            at = newline < 0 ? 0 : newline + 1;
        }
        return at;
    }

    QByteArray randomLine()
    {
        const QByteArray &source = m_corpus[below(m_corpus.size())];
        const QList<QByteArray> lines = source.split('\n');
        return lines[below(lines.size())] + '\n';
    }

    void mutate(QByteArray &data)
    {
        switch (below(12)) {
        case 0: // flip a bit
            if (!data.isEmpty())
                data[below(data.size())] ^= char(1 << below(8));
            break;
        case 1: // a random byte
            if (!data.isEmpty())
                data[below(data.size())] = char(below(256));
            break;
        case 2:
        case 3: // a token that matters to one of the formats
            data.insert(position(data, false), tokens()[below(tokens().size())]);
            break;
        case 4: // delete a range
            if (!data.isEmpty()) {
                const qsizetype at = below(data.size());
                data.remove(at, 1 + below(std::min<qsizetype>(16, data.size() - at)));
            }
            break;
        case 5: // truncate
            data.truncate(below(data.size() + 1));
            break;
        case 6: { // copy a range elsewhere
            if (data.isEmpty())
                break;
            const qsizetype at = below(data.size());
            const QByteArray piece = data.mid(at, 1 + below(32));
            data.insert(position(data, false), piece);
            break;
        }
        case 7: // splice a line of another file
            data.insert(position(data, true), randomLine());
            break;
        case 8: { // replace a line by one of another file
            const qsizetype at = position(data, true);
            const qsizetype end = data.indexOf('\n', at);
            data.replace(at, (end < 0 ? data.size() : end + 1) - at, randomLine());
            break;
        }
        case 9: { // swap two lines
            QList<QByteArray> lines = data.split('\n');
            if (lines.size() > 1) {
                std::swap(lines[below(lines.size())], lines[below(lines.size())]);
                data = lines.join('\n');
            }
            break;
        }
        case 10: { // random bytes
            QByteArray bytes;
            for (int i = 0, n = 1 + below(8); i < n; ++i)
                bytes += char(below(256));
            data.insert(position(data, false), bytes);
            break;
        }
        default: { // a run of the formats' own characters
            static const char alphabet[] = "\",\n\r{}[]:\\ 0aé";
            QByteArray run;
            for (int i = 0, n = 1 + below(12); i < n; ++i)
                run += alphabet[below(sizeof(alphabet) - 1)];
            data.insert(position(data, false), run);
            break;
        }
        }
    }

    std::mt19937_64 m_rng;
    QList<QByteArray> m_corpus;
    QList<QByteArray> m_pool;
};

/// The bytes of \a path: raw, or an xxd dump when it ends in .hex.
bool readInput(const QString &path, QByteArray *data)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    *data = file.readAll();
    if (!path.endsWith(QLatin1String(".hex")))
        return true;
    QByteArray bytes;
    for (const QByteArray &line : data->split('\n')) {
        const qsizetype colon = line.indexOf(": ");
        if (colon < 0)
            continue;
        QByteArray hex = line.mid(colon + 2);
        const qsizetype ascii = hex.indexOf("  ");
        if (ascii >= 0)
            hex.truncate(ascii);
        bytes += QByteArray::fromHex(hex);
    }
    *data = bytes;
    return true;
}

void usage()
{
    std::printf(
        "Usage: fuzz_records [--seconds N] [--seed S] [--inputs N] [FILE...]\n"
        "Reads mutated catalogue files as CSV and as JSON Lines for N seconds (default 20) from\n"
        "seed S (default 1), or at most N inputs, checking the readers' invariants. A broken\n"
        "invariant or a sanitizer report writes the input to fuzz_records-*.hex and aborts.\n"
        "With FILEs (raw bytes, or such a .hex dump), reads those only.\n");
}

} // namespace

int main(int argc, char **argv)
{
    double seconds = 20;
    quint64 seed = 1;
    qint64 maxInputs = -1;
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg = argv[i];
        const bool hasValue = i + 1 < argc;
        bool ok = true;
        if (arg == "--seconds" && hasValue)
            seconds = QByteArray(argv[++i]).toDouble(&ok);
        else if (arg == "--seed" && hasValue)
            seed = QByteArray(argv[++i]).toULongLong(&ok);
        else if (arg == "--inputs" && hasValue)
            maxInputs = QByteArray(argv[++i]).toLongLong(&ok);
        else if (arg == "--help" || arg == "-h") {
            usage();
            return 0;
        } else if (arg.startsWith('-')) {
            ok = false;
        } else {
            files.append(QString::fromLocal8Bit(arg));
        }
        if (!ok || seconds < 0) {
            usage();
            return 2;
        }
    }
    // AddressSanitizer calls its death callback; UndefinedBehaviorSanitizer aborts (see
    // __ubsan_default_options).
#if defined(COULISSE_ASAN)
    __sanitizer_set_death_callback(writeCrashInput);
#endif
    std::signal(SIGABRT, onAbort);

    Stats stats;
    QElapsedTimer timer;
    timer.start();
    if (!files.isEmpty()) {
        for (const QString &path : std::as_const(files)) {
            QByteArray data;
            if (!readInput(path, &data)) {
                std::fprintf(stderr, "fuzz_records: cannot read %s\n", qPrintable(path));
                return 2;
            }
            runOne(data, &stats);
        }
    } else {
        std::mt19937_64 rng(seed);
        const QList<QByteArray> corpus = seedCorpus(rng);
        for (const QByteArray &data : corpus)
            runOne(data, &stats);
        Mutator mutator(seed, corpus);
        const qint64 limit = qint64(seconds * 1000);
        while (timer.elapsed() < limit && (maxInputs < 0 || stats.inputs < maxInputs))
            runOne(mutator.next(), &stats);
    }
    std::printf(
        "fuzz_records: %lld inputs in %.1f s (seed %llu): CSV %lld accepted, %lld refused; "
        "JSON Lines %lld accepted, %lld refused; %lld records, %lld read-write-read round trips, "
        "%lld write-read round trips\n",
        static_cast<long long>(stats.inputs), timer.elapsed() / 1000.0,
        static_cast<unsigned long long>(seed), static_cast<long long>(stats.csvAccepted),
        static_cast<long long>(stats.csvRefused), static_cast<long long>(stats.jsonAccepted),
        static_cast<long long>(stats.jsonRefused), static_cast<long long>(stats.records),
        static_cast<long long>(stats.roundTrips), static_cast<long long>(stats.writerRoundTrips));
    return 0;
}

#endif // COULISSE_LIBFUZZER

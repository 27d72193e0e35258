#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QList>
#include <QStringList>

#include <memory>

class QIODevice;

/// Streams the records of a CSV file with a header row (RFC 4180: a quoted field may hold
/// commas, doubled quotes and line breaks) or of a JSON Lines file (one object per line), a
/// record at a time in constant memory. A UTF-8 byte order mark is skipped, blank lines are
/// ignored and every line must be valid UTF-8.
///
/// Fields are known by their column: one of the names given to the constructor, which a CSV
/// header row names and a JSON object uses as keys. Each field comes with the character column
/// where it starts on its line, for messages like "file:12:7: reason". A header naming an
/// unknown or repeated column, a record with the wrong number of fields, an unknown key, bad
/// quoting or bad JSON stops the reader with a failure (line, column, reason).
class RecordReader
{
    Q_DECLARE_TR_FUNCTIONS(RecordReader)

public:
    enum class Format { Auto, Csv, JsonLines };
    /// What a value was in the file: CSV fields are Text; JSON values keep their type, arrays
    /// and objects as compact JSON text. A JSON number written as a whole number keeps its
    /// exact digits (Field::integral); one written with a fraction or an exponent is the
    /// shortest text of its double, digits when whole below 2^53, with an exponent from 2^53
    /// on.
    enum class Type { Absent, Text, String, Number, Bool, Null, Array, Object };

    struct Field
    {
        QByteArray text;
        Type type = Type::Absent;
        int column = 0; ///< 1-based character column on its line, 0 when unknown
        /// A JSON number written as a whole number (no fraction, no exponent): text holds its
        /// exact digits, however many.
        bool integral = false;

        /// Absent, JSON null or an empty CSV field.
        bool isEmpty() const
        {
            return type == Type::Absent || type == Type::Null || text.isEmpty();
        }
    };

    struct Failure
    {
        qint64 line = 0;
        int column = 0; ///< 0 when the whole line is meant
        QString reason;
    };

    /// Reads \a device (open for reading) in \a format; Auto takes JSON Lines when the first
    /// character that is not white space is "{". \a columns are the names a file may use.
    RecordReader(QIODevice *device, Format format, QStringList columns);
    ~RecordReader();

    /// Columns a CSV header must name (checked by start()).
    void setRequired(const QList<int> &columns) { m_required = columns; }
    /// Keeps a SHA-256 of every byte read (see sha256()).
    void setHashing(bool on) { m_hashing = on; }

    /// Detects the format and reads the CSV header. False on a failure.
    bool start();
    /// Reads the next record. False at the end of the file or on a failure (see failed()).
    bool next();

    Format format() const { return m_format; }
    bool failed() const { return !m_failure.reason.isEmpty(); }
    const Failure &failure() const { return m_failure; }
    /// True when a CSV header names \a column; always true for JSON Lines.
    bool hasColumn(int column) const;
    const Field &field(int column) const { return m_fields[column]; }
    /// The first line of the current record.
    qint64 line() const { return m_recordLine; }
    qint64 bytesRead() const { return m_bytes; }
    QByteArray sha256() const;

    /// "file:line:column: reason" (without the column when it is 0), as importers report.
    static QString message(const QString &file, qint64 line, int column, const QString &reason);
    /// The format a file's extension names (.csv; .jsonl, .ndjson, .json), else Auto.
    static Format formatOf(const QString &path);
    /// The character column (1-based) of byte \a offset of \a line.
    static int characterColumn(const QByteArray &line, qsizetype offset);
    static bool validUtf8(const QByteArray &bytes);

private:
    bool readLine();
    bool fail(qint64 line, int column, const QString &reason);
    bool parseCsv(QList<QByteArray> *values, QList<int> *columns, QList<qint64> *lines);
    bool readCsvRecord();
    bool readJsonRecord();

    QIODevice *m_device;
    Format m_format;
    QStringList m_names;
    QList<int> m_required;
    bool m_hashing = false;
    std::unique_ptr<QCryptographicHash> m_hash;
    QByteArray m_line;   ///< the current line, without its line break
    int m_lineBreak = 0; ///< how m_line ended: 0 nothing, 1 "\n", 2 "\r\n"
    bool m_atEnd = false;
    bool m_pendingFirst = false; ///< JSON Lines: m_line is the first record, not yet read
    qint64 m_lineNumber = 0;     ///< number of m_line
    qint64 m_recordLine = 0;
    qint64 m_bytes = 0;
    QList<int> m_headerColumns; ///< CSV: the column of each field of a record
    QList<Field> m_fields;
    Failure m_failure;
    // Scratch space reused from record to record.
    QList<QByteArray> m_values;
    QList<int> m_valueColumns;
    QList<qint64> m_valueLines;
};

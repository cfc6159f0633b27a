import Foundation
import HQLPlanner
import SQLiteStore

/// Splits text-table files into rows of fields, per `TextFormat`. Files are read as bytes; invalid UTF-8 is
/// kept as it is (decoded with replacement only where a field becomes a string).
struct TextFileReader {
    let format: TextFormat

    /// The data files of a location: the file itself, or every visible file of a folder (Hive's layout), sorted.
    static func files(at location: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [location] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: location)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") }.sorted()
            .map { (location as NSString).appendingPathComponent($0) }
            .filter { path in
                var folder: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && !folder.boolValue
            }
    }

    /// Calls `row` with the raw fields (nil for a quoted-absent or NULL-marked field is decided by the caller)
    /// of every data row of `bytes`.
    func forEachRow(in bytes: [UInt8], _ row: ([String]) throws -> Void) rethrows {
        var skipped = 0
        var index = 0
        let count = bytes.count
        while index < count {
            var fields: [String] = []
            var field: [UInt8] = []
            var inQuotes = false
            while index < count {
                let byte = bytes[index]
                if let quote = format.quote, byte == quote, format.kind != .delimited {
                    if inQuotes, index + 1 < count, bytes[index + 1] == quote, format.escape == quote {
                        field.append(quote)
                        index += 2
                        continue
                    }
                    inQuotes.toggle()
                    index += 1
                    continue
                }
                if let escape = format.escape, byte == escape, escape != format.quote, index + 1 < count {
                    field.append(bytes[index + 1])
                    index += 2
                    continue
                }
                if !inQuotes, byte == 0x0A {
                    index += 1
                    break
                }
                if !inQuotes, matches(format.fieldSeparator, in: bytes, at: index) {
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    index += format.fieldSeparator.count
                    continue
                }
                field.append(byte)
                index += 1
            }
            if field.last == 0x0D { field.removeLast() }
            fields.append(String(decoding: field, as: UTF8.self))
            if skipped < format.headerLines {
                skipped += 1
                continue
            }
            try row(fields)
        }
    }

    /// Reads every row of `files`, decodes each field by its column's type (schema on read) and runs `insert`
    /// (one `?` per column) for it; blank lines are skipped.
    static func insertRows(of files: [String], format: TextFormat, types: [HQLPlanner.HiveType],
                           into insert: SQLiteStore.Statement) throws {
        let reader = TextFileReader(format: format)
        let decoder = TextValueDecoder(format: format)
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            try reader.forEachRow(in: [UInt8](data)) { fields in
                if fields.count == 1, fields[0].isEmpty { return }
                insert.reset()
                for (index, type) in types.enumerated() {
                    try insert.bind(decoder.decode(index < fields.count ? fields[index] : nil, as: type), at: index + 1)
                }
                try insert.execute()
            }
        }
    }

    private func matches(_ separator: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard let first = separator.first, bytes[index] == first else { return false }
        if separator.count == 1 { return true }
        guard index + separator.count <= bytes.count else { return false }
        for offset in 1..<separator.count where bytes[index + offset] != separator[offset] { return false }
        return true
    }
}

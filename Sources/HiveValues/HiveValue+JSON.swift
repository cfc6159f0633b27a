// Complex values (arrays, maps, structs) are stored in SQLite as JSON text. The encoding is plain JSON a person can
// read and SQLite's json functions can walk; the column's Hive type restores what JSON cannot say (a DATE is a
// string, a map's keys are strings).
//
//   ARRAY       → [ ... ]
//   MAP         → { "key text": value, ... }   keys written in their text form (`1`, `2020-01-02`, `a`)
//   STRUCT      → { "field": value, ... }
//   DECIMAL     → number, exactly as written at its scale (1.50)
//   FLOAT/DOUBLE→ number in Java's text form; NaN and ±Infinity as the strings "NaN", "Infinity", "-Infinity"
//   DATE, TIMESTAMP → their CLI text in a string
//   BINARY      → base64 in a string

extension HiveValue {
    /// The JSON storage text of the value (see the table at the top of this file).
    public var jsonStorageText: String {
        var out: [UInt8] = []
        appendJSON(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON storage form.
    public func appendJSON(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .boolean(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .tinyint, .smallint, .int, .bigint, .decimal: out.append(contentsOf: cliText.utf8)
        case .float(let f):
            if f.isFinite { out.append(contentsOf: JavaNumberText.float(f).utf8) } else { JSONWriter.appendString(JavaNumberText.float(f), to: &out) }
        case .double(let d):
            if d.isFinite { out.append(contentsOf: JavaNumberText.double(d).utf8) } else { JSONWriter.appendString(JavaNumberText.double(d), to: &out) }
        case .string(let s): JSONWriter.appendString(s, to: &out)
        case .binary(let b): JSONWriter.appendString(Base64.encode(b), to: &out)
        case .date(let d): JSONWriter.appendString(d.description, to: &out)
        case .timestamp(let t): JSONWriter.appendString(t.description, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                item.appendJSON(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .map(let entries):
            out.append(UInt8(ascii: "{"))
            for (k, e) in entries.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(e.key.cliText, to: &out)
                out.append(UInt8(ascii: ":"))
                e.value.appendJSON(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .structValue(let fields):
            out.append(UInt8(ascii: "{"))
            for (k, f) in fields.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(f.name, to: &out)
                out.append(UInt8(ascii: ":"))
                f.value.appendJSON(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Decodes JSON storage text as a value of `type`; `.null` when the text is not valid JSON.
    public static func fromJSONStorage(_ text: String, as type: HiveType) -> HiveValue {
        guard let j = JSONReader.parse(text) else { return .null }
        return fromJSON(j, as: type)
    }

    /// Converts a parsed JSON value to `type`; members that do not fit the type become NULL.
    public static func fromJSON(_ j: JSONValue, as type: HiveType) -> HiveValue {
        switch (j, type) {
        case (.null, _): return .null
        case (.array(let items), .array(let element)):
            return .array(items.map { fromJSON($0, as: element) })
        case (.object(let members), .map(let k, let v)):
            return .map(members.map { HiveMapEntry(HiveCast.cast(.string($0.0), to: k), fromJSON($0.1, as: v)) })
        case (.object(let members), .structType(let fields)):
            return .structValue(fields.map { f in
                HiveStructField(f.0, members.first { $0.0 == f.0 }.map { fromJSON($0.1, as: f.1) } ?? .null)
            })
        case (.bool(let b), .boolean): return .boolean(b)
        case (.number(let n), _): return HiveCast.cast(.string(n), to: type)
        case (.string(let s), .binary): return Base64.decode(s).map(HiveValue.binary) ?? .null
        case (.string(let s), _): return HiveCast.cast(.string(s), to: type)
        case (.bool(let b), _): return HiveCast.cast(.boolean(b), to: type)
        default: return .null
        }
    }
}

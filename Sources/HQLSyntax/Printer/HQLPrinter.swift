/// Prints the AST back as canonical HiveQL.
///
/// Two layouts share one walk over the tree: `.compact` writes each statement on one line with single
/// spaces (the form of the identity fixtures), `.pretty` is the `hqlrun fmt` layout with each major clause
/// on its own line. Both reparse to the same AST: parentheses kept in the tree (`.parenthesized`) are
/// printed as written, and parentheses are added only where precedence requires them.
///
/// Output goes into one `String` with reserved capacity; clauses are appended, never concatenated
/// from intermediate strings, so printing is linear in the size of the output.
public struct HQLPrinter {
    /// The layout of the printed text.
    public enum Style: Sendable, Equatable {
        /// One line per statement, single spaces.
        case compact
        /// Major clauses on their own lines, 4-space indentation.
        case pretty
    }

    /// The text printed so far.
    var out: String
    /// The current layout; expressions switch to `.compact` while they print.
    var style: Style
    /// Indentation depth of the pretty layout, in steps of four spaces.
    var indentLevel = 0

    init(style: Style, capacity: Int = 256) {
        self.style = style
        out = ""
        out.reserveCapacity(capacity)
    }

    // MARK: - Public entry points

    /// Prints one statement without a trailing `;`.
    public static func format(_ statement: Statement, style: Style = .compact) -> String {
        var printer = HQLPrinter(style: style)
        printer.printStatement(statement)
        return printer.out
    }

    /// Prints statements separated by `;\n`, the last one followed by `;`.
    public static func formatScript(_ statements: [Statement], style: Style = .compact) -> String {
        var printer = HQLPrinter(style: style, capacity: 128 * max(1, statements.count))
        for (index, statement) in statements.enumerated() {
            if index > 0 { printer.write(";\n") }
            printer.printStatement(statement)
        }
        if !statements.isEmpty { printer.write(";") }
        return printer.out
    }

    /// Prints one expression on one line.
    public static func format(_ expression: Expression) -> String {
        var printer = HQLPrinter(style: .compact)
        printer.printExpression(expression)
        return printer.out
    }

    /// Prints a query.
    public static func format(_ query: Query, style: Style = .compact) -> String {
        var printer = HQLPrinter(style: style)
        printer.printQuery(query)
        return printer.out
    }

    /// Prints a type in its canonical upper-case spelling, e.g. `MAP<STRING,ARRAY<INT>>`.
    public static func format(_ type: DataType) -> String {
        var printer = HQLPrinter(style: .compact, capacity: 32)
        printer.printType(type)
        return printer.out
    }

    /// Prints a name: bare when it lexes as one identifier and is not reserved, otherwise in backticks.
    public static func format(_ identifier: Identifier) -> String {
        var printer = HQLPrinter(style: .compact, capacity: identifier.name.utf8.count + 2)
        printer.printIdentifier(identifier)
        return printer.out
    }

    // MARK: - Layout

    /// Appends text as it is.
    @inline(__always)
    mutating func write(_ text: String) {
        out += text
    }

    /// Starts a major clause: a new line at the current indentation (pretty) or a space (compact).
    mutating func clauseBreak() {
        switch style {
        case .compact: out.append(" ")
        case .pretty: newline()
        }
    }

    /// A line break in the pretty layout, nothing in the compact one (just inside a `(` or before a `)`).
    mutating func softBreak() {
        switch style {
        case .compact: break
        case .pretty: newline()
        }
    }

    /// A line break followed by the current indentation.
    mutating func newline() {
        out.append("\n")
        for _ in 0..<indentLevel { out += "    " }
    }

    /// Runs `body` one indentation step deeper.
    mutating func indented(_ body: (inout HQLPrinter) -> Void) {
        indentLevel += 1
        body(&self)
        indentLevel -= 1
    }

    /// Runs `body` in the compact layout (expressions, short lists).
    mutating func compactly(_ body: (inout HQLPrinter) -> Void) {
        let saved = style
        style = .compact
        body(&self)
        style = saved
    }

    /// Writes `items` separated by `, `.
    mutating func commaSeparated<T>(_ items: [T], _ body: (inout HQLPrinter, T) -> Void) {
        for (index, item) in items.enumerated() {
            if index > 0 { out += ", " }
            body(&self, item)
        }
    }

    /// Writes `( items )`: on one line in compact style, one item per indented line in pretty style.
    mutating func parenthesizedBlock<T>(_ items: [T], _ body: (inout HQLPrinter, T) -> Void) {
        out.append("(")
        indented { printer in
            for (index, item) in items.enumerated() {
                switch printer.style {
                case .compact:
                    if index > 0 { printer.out += ", " }
                case .pretty:
                    if index > 0 { printer.out.append(",") }
                    printer.newline()
                }
                body(&printer, item)
            }
        }
        softBreak()
        out.append(")")
    }

    /// Writes `(query)`, the query indented on its own lines in pretty style.
    mutating func parenthesizedQuery(_ query: Query) {
        out.append("(")
        indented { printer in
            printer.softBreak()
            printer.printQuery(query)
        }
        softBreak()
        out.append(")")
    }

    // MARK: - Names

    /// A name, bare or in backticks (see `needsBackticks`); backticks are kept when the source had them.
    mutating func printIdentifier(_ identifier: Identifier) {
        if identifier.isQuoted || HQLPrinter.needsBackticks(identifier.name) {
            writeBackticked(identifier.name)
        } else {
            out += identifier.name
        }
    }

    /// A name in a position where the parser takes a bare word only when it is no keyword at all (a lateral
    /// view's table alias, a window's base name): keywords, reserved or not, go in backticks there.
    mutating func printBareName(_ identifier: Identifier) {
        if !identifier.isQuoted, HQLPrinter.lexesAsWord(identifier.name), HQLPrinter.keyword(identifier.name) != nil {
            writeBackticked(identifier.name)
        } else {
            printIdentifier(identifier)
        }
    }

    /// A name that may be a reserved word in its position, such as a function name (`if`, `map`, `date`):
    /// bare unless it cannot lex as a word.
    mutating func printFunctionNamePart(_ identifier: Identifier) {
        if identifier.isQuoted || !HQLPrinter.lexesAsWord(identifier.name) {
            writeBackticked(identifier.name)
        } else {
            out += identifier.name
        }
    }

    /// `` `name` ``, with inner backticks doubled.
    mutating func writeBackticked(_ name: String) {
        out.append("`")
        if name.utf8.contains(UInt8(ascii: "`")) {
            for character in name {
                if character == "`" { out += "``" } else { out.append(character) }
            }
        } else {
            out += name
        }
        out.append("`")
    }

    /// `db.table`, each part quoted on its own.
    mutating func printQualifiedName(_ name: QualifiedName) {
        for (index, part) in name.parts.enumerated() {
            if index > 0 { out.append(".") }
            printIdentifier(part)
        }
    }

    /// Names separated by `, `.
    mutating func printIdentifierList(_ names: [Identifier]) {
        commaSeparated(names) { $0.printIdentifier($1) }
    }

    /// Whether a name must be written in backticks: it does not lex as one word, or it is reserved.
    static func needsBackticks(_ name: String) -> Bool {
        guard lexesAsWord(name) else { return true }
        return keyword(name)?.isReserved ?? false
    }

    /// The keyword a word spells, in any case, or nil.
    static func keyword(_ name: String) -> Keyword? {
        guard let first = name.utf8.first, first.asciiUppercased >= UInt8(ascii: "A"),
              first.asciiUppercased <= UInt8(ascii: "Z"), name.utf8.count <= 24 else { return nil }
        return name.utf8.withContiguousStorageIfAvailable { buffer in
            KeywordTable.shared.lookup(buffer, 0, buffer.count)
        } ?? Keyword(rawValue: asciiUppercased(name))
    }

    /// Whether `name` lexes as a single identifier or keyword token.
    static func lexesAsWord(_ name: String) -> Bool {
        guard let first = name.utf8.first else { return false }
        for byte in name.utf8 where !byte.isIdentifierByte { return false }
        if first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") {
            // `1st` is a word, `1e5` and `10L` are numbers: ask the lexer.
            var diagnostics: [Diagnostic] = []
            let tokens = Lexer.tokenize(SourceFile(name: "", text: name), diagnostics: &diagnostics)
            return diagnostics.isEmpty && tokens.count == 2 && tokens[0].kind == .identifier
        }
        return true
    }

    /// ASCII upper-casing, as the keyword table compares.
    static func asciiUppercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0.asciiUppercased }, as: UTF8.self)
    }

    // MARK: - Literals shared by statements

    /// A single-quoted string literal that decodes back to `value`.
    mutating func printString(_ value: String) {
        out += StringLiteral.quote(value)
    }

    /// `('k'='v', 'k2'='v2')`
    mutating func printProperties(_ properties: [Property]) {
        out.append("(")
        commaSeparated(properties) { printer, property in
            printer.printString(property.key)
            if let value = property.value {
                printer.out.append("=")
                printer.printString(value)
            }
        }
        out.append(")")
    }

    // MARK: - Types

    /// A type in upper case without spaces: `DECIMAL(10,2)`, `MAP<STRING,ARRAY<INT>>`.
    mutating func printType(_ type: DataType) {
        switch type {
        case .tinyint: out += "TINYINT"
        case .smallint: out += "SMALLINT"
        case .int: out += "INT"
        case .bigint: out += "BIGINT"
        case .float: out += "FLOAT"
        case .double: out += "DOUBLE"
        case .decimal(let precision, let scale):
            out += "DECIMAL"
            if let precision {
                out += "(" + String(precision)
                if let scale { out += "," + String(scale) }
                out += ")"
            }
        case .string: out += "STRING"
        case .varchar(let length): out += "VARCHAR(" + String(length) + ")"
        case .char(let length): out += "CHAR(" + String(length) + ")"
        case .boolean: out += "BOOLEAN"
        case .binary: out += "BINARY"
        case .date: out += "DATE"
        case .timestamp: out += "TIMESTAMP"
        case .interval(let from, let to):
            out += "INTERVAL"
            if let from { out += " " + from.rawValue }
            if let to { out += " TO " + to.rawValue }
        case .array(let element):
            out += "ARRAY<"
            printType(element)
            out += ">"
        case .map(let key, let value):
            out += "MAP<"
            printType(key)
            out += ","
            printType(value)
            out += ">"
        case .struct(let fields):
            out += "STRUCT<"
            for (index, field) in fields.enumerated() {
                if index > 0 { out += "," }
                printIdentifier(field.name)
                out += ":"
                printType(field.type)
                if let comment = field.comment {
                    out += " COMMENT "
                    printString(comment)
                }
            }
            out += ">"
        case .union(let members):
            out += "UNIONTYPE<"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                printType(member)
            }
            out += ">"
        }
    }
}

import HQLSyntax

/// What the completer learns from the statement around the cursor: where the word stands (``position``) and
/// which tables the statement names (``tables``, also those after the cursor, so `SELECT c.| FROM t c` works).
struct StatementContext {
    /// The grammatical place of the word being completed.
    enum Position: Equatable {
        /// Inside a string, a backtick identifier or a comment: nothing to offer.
        case insideLiteral
        /// The first word of a statement.
        case statementStart
        /// After `source` or `!`.
        case filePath
        /// After `SET`, before any `=`.
        case settingKey
        /// After `SET key=`.
        case settingValue(key: String)
        /// Where a database name goes.
        case database
        /// Where a table name goes.
        case table
        /// Anywhere else: columns, functions, keywords.
        case expression
    }

    /// A table the statement names, with its alias.
    struct TableReference: Equatable {
        /// The name as written, qualified or not (`db.t` or `t`), without backticks.
        var name: String
        /// The name without its database.
        var shortName: String
        /// `t AS x` or `t x`.
        var alias: String?
    }

    private(set) var position: Position = .expression
    private(set) var tables: [TableReference] = []
    /// Whether the statement's last keyword before the word was typed in upper case (`SELECT`, not `select`).
    private(set) var lastKeywordWasUpperCase = false

    private let bytes: [UInt8]

    /// Analyses `bytes` for a word spanning `wordStart..<cursor`.
    init(bytes: [UInt8], wordStart: Int, cursor: Int) {
        self.bytes = bytes
        let file = SourceFile(name: "<completion>", bytes: bytes)
        var diagnostics: [Diagnostic] = []
        let before = Lexer.tokenize(file, in: Span(start: 0, end: wordStart), diagnostics: &diagnostics)
        if diagnostics.contains(where: { ["HQL1001", "HQL1002", "HQL1004"].contains($0.code) })
            || endsInLineComment(before, upTo: wordStart) {
            position = .insideLiteral
            return
        }
        let statementStart = (before.lastIndex { $0.kind == .semicolon }).map { before.index(after: $0) } ?? 0
        let statement = Array(before[statementStart...].filter { $0.kind != .endOfFile })
        if let keyword = statement.last(where: { if case .keyword = $0.kind { return true } else { return false } }) {
            lastKeywordWasUpperCase = bytes[keyword.span.start] >= UInt8(ascii: "A")
                && bytes[keyword.span.start] <= UInt8(ascii: "Z")
        }
        position = classify(statement)

        // The whole statement, also after the cursor, for the tables it names.
        var ignored: [Diagnostic] = []
        let startOffset = statement.first?.span.start ?? wordStart
        let all = Lexer.tokenize(file, in: Span(start: startOffset, end: bytes.count), diagnostics: &ignored)
        let end = all.firstIndex { $0.kind == .semicolon && $0.span.start >= cursor } ?? all.count
        tables = tableReferences(in: Array(all[..<end]))
    }

    // MARK: - Position

    private func classify(_ tokens: [Token]) -> Position {
        guard let first = tokens.first, let last = tokens.last else { return .statementStart }
        if first.kind == .bang || (first.kind == .identifier && text(first).lowercased() == "source") {
            return .filePath
        }
        if first.kind == .keyword(.set) {
            guard let equals = tokens.firstIndex(where: { $0.kind == .equal }) else { return .settingKey }
            let key = String(decoding: bytes[first.span.end..<tokens[equals].span.start], as: UTF8.self)
            return .settingValue(key: key.trimmingSpaces)
        }
        switch last.kind {
        case .keyword(.use), .keyword(.in), .keyword(.database), .keyword(.schema):
            return .database
        case .keyword(.from), .keyword(.join), .keyword(.into), .keyword(.table), .keyword(.update),
             .keyword(.describe), .keyword(.truncate):
            return .table
        case .keyword(.desc):
            return tokens.count == 1 ? .table : .expression
        case .keyword(.formatted), .keyword(.extended):
            return first.kind == .keyword(.describe) || first.kind == .keyword(.desc) ? .table : .expression
        case .comma:
            return clauseKeyword(before: tokens.count - 1, in: tokens) == .from ? .table : .expression
        default:
            return .expression
        }
    }

    /// The clause a position belongs to: the nearest clause keyword before it at the same parenthesis depth.
    private func clauseKeyword(before index: Int, in tokens: [Token]) -> Keyword? {
        var depth = 0
        var position = index - 1
        while position >= 0 {
            switch tokens[position].kind {
            case .rightParen: depth += 1
            case .leftParen:
                if depth == 0 { return nil }
                depth -= 1
            case .keyword(let keyword) where depth == 0 && StatementContext.clauseKeywords.contains(keyword):
                return keyword
            default: break
            }
            position -= 1
        }
        return nil
    }

    private static let clauseKeywords: Set<Keyword> = [
        .select, .from, .where, .group, .order, .having, .on, .join, .set, .values, .by, .limit, .sort, .cluster,
        .distribute, .partition,
    ]

    /// Whether a `--` comment runs from after the last token to `offset` without a line break.
    private func endsInLineComment(_ tokens: [Token], upTo offset: Int) -> Bool {
        let gapStart = tokens.last(where: { $0.kind != .endOfFile })?.span.end ?? 0
        guard gapStart < offset else { return false }
        var index = offset - 1
        while index > gapStart {
            if bytes[index] == UInt8(ascii: "\n") { return false }
            if bytes[index] == UInt8(ascii: "-"), bytes[index - 1] == UInt8(ascii: "-") { return true }
            index -= 1
        }
        return false
    }

    // MARK: - Tables

    /// `FROM a [AS] x, b y JOIN c z`, `INTO t`, `TABLE t`, `UPDATE t`: each name with its alias.
    private func tableReferences(in tokens: [Token]) -> [TableReference] {
        var references: [TableReference] = []
        var index = 0
        while index < tokens.count {
            let kind = tokens[index].kind
            index += 1
            guard kind == .keyword(.from) || kind == .keyword(.join) || kind == .keyword(.into)
                    || kind == .keyword(.table) || kind == .keyword(.update) else { continue }
            repeat {
                guard let (reference, next) = tableReference(at: index, in: tokens) else { break }
                references.append(reference)
                index = next
                guard kind == .keyword(.from), index < tokens.count, tokens[index].kind == .comma else { break }
                index += 1
            } while true
        }
        return references
    }

    private func tableReference(at start: Int, in tokens: [Token]) -> (TableReference, Int)? {
        var index = start
        guard index < tokens.count, isName(tokens[index]) else { return nil }
        var parts = [name(tokens[index])]
        index += 1
        while index + 1 < tokens.count, tokens[index].kind == .dot, isName(tokens[index + 1]) {
            parts.append(name(tokens[index + 1]))
            index += 2
        }
        var alias: String?
        if index < tokens.count, tokens[index].kind == .keyword(.as) { index += 1 }
        if index < tokens.count, tokens[index].kind == .identifier || tokens[index].kind == .quotedIdentifier {
            alias = name(tokens[index])
            index += 1
        }
        let reference = TableReference(name: parts.joined(separator: "."), shortName: parts.last ?? "", alias: alias)
        return (reference, index)
    }

    private func isName(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .quotedIdentifier: return true
        case .keyword(let keyword): return !keyword.isReserved
        default: return false
        }
    }

    private func name(_ token: Token) -> String {
        let raw = text(token)
        guard token.kind == .quotedIdentifier, raw.count >= 2 else { return raw }
        return String(raw.dropFirst().dropLast())
    }

    private func text(_ token: Token) -> String {
        String(decoding: bytes[token.span.start..<min(token.span.end, bytes.count)], as: UTF8.self)
    }
}

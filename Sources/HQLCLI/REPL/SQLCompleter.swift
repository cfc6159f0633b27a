import Foundation
import HQLSyntax

/// What Tab offers: the candidates that may replace the word that starts at ``wordStart``.
public struct Completion: Equatable, Sendable {
    /// The UTF-8 offset in the completed text where the word being completed begins.
    public var wordStart: Int
    /// Full replacements for the word, sorted, without duplicates.
    public var candidates: [String]

    /// Whether a lone candidate should be followed by a space (not after `(`, `/`, `.`, `=` or `:`).
    public var wantsSpace: Bool {
        guard candidates.count == 1, let last = candidates[0].last else { return false }
        return !"(/.=:".contains(last)
    }
}

/// Context-aware Tab completion for the shell, as pure string work so it is unit-tested without a terminal.
///
/// It lexes the statement around the cursor with the HQL lexer (so it knows when the cursor is inside a string or
/// a comment) and offers, by the tokens before the word:
/// - at the start of a statement: the keywords that start statements and the shell's words (`source`, `quit`, …);
/// - after `USE`, `IN`, `DATABASE`, `SCHEMA`: databases; after `FROM`, `JOIN`, `INTO`, `TABLE`, `UPDATE`,
///   `DESCRIBE`/`DESC` (and after a `,` in a `FROM` list): tables, also `db.` followed by that database's tables;
/// - after `alias.` or `table.`: that table's columns; after `SET`: configuration keys, then known values;
///   after `source` and `!`: file names;
/// - elsewhere: the columns of the tables the statement names, function names followed by `(`, and keywords.
///
/// Keywords and functions follow the case of the typed prefix (upper-case prefix, upper-case candidates); with
/// no prefix they follow the case of the statement's last keyword. The cost is linear in the statement and in
/// the number of names considered.
public struct SQLCompleter {
    /// Where table, column and database names come from.
    public var catalog: any CompletionCatalog
    /// Function names offered with a `(` appended.
    public var functionNames: [String]
    /// Keys offered after `SET`.
    public var settingKeys: [String]
    /// Values offered after `SET key=`.
    public var settingValues: [String: [String]]
    /// Lists a folder for file-name completion: `(name, isDirectory)` pairs; injectable for tests.
    public var listDirectory: (String) -> [(name: String, isDirectory: Bool)]

    /// Bytes that end a word, shared with libedit (`rl_basic_word_break_characters`) so both agree on the word.
    public static let wordBreakCharacters = " \t\n\"'`()[]{},;=<>+*%|&^~!"

    /// Makes a completer.
    public init(catalog: any CompletionCatalog = EmptyCompletionCatalog(),
                functionNames: [String] = CompletionDefaults.functionNames,
                settingKeys: [String] = CompletionDefaults.settingKeys,
                settingValues: [String: [String]] = CompletionDefaults.settingValues,
                listDirectory: @escaping (String) -> [(name: String, isDirectory: Bool)] = SQLCompleter.listFiles) {
        self.catalog = catalog
        self.functionNames = functionNames
        self.settingKeys = settingKeys
        self.settingValues = settingValues
        self.listDirectory = listDirectory
    }

    /// The candidates for the word ending at `cursor` (a UTF-8 offset into `text`, which may hold several lines
    /// and several statements; only the one around the cursor counts).
    public func complete(_ text: String, cursor: Int? = nil) -> Completion {
        let bytes = Array(text.utf8)
        let end = min(max(0, cursor ?? bytes.count), bytes.count)
        var wordStart = end
        let breaks = Set(SQLCompleter.wordBreakCharacters.utf8)
        while wordStart > 0, !breaks.contains(bytes[wordStart - 1]) { wordStart -= 1 }
        let word = String(decoding: bytes[wordStart..<end], as: UTF8.self)
        let context = StatementContext(bytes: bytes, wordStart: wordStart, cursor: end)
        let candidates = candidates(for: word, in: context)
        return Completion(wordStart: wordStart, candidates: SQLCompleter.sortedUnique(candidates))
    }

    // MARK: - Choosing the candidates

    private func candidates(for word: String, in context: StatementContext) -> [String] {
        switch context.position {
        case .insideLiteral:
            return []
        case .filePath:
            return fileNames(matching: word)
        case .settingKey:
            return settingKeys.filter { SQLCompleter.hasPrefix($0, word) }
        case .settingValue(let key):
            return (settingValues[key] ?? []).filter { SQLCompleter.hasPrefix($0, word) }
        case .statementStart:
            let shell = CompletionDefaults.shellWords.filter { SQLCompleter.hasPrefix($0, word) }
            let upper = wantsUpperCase(word, context: context)
            let starters = SQLCompleter.statementStarters.filter { SQLCompleter.hasPrefix($0, word) }
            return (starters + shell).map { upper ? $0.uppercased() : $0.lowercased() }
        case .database:
            return catalog.databases().filter { SQLCompleter.hasPrefix($0, word) }
        case .table:
            if let dot = word.lastIndex(of: ".") {
                let database = String(word[..<dot])
                let partial = String(word[word.index(after: dot)...])
                return catalog.tables(in: database).filter { SQLCompleter.hasPrefix($0, partial) }
                    .map { database + "." + $0 }
            }
            return catalog.tables(in: nil).filter { SQLCompleter.hasPrefix($0, word) }
                + catalog.databases().filter { SQLCompleter.hasPrefix($0, word) }.map { $0 + "." }
        case .expression:
            if let dot = word.lastIndex(of: ".") {
                return qualifiedNames(qualifier: String(word[..<dot]), partial: String(word[word.index(after: dot)...]),
                                      context: context)
            }
            let upper = wantsUpperCase(word, context: context)
            var names: [String] = []
            for table in context.tables {
                names += catalog.columns(of: table.name).filter { SQLCompleter.hasPrefix($0, word) }
            }
            names += functionNames.filter { SQLCompleter.hasPrefix($0, word) }
                .map { (upper ? $0.uppercased() : $0.lowercased()) + "(" }
            return names + keywords(matching: word, upper: upper)
        }
    }

    /// After `x.`: the columns of the table `x` names or aliases, or the tables of database `x`.
    private func qualifiedNames(qualifier: String, partial: String, context: StatementContext) -> [String] {
        let lowered = qualifier.lowercased()
        let table = context.tables.first { $0.alias?.lowercased() == lowered }
            ?? context.tables.first { $0.name.lowercased() == lowered || $0.shortName.lowercased() == lowered }
        let columns = catalog.columns(of: table?.name ?? qualifier)
        if !columns.isEmpty {
            return columns.filter { SQLCompleter.hasPrefix($0, partial) }.map { qualifier + "." + $0 }
        }
        if catalog.databases().contains(where: { $0.lowercased() == lowered }) {
            return catalog.tables(in: qualifier).filter { SQLCompleter.hasPrefix($0, partial) }.map { qualifier + "." + $0 }
        }
        return []
    }

    private func keywords(matching word: String, upper: Bool) -> [String] {
        let names = upper ? SQLCompleter.upperKeywords : SQLCompleter.lowerKeywords
        return names.filter { SQLCompleter.hasPrefix($0, word) }
    }

    /// Upper case when the prefix has letters and all are upper case; with no letters, the case of the
    /// statement's last keyword; lower case otherwise.
    private func wantsUpperCase(_ word: String, context: StatementContext) -> Bool {
        let letters = word.unicodeScalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        if letters.isEmpty { return context.lastKeywordWasUpperCase }
        return letters.allSatisfy { ("A"..."Z").contains($0) }
    }

    // MARK: - File names

    /// Files and folders whose path starts with `word` (`~/` expanded for listing, kept as typed in the answer);
    /// folders end with `/`; dot files only when the name typed starts with a dot.
    private func fileNames(matching word: String) -> [String] {
        let slash = word.lastIndex(of: "/")
        let folderTyped = slash.map { String(word[...$0]) } ?? ""
        let partial = slash.map { String(word[word.index(after: $0)...]) } ?? word
        var folder = folderTyped.isEmpty ? "." : folderTyped
        if folder.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            folder = home + folder.dropFirst()
        }
        return listDirectory(folder)
            .filter { $0.name.hasPrefix(partial) && (partial.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .map { folderTyped + $0.name + ($0.isDirectory ? "/" : "") }
    }

    /// Lists a folder with FileManager; an unreadable folder lists nothing.
    public static func listFiles(_ folder: String) -> [(name: String, isDirectory: Bool)] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return [] }
        return names.map { name in
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: (folder as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
            return (name, isDirectory.boolValue)
        }
    }

    // MARK: - Helpers

    private static let upperKeywords = Keyword.allCases.map(\.rawValue)
    /// The keywords a statement can start with (the parser's statement starters).
    private static let statementStarters: [String] = [
        Keyword.select, .with, .from, .values, .insert, .load, .create, .drop, .alter, .truncate, .msck, .analyze,
        .use, .show, .describe, .desc, .explain, .set, .reset, .add, .list,
    ].map(\.rawValue)
    private static let lowerKeywords = upperKeywords.map { $0.lowercased() }

    /// Whether `candidate` starts with `prefix`, ignoring ASCII case; no allocation.
    static func hasPrefix(_ candidate: String, _ prefix: String) -> Bool {
        var candidateBytes = candidate.utf8.makeIterator()
        for byte in prefix.utf8 {
            guard let other = candidateBytes.next() else { return false }
            if byte != other && lowered(byte) != lowered(other) { return false }
        }
        return true
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func sortedUnique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }.sorted()
    }
}

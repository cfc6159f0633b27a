import ArgumentParser
import HQLSyntax

/// `hqlrun fmt [--check] FILE..`: prints scripts in canonical HiveQL.
///
/// A formatter must never lose a comment: comments between statements are kept where they are, and a
/// statement with a comment inside it is kept exactly as written (the AST holds no comments).
/// A script with syntax errors is reported and left alone.
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Print scripts in canonical HiveQL; with --check, fail when a script is not formatted.")

    @Flag(help: "Print nothing; exit 1 and name each script whose text differs from its formatted form.")
    var check = false

    @Flag(help: "One statement per line instead of the readable multi-line layout.")
    var compact = false

    @Argument(help: "The scripts.")
    var files: [String]

    func run() throws {
        var unformatted: [String] = []
        for path in files {
            let source = try ScriptSource.read(path: path)
            let formatted = try ScriptFormatter(style: compact ? .compact : .pretty).format(source)
            if check {
                if formatted != String(decoding: source.bytes, as: UTF8.self) { unformatted.append(path) }
            } else {
                StandardStreams.writeOutput(formatted)
            }
        }
        if !unformatted.isEmpty {
            throw CommandFailure(status: .statementError,
                                 message: unformatted.map { "hqlrun fmt: \($0) is not formatted\n" }.joined())
        }
    }
}

/// Formats one script, statement by statement, keeping every comment. A statement that holds a comment or a
/// `${variable}` (which cannot be parsed before substitution) is kept exactly as written.
struct ScriptFormatter {
    var style: HQLPrinter.Style

    func format(_ file: SourceFile) throws -> String {
        var out = ""
        out.reserveCapacity(file.bytes.count + file.bytes.count / 4)
        var diagnostics: [Diagnostic] = []
        var pieces: [(span: Span, text: String)] = []
        for piece in StatementSplitter.split(file) {
            let text = file.text(of: piece.span)
            if text.contains("${") {
                pieces.append((piece.span, text))
                continue
            }
            // Parsed on its own, but diagnostics still point into the whole file.
            let (statementFile, _) = VariableSubstitution.substitute(file, in: piece.span, scope: VariableScope())
            let script = Parser.parseScript(statementFile)
            if script.hasErrors {
                diagnostics.append(contentsOf: script.diagnostics.map { diagnostic in
                    var mapped = diagnostic
                    mapped.span = statementFile.originalSpan(diagnostic.span).span
                    return mapped
                })
                continue
            }
            let keepAsWritten = containsComment(statementFile)
            let printed = script.statements.map { keepAsWritten ? text : HQLPrinter.format($0, style: style) }
            pieces.append((piece.span, printed.joined(separator: ";\n")))
        }
        try DiagnosticPrinter.report(diagnostics, in: file)
        var cursor = 0
        for piece in pieces {
            out += comments(between: cursor, and: piece.span.start, in: file)
            out += piece.text + ";\n"
            cursor = piece.span.end
        }
        out += comments(between: cursor, and: file.bytes.count, in: file)
        return out
    }

    /// The comments in a gap between statements, each on its own line, keeping the author's blank lines
    /// (runs of them folded to one). The `;` and the rest of the previous statement's last line are dropped,
    /// except a comment there, which moves to its own line.
    private func comments(between start: Int, and end: Int, in file: SourceFile) -> String {
        guard start < end else { return "" }
        var lines = file.text(of: Span(start: start, end: end)).split(separator: "\n", omittingEmptySubsequences: false)
        var out = ""
        var pendingBlank = false
        var isFirstLine = start > 0
        // The last piece is the indentation before the next statement, not a line of its own.
        if end < file.bytes.count { lines.removeLast() }
        for line in lines {
            let text = line.drop { $0 == " " || $0 == "\t" || $0 == ";" || $0 == "\r" }
            defer { isFirstLine = false }
            if text.isEmpty {
                if !isFirstLine { pendingBlank = true }
                continue
            }
            if pendingBlank && (start > 0 || !out.isEmpty) { out += "\n" }
            pendingBlank = false
            out += text + "\n"
        }
        if pendingBlank && end < file.bytes.count && (start > 0 || !out.isEmpty) { out += "\n" }
        return out
    }

    /// Whether any comment lies between the tokens of a statement's text.
    private func containsComment(_ file: SourceFile) -> Bool {
        var ignored: [Diagnostic] = []
        var previousEnd: Int?
        for token in Lexer.tokenize(file, diagnostics: &ignored) where token.kind != .endOfFile {
            if let end = previousEnd, token.span.start > end {
                let between = file.bytes[end..<token.span.start]
                if between.contains(UInt8(ascii: "-")) || between.contains(UInt8(ascii: "/")) { return true }
            }
            previousEnd = token.span.end
        }
        return false
    }
}

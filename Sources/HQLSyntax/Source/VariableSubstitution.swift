/// Hive variable substitution: replaces `${hiveconf:x}`, `${hivevar:x}`, `${x}`, `${env:X}` and `${system:x}` in
/// a statement's text before it is lexed, as Hive does for every command.
///
/// Rules, following Hive's `SystemVariables.substitute` (Hive 2.x and later):
/// - A reference is `${`, one or more bytes that are none of `}`, `$` or space, then `}`. Substitution is textual:
///   it applies inside strings and comments too.
/// - Substitution runs in passes. Each pass replaces, left to right, every reference whose name is defined (see
///   ``VariableScope/value(of:)`` for the lookup order) and keeps the others as written. Passes repeat while one
///   replaced something, so values may hold references, and `${a${b}}` works: a name cannot contain `$`, so the
///   first pass replaces `${b}`, and the next one reads the name it completed.
/// - At most ``VariableScope/substitutionDepth`` passes (40 by default) may replace something; needing more
///   (e.g. `SET hivevar:a=${a}`) is an error, `HQL6002`, as it is in Hive.
/// - A reference left undefined stays as literal text, with a warning, `HQL6001` (Hive is silent), except inside
///   a `--` or `/* */` comment, where Hive's CLI strips it anyway.
///
/// hqlrun works on UTF-8 bytes and never builds a `String` of the statement.
public enum VariableSubstitution {
    /// Substitutes the variables in `span` of `file`.
    ///
    /// Returns a new file holding the substituted text of the span, whose ``SourceFile/origin`` maps it back to
    /// `file`, and the diagnostics found. When the span holds no `${` the text is only sliced (and when the span
    /// is the whole file, `file` itself is returned). Diagnostic spans are in the returned file's offsets, like
    /// those of every later phase: render them with ``DiagnosticRenderer`` against the returned file, which shows
    /// them on the original text through the origin.
    public static func substitute(
        _ file: SourceFile, in span: Span, scope: VariableScope
    ) -> (file: SourceFile, diagnostics: [Diagnostic]) {
        let lower = max(0, min(span.start, file.bytes.count))
        let upper = max(lower, min(span.end, file.bytes.count))
        let range = lower..<upper

        guard scope.isSubstitutionEnabled, containsReferenceStart(file.bytes, in: range) else {
            return (sliced(file, range), [])
        }

        var text = Array(file.bytes[range])
        var segments = [SourceSegment(offset: 0, kind: .verbatim(originalStart: lower))]
        let depth = scope.substitutionDepth
        var passes = 0
        while true {
            let references = findReferences(in: text)
            let resolved = references.compactMap { reference -> (Reference, [UInt8])? in
                scope.value(of: reference.name(in: text)).map { (reference, Array($0.utf8)) }
            }
            if resolved.isEmpty {
                let derived = SourceFile(
                    name: file.name, bytes: text, origin: SourceOrigin(file: file, segments: segments))
                return (derived, undefinedWarnings(references, in: text, scope: scope))
            }
            if passes == depth {
                let derived = SourceFile(
                    name: file.name, bytes: text, origin: SourceOrigin(file: file, segments: segments))
                let first = resolved[0].0
                let error = Diagnostic.error(
                    "HQL6002",
                    "variable substitution needs more than \(depth) passes at '${\(first.name(in: text))}'",
                    at: Span(start: first.range.lowerBound, end: first.range.upperBound),
                    notes: ["a value refers to itself, or values nest deeper than \(VariableScope.depthKey) allows"])
                return (derived, [error])
            }
            passes += 1
            (text, segments) = applyPass(resolved, to: text, segments: segments)
        }
    }

    // MARK: - One pass

    /// Replaces each resolved reference by its value, carrying the segment map over to the new text.
    private static func applyPass(
        _ resolved: [(Reference, [UInt8])], to text: [UInt8], segments: [SourceSegment]
    ) -> ([UInt8], [SourceSegment]) {
        let origin = SourceOrigin(file: placeholderFile, segments: segments)
        var output: [UInt8] = []
        output.reserveCapacity(text.count + resolved.reduce(0) { $0 + $1.1.count })
        var builder = SourceSegmentBuilder()
        var cursor = 0
        var copied = 0
        for (reference, value) in resolved {
            let kept = copied..<reference.range.lowerBound
            builder.appendMapping(of: kept, in: segments, sourceCount: text.count, at: output.count, cursor: &cursor)
            output.append(contentsOf: text[kept])
            // The value stands for the whole reference as the user wrote it, which, for a reference completed
            // by an earlier pass, spans the outer `${...}` too.
            let written = origin.originalSpan(Span(start: reference.range.lowerBound, end: reference.range.upperBound))
            builder.append(at: output.count, length: value.count, .substituted(reference: written))
            output.append(contentsOf: value)
            copied = reference.range.upperBound
        }
        let rest = copied..<text.count
        builder.appendMapping(of: rest, in: segments, sourceCount: text.count, at: output.count, cursor: &cursor)
        output.append(contentsOf: text[rest])
        let mapped = builder.segments.isEmpty ? [SourceSegment(offset: 0, kind: segments[0].kind)] : builder.segments
        return (output, mapped)
    }

    /// Only the segment arithmetic of ``SourceOrigin`` is used between passes; it never reads this file.
    private static let placeholderFile = SourceFile(name: "", bytes: [])

    // MARK: - Finding references

    /// A `${name}` in a text: the whole reference and its name's byte range.
    struct Reference: Equatable {
        var range: Range<Int>
        var nameRange: Range<Int>

        func name(in text: [UInt8]) -> String {
            String(decoding: text[nameRange], as: UTF8.self)
        }
    }

    private static let dollar = UInt8(ascii: "$")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
    private static let space = UInt8(ascii: " ")

    /// Whether `${` occurs in the range: the fast path for the many statements without variables.
    private static func containsReferenceStart(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = range.lowerBound
            while index + 1 < range.upperBound {
                if buffer[index] == dollar, buffer[index + 1] == openBrace { return true }
                index += 1
            }
            return false
        }
    }

    /// Every reference in the text, left to right, without overlaps (Hive's `\$\{[^\}\$ ]+\}`).
    static func findReferences(in text: [UInt8]) -> [Reference] {
        var references: [Reference] = []
        var index = 0
        while index + 1 < text.count {
            guard text[index] == dollar, text[index + 1] == openBrace else {
                index += 1
                continue
            }
            var end = index + 2
            while end < text.count, text[end] != closeBrace, text[end] != dollar, text[end] != space {
                end += 1
            }
            if end < text.count, text[end] == closeBrace, end > index + 2 {
                references.append(Reference(range: index..<(end + 1), nameRange: (index + 2)..<end))
                index = end + 1
            } else {
                // Not a reference here; a `$` that stopped the scan may begin one, so resume after `${`.
                index += 2
            }
        }
        return references
    }

    // MARK: - Diagnostics

    /// One warning per reference left undefined, outside comments.
    private static func undefinedWarnings(
        _ references: [Reference], in text: [UInt8], scope: VariableScope
    ) -> [Diagnostic] {
        guard !references.isEmpty else { return [] }
        let comments = commentRanges(in: text)
        var commentIndex = 0
        var warnings: [Diagnostic] = []
        for reference in references {
            while commentIndex < comments.count, comments[commentIndex].upperBound <= reference.range.lowerBound {
                commentIndex += 1
            }
            if commentIndex < comments.count, comments[commentIndex].contains(reference.range.lowerBound) {
                continue
            }
            let name = reference.name(in: text)
            var notes: [String] = []
            if !name.contains(":"), scope.hiveconf[name] != nil {
                notes.append("'\(name)' is a hiveconf key; a bare ${\(name)} reads only hivevars, write ${hiveconf:\(name)}")
            }
            warnings.append(.warning(
                "HQL6001", "undefined variable '${\(name)}' is left as written",
                at: Span(start: reference.range.lowerBound, end: reference.range.upperBound), notes: notes))
        }
        return warnings
    }

    /// The byte ranges of `--` and `/* */` comments, skipping quoted strings and identifiers; a rough lexer used
    /// only to silence warnings in comments, so it need not be exact at the edges.
    static func commentRanges(in text: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < text.count {
            let byte = text[index]
            let next: UInt8? = index + 1 < text.count ? text[index + 1] : nil
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
                index += 1
                while index < text.count, text[index] != byte {
                    // Backslash escapes in strings; backticks double instead, which this loop handles as two quotes.
                    if text[index] == UInt8(ascii: "\\"), byte != UInt8(ascii: "`") { index += 1 }
                    index += 1
                }
                index += 1
            case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
                let start = index
                while index < text.count, text[index] != UInt8(ascii: "\n") { index += 1 }
                ranges.append(start..<index)
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                let start = index
                index += 2
                while index < text.count, !(text[index] == UInt8(ascii: "*") && index + 1 < text.count
                    && text[index + 1] == UInt8(ascii: "/")) {
                    index += 1
                }
                index = min(text.count, index + 2)
                ranges.append(start..<index)
            default:
                index += 1
            }
        }
        return ranges
    }

    // MARK: - No substitution

    /// The text of the range as a file of its own that maps back one-to-one.
    private static func sliced(_ file: SourceFile, _ range: Range<Int>) -> SourceFile {
        if range == 0..<file.bytes.count { return file }
        let origin = SourceOrigin(file: file, segments: [SourceSegment(offset: 0, kind: .verbatim(originalStart: range.lowerBound))])
        return SourceFile(name: file.name, bytes: Array(file.bytes[range]), origin: origin)
    }
}

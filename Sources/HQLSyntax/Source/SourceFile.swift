/// A piece of HQL text as UTF-8 bytes, with a name for diagnostics and a line-start table
/// built lazily so that line and column are computed only when a diagnostic is shown.
///
/// A file made by variable substitution keeps an ``origin``: the file it was made from and a map of its
/// offsets back into that file, so diagnostics about the substituted text are shown on the text the user wrote.
public final class SourceFile: @unchecked Sendable {
    /// The name shown in diagnostics: a path, or `<command-line>` / `<stdin>`.
    public let name: String
    /// The text as UTF-8 bytes. Lexing works on these directly, never on `Character`s.
    public let bytes: [UInt8]
    /// Where this text came from, when it is not what the user wrote (see ``VariableSubstitution``).
    public let origin: SourceOrigin?
    private var lineStartsStorage: [Int]?

    public init(name: String, bytes: [UInt8], origin: SourceOrigin? = nil) {
        self.name = name
        self.bytes = bytes
        self.origin = origin
    }

    public convenience init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The byte offsets at which lines begin; the first is 0.
    public var lineStarts: [Int] {
        if let starts = lineStartsStorage { return starts }
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for index in 0..<buffer.count where buffer[index] == UInt8(ascii: "\n") {
                starts.append(index + 1)
            }
        }
        lineStartsStorage = starts
        return starts
    }

    /// The 1-based line and column (in UTF-8 bytes, 1-based) of a byte offset, found by bisection.
    public func location(of offset: Int) -> SourceLocation {
        let starts = lineStarts
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = characterCount(from: starts[low], to: min(offset, bytes.count)) + 1
        return SourceLocation(line: low + 1, column: column, offset: offset)
    }

    /// The text of the 1-based line `line`, without its terminator.
    public func lineText(_ line: Int) -> String {
        let starts = lineStarts
        guard line >= 1, line <= starts.count else { return "" }
        let start = starts[line - 1]
        var end = line < starts.count ? starts[line] - 1 : bytes.count
        if end > start, end - 1 < bytes.count, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The file and span the user wrote that `span` of this file stands for, following ``origin`` back to the
    /// first file. A file without an origin answers itself and `span` unchanged.
    public func originalSpan(_ span: Span) -> (file: SourceFile, span: Span) {
        var file = self
        var span = span
        while let origin = file.origin {
            span = origin.originalSpan(span)
            file = origin.file
        }
        return (file, span)
    }

    /// The source text of a span.
    public func text(of span: Span) -> String {
        let lower = max(0, min(span.start, bytes.count))
        let upper = max(lower, min(span.end, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// Counts characters (not continuation bytes) so that columns match what an editor shows.
    private func characterCount(from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }
}

/// A 1-based line and column, and the byte offset they stand for.
public struct SourceLocation: Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public var description: String { "\(line):\(column)" }
}

/// A half-open range of UTF-8 byte offsets in one source file. Every token and AST node carries one.
public struct Span: Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// A zero-width span, used for synthesised nodes.
    public static let none = Span(start: 0, end: 0)

    public var length: Int { end - start }

    /// The smallest span covering both.
    public func union(_ other: Span) -> Span {
        Span(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }

    /// The same span shifted by `offset` bytes; used when a statement is parsed out of a larger script.
    public func shifted(by offset: Int) -> Span {
        Span(start: start + offset, end: end + offset)
    }

    public var description: String { "\(start)..<\(end)" }
}

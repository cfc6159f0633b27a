/// How the bytes of a derived ``SourceFile`` (one made by ``VariableSubstitution``) map back to the file the
/// user wrote.
///
/// The derived text is cut into segments. A verbatim segment is a run of bytes copied unchanged, so each of its
/// offsets maps one-to-one; a substituted segment holds the value of a `${...}` reference, and all of its offsets
/// map to that reference. A span that starts inside a value maps to the reference's start, and one that ends
/// inside a value maps to the reference's end, so an underline covers the whole `${...}` the user can edit.
public struct SourceOrigin: Sendable {
    /// The file the derived text was made from.
    public let file: SourceFile
    /// The segments, sorted by ``SourceSegment/offset``; the first starts at 0.
    public let segments: [SourceSegment]

    /// Makes an origin; `segments` must be sorted by offset and start at 0 (an empty list maps every offset to 0).
    public init(file: SourceFile, segments: [SourceSegment]) {
        self.file = file
        self.segments = segments
    }

    /// The offset in ``file`` at which a derived offset starts.
    public func originalOffset(of offset: Int) -> Int {
        guard let index = segmentIndex(containing: offset) else { return 0 }
        let segment = segments[index]
        switch segment.kind {
        case .verbatim(let originalStart):
            return originalStart + (offset - segment.offset)
        case .substituted(let reference):
            return reference.start
        }
    }

    /// The span of ``file`` that a span of the derived text stands for.
    public func originalSpan(_ span: Span) -> Span {
        let start = originalOffset(of: span.start)
        guard span.end > span.start, let index = segmentIndex(containing: span.end - 1) else {
            return Span(start: start, end: start)
        }
        // The end is exclusive: find the segment of the span's last byte, so that a span ending exactly where a
        // value starts does not reach into the reference.
        let segment = segments[index]
        switch segment.kind {
        case .verbatim(let originalStart):
            return Span(start: start, end: max(start, originalStart + (span.end - segment.offset)))
        case .substituted(let reference):
            return Span(start: start, end: max(start, reference.end))
        }
    }

    /// The index of the last segment starting at or before `offset`, by bisection.
    private func segmentIndex(containing offset: Int) -> Int? {
        guard !segments.isEmpty else { return nil }
        var low = 0
        var high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].offset <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

/// One run of a derived text, from ``offset`` to the next segment's offset (or the end of the text).
public struct SourceSegment: Equatable, Sendable {
    /// What a run of derived bytes stands for in the original file.
    public enum Kind: Equatable, Sendable {
        /// Bytes copied unchanged from the original, starting at `originalStart`.
        case verbatim(originalStart: Int)
        /// The value of the variable reference written at `reference` (the whole `${...}`).
        case substituted(reference: Span)
    }

    /// Where the run starts in the derived text.
    public var offset: Int
    /// What the run stands for.
    public var kind: Kind

    /// Makes a segment.
    public init(offset: Int, kind: Kind) {
        self.offset = offset
        self.kind = kind
    }
}

/// Builds a segment list while text is appended, merging runs that continue each other.
struct SourceSegmentBuilder {
    private(set) var segments: [SourceSegment] = []

    /// Records that `length` bytes appended at `offset` stand for `kind`; empty runs add nothing.
    mutating func append(at offset: Int, length: Int, _ kind: SourceSegment.Kind) {
        guard length > 0 else { return }
        if let last = segments.last {
            switch (last.kind, kind) {
            case (.verbatim(let lastStart), .verbatim(let start)) where lastStart + (offset - last.offset) == start:
                return
            case (.substituted(let lastReference), .substituted(let reference)) where lastReference == reference:
                return
            default:
                break
            }
        }
        segments.append(SourceSegment(offset: offset, kind: kind))
    }

    /// Appends the mapping of `range` of a text whose segments are `source` (which covers `sourceCount` bytes),
    /// placed at `offset` of the text being built. `cursor` is a segment index to start looking from; callers
    /// walking a text left to right pass the same variable each time so the walk stays linear.
    mutating func appendMapping(
        of range: Range<Int>, in source: [SourceSegment], sourceCount: Int, at offset: Int, cursor: inout Int
    ) {
        guard !range.isEmpty, !source.isEmpty else { return }
        if cursor >= source.count || source[cursor].offset > range.lowerBound { cursor = 0 }
        while cursor + 1 < source.count, source[cursor + 1].offset <= range.lowerBound { cursor += 1 }
        var index = cursor
        while index < source.count, source[index].offset < range.upperBound {
            let segment = source[index]
            let segmentEnd = index + 1 < source.count ? source[index + 1].offset : sourceCount
            let lower = max(range.lowerBound, segment.offset)
            let upper = min(range.upperBound, segmentEnd)
            if upper > lower {
                let kind: SourceSegment.Kind
                switch segment.kind {
                case .verbatim(let originalStart):
                    kind = .verbatim(originalStart: originalStart + (lower - segment.offset))
                case .substituted:
                    kind = segment.kind
                }
                append(at: offset + (lower - range.lowerBound), length: upper - lower, kind)
            }
            if segmentEnd > range.upperBound { break }
            index += 1
        }
        cursor = min(index, source.count - 1)
    }
}

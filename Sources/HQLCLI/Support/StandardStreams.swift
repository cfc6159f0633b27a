#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where results and messages go: results on stdout only, everything else on stderr.
/// stdout is buffered here (results can be millions of lines); stderr is written at once so that
/// messages interleave with results in the order they happened.
enum StandardStreams {
    private static let output = BufferedDescriptor(descriptor: STDOUT_FILENO)

    /// Writes text to stdout through the buffer.
    static func writeOutput(_ text: String) {
        output.write(text)
    }

    /// Writes text to stderr, after flushing pending results so the two stay in order on a terminal.
    static func writeError(_ text: String) {
        output.flush()
        BufferedDescriptor.writeAll(STDERR_FILENO, Array(text.utf8))
    }

    static func flush() {
        output.flush()
    }

    /// Whether stderr is a terminal (colour diagnostics only then, so goldens never hold escape codes).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// Whether stdin is a terminal (the REPL) or a pipe/file (batch mode).
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) != 0 }
}

/// A write buffer over a file descriptor. Used from one thread at a time (the session's).
final class BufferedDescriptor: @unchecked Sendable {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(capacity)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        BufferedDescriptor.writeAll(descriptor, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes every byte, retrying on short writes and EINTR.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            guard var pointer = raw.baseAddress else { return }
            var remaining = raw.count
            while remaining > 0 {
                let written = Glibc.write(descriptor, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                remaining -= written
                pointer += written
            }
        }
    }
}

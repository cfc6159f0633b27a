import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `/bin/sh -c COMMAND` with text on stdin: Lambda targets and command subscriptions.
enum ShellCommand {
    /// The exit status (a signal counts as 128 + signal).
    struct Result {
        var status: Int32
    }

    /// Runs the command and waits. The child inherits stdout and stderr.
    static func run(_ command: String, input: String, environment: [String: String] = [:]) throws -> Result {
        // A child that exits without reading its stdin must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let stdin = Pipe()
        process.standardInput = stdin
        do {
            try process.run()
        } catch {
            throw DynamoDBError(.internalServerError, "cannot run /bin/sh: \(error)")
        }
        // A write error (the child closed its stdin early) is not a failure of ours; the exit status decides.
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(status: status)
    }
}

/// Appends lines to files (JSON-lines destinations and subscriptions).
enum FileAppender {
    /// Appends `line` and a newline to the file at `path` (a `file://` prefix is allowed), creating it if needed.
    static func appendLine(_ line: String, to path: String) throws {
        let file = path.hasPrefix("file://") ? String(path.dropFirst(7)) : path
        let descriptor = open(file, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard descriptor >= 0 else {
            throw DynamoDBError(.internalServerError, "cannot open \(file): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw DynamoDBError(.internalServerError, "cannot write \(file): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}

/// A minimal HTTP/1.1 POST over a POSIX socket, to the loopback interface only (no network to AWS, ever).
enum HTTPPoster {
    /// The port and path of `http://127.0.0.1[:port]/path` or `http://localhost[:port]/path`; nil otherwise.
    static func parse(_ url: String) -> (port: UInt16, path: String)? {
        guard url.hasPrefix("http://") else { return nil }
        let rest = url.dropFirst(7)
        let hostPort = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(hostPort.count)
        let parts = hostPort.split(separator: ":", maxSplits: 1)
        guard let host = parts.first, host == "127.0.0.1" || host == "localhost" else { return nil }
        let port = parts.count > 1 ? UInt16(parts[1]) : 80
        guard let port else { return nil }
        return (port, path.isEmpty ? "/" : String(path))
    }

    /// POSTs `body` as SNS does (`x-amz-sns-message-type: Notification`); throws unless the answer is 2xx.
    static func post(_ body: String, to url: String, timeoutSeconds: Int = 5) throws {
        guard let (port, path) = parse(url) else {
            throw DynamoDBError(.invalidParameter, "Invalid parameter: Endpoint \(url)")
        }
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw failure("socket") }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw failure("connect to 127.0.0.1:\(port)") }
        let payload = Array(body.utf8)
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: text/plain; charset=UTF-8\r\n"
            + "x-amz-sns-message-type: Notification\r\nContent-Length: \(payload.count)\r\nConnection: close\r\n\r\n"
        let request = Array(head.utf8) + payload
        var offset = 0
        while offset < request.count {
            let sent = request[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
            if sent < 0 {
                if errno == EINTR { continue }
                throw failure("send")
            }
            offset += sent
        }
        var buffer = [UInt8](repeating: 0, count: 512)
        let received = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard received > 0 else { throw failure("no response from 127.0.0.1:\(port)") }
        let statusLine = String(decoding: buffer[..<received], as: UTF8.self).prefix { $0 != "\r" }
        let fields = statusLine.split(separator: " ")
        guard fields.count >= 2, let code = Int(fields[1]), (200..<300).contains(code) else {
            throw DynamoDBError(.internalServerError, "HTTP endpoint answered '\(statusLine)'")
        }
    }

    private static func failure(_ what: String) -> DynamoDBError {
        DynamoDBError(.internalServerError, "\(what) failed: \(String(cString: strerror(errno)))")
    }
}

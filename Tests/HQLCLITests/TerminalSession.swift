import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the built `hqlrun` on a pseudo-terminal, as a user would: keys go in through the pty's master side, and
/// everything the shell draws comes back from it.
///
/// The child is started with `posix_spawn` (no `fork` in the multi-threaded test process): a new session, the
/// pty's slave opened as its stdin (which makes it the controlling terminal, so `\u{3}` raises `SIGINT`) and
/// duplicated onto stdout and stderr.
final class TerminalSession {
    /// The master side of the pty.
    private let master: Int32
    /// The child's process id.
    let pid: pid_t
    /// Everything read so far.
    private(set) var output: [UInt8] = []
    /// Where the next ``expect(_:timeout:file:line:)`` starts looking.
    private var searchStart = 0
    /// The exit status once reaped.
    private(set) var exitStatus: Int32?

    /// The `hqlrun` binary next to the test bundle (`$HQLRUN_BINARY` overrides).
    static func binaryPath() throws -> String {
        if let path = ProcessInfo.processInfo.environment["HQLRUN_BINARY"] { return path }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [bundle, Bundle.main.bundleURL.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("hqlrun").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw XCTSkip("the hqlrun binary was not found next to the tests; run `swift build --product hqlrun` first")
    }

    /// Starts `hqlrun arguments` on a 120×40 terminal with exactly `environment` (plus `TERM=xterm`).
    init(arguments: [String] = [], environment: [String: String]) throws {
        let executable = try TerminalSession.binaryPath()
        var masterSide: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&masterSide, &slave, nil, nil, &size) == 0, let name = ttyname(slave) else {
            throw POSIXFailure("cannot open a pseudo-terminal")
        }
        master = masterSide
        // The child opens the slave by name after setsid(), which makes it its controlling terminal.
        let slavePath = String(cString: name)
        defer { close(slave) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        // POSIX_SPAWN_SETSID (0x80 in glibc) is not always visible to Swift.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | 0x80))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addclose(&actions, slave)
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var environment = environment
        environment["TERM"] = "xterm"
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { throw POSIXFailure("posix_spawn failed: \(status)") }
        pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    // MARK: - Talking to the shell

    /// Types `text` (use `\r` for Enter, `\t` for Tab, `\u{3}` for Ctrl-C, `\u{4}` for Ctrl-D).
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = write(master, base + offset, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Waits until `text` appears in the output after the previous match; fails the test on timeout.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 5, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let found = TerminalSession.find(needle, in: output, from: searchStart) {
                searchStart = found + needle.count
                // Type at a person's pace: libedit shows its prompt a moment before it is ready for keys, and a
                // key sent in that moment can be lost on a loaded machine (see LineEditor.swift).
                Thread.sleep(forTimeInterval: 0.05)
                return true
            }
            if Date() >= deadline || !readAvailable(waitingUpTo: deadline.timeIntervalSinceNow) {
                if let found = TerminalSession.find(needle, in: output, from: searchStart) {
                    searchStart = found + needle.count
                    return true
                }
                XCTFail("timed out waiting for \(text.debugDescription); the terminal shows:\n\(transcript)",
                        file: file, line: line)
                return false
            }
        }
    }

    /// Waits for the process to end and returns its exit status (or 128 + signal), nil on timeout.
    func waitForExit(timeout: TimeInterval = 5) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                let signal = status & 0x7F
                exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
                _ = readAvailable(waitingUpTo: 0.05)
                return exitStatus
            }
            _ = readAvailable(waitingUpTo: 0.05)
        }
        return nil
    }

    /// The output so far as text.
    var transcript: String { String(decoding: output, as: UTF8.self) }

    /// How often `text` occurs in the whole output.
    func occurrences(of text: String) -> Int {
        let needle = Array(text.utf8)
        var count = 0
        var start = 0
        while let found = TerminalSession.find(needle, in: output, from: start) {
            count += 1
            start = found + needle.count
        }
        return count
    }

    /// Reads what is available within `seconds`; false when the pty is closed (the child is gone).
    private func readAvailable(waitingUpTo seconds: TimeInterval) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(0, min(seconds, 0.2)) * 1000))
        guard ready > 0 else { return ready == 0 }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }
        output.append(contentsOf: buffer[..<count])
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count)
        where haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}

/// A failed system call in the test harness.
struct POSIXFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

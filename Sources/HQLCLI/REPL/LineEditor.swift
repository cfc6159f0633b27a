@preconcurrency import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one read from the terminal gave.
enum LineInput: Equatable {
    /// A line, without its line break (it may hold line breaks when a multi-line history entry was recalled).
    case line(String)
    /// Ctrl-C at the prompt.
    case interrupted
    /// Ctrl-D on an empty line, or the terminal went away.
    case endOfInput
}

/// Reads lines for the shell; the libedit one is ``LineEditor``, tests may substitute a scripted one.
protocol LineReader {
    /// Shows `prompt` and reads one line.
    mutating func readLine(prompt: String) -> LineInput
    /// Adds a whole statement to the history.
    mutating func addHistory(_ entry: String)
    /// Writes the history file.
    func saveHistory()
    /// Tells completion what earlier lines of the statement hold and which completer to use.
    mutating func prepareCompletion(pendingText: String, completer: SQLCompleter)
    /// Writes editing feedback (`^C`, the line break after Ctrl-D) where the prompt goes.
    func echo(_ text: String)
}

/// The libedit line editor: prompts, editing, history (`~/.hqlrun_history`, whole statements, Ctrl-R search) and
/// context-aware Tab completion through ``SQLCompleter``.
///
/// **Single-threaded rule.** libedit keeps its state in C globals and calls the completion function on the
/// thread blocked in `readline()`. Only the shell's thread may create a `LineEditor` and call it; the globals
/// in ``CompletionHook`` are `nonisolated(unsafe)` on that understanding.
struct LineEditor: LineReader {
    /// Where the history lives: `$HQLRUN_HISTORY`, else `~/.hqlrun_history` (never `~/.hivehistory`: libedit's file
    /// format differs from jline's and GNU readline's).
    let historyPath: String?

    /// The history file's path for an environment, or nil when there is no home folder.
    static func historyPath(environment: [String: String]) -> String? {
        if let path = environment["HQLRUN_HISTORY"], !path.isEmpty { return path }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.hqlrun_history"
    }

    /// The most entries kept (`HQLRUN_HISTORY_SIZE`, default 1000).
    static func historySize(environment: [String: String]) -> Int32 {
        guard let text = environment["HQLRUN_HISTORY_SIZE"], let size = Int32(text), size > 0 else { return 1000 }
        return size
    }

    /// Sets libedit up and loads the history.
    init(environment: [String: String]) {
        historyPath = LineEditor.historyPath(environment: environment)
        // libedit decodes and measures multi-byte characters by the C locale; a Swift program starts in "C".
        // Only LC_CTYPE: number formatting elsewhere must stay locale-independent.
        let locale = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
        if locale == "C" || locale == "POSIX" { setlocale(LC_CTYPE, "C.UTF-8") }
        rl_readline_name = CompletionHook.readlineName
        rl_getc_function = hqlrunReadCharacter
        // Prompts and editing belong on the terminal: with stdout redirected (`hqlrun > out.txt`) they go to
        // stderr, and stdout keeps results only.
        if isatty(STDOUT_FILENO) == 0, isatty(STDERR_FILENO) != 0 {
            rl_outstream = fdopen(STDERR_FILENO, "w")
        }
        rl_initialize()
        using_history()
        stifle_history(LineEditor.historySize(environment: environment))
        if let historyPath { _ = read_history(historyPath) }
        // Emacs-style reverse incremental search, whatever ~/.editrc chose for ^R.
        _ = rl_parse_and_bind("bind ^R em-inc-search-prev")
        rl_basic_word_break_characters = UnsafePointer(CompletionHook.wordBreaks)
        rl_completer_word_break_characters = CompletionHook.wordBreaks
        rl_attempted_completion_function = hqlrunAttemptedCompletion
        rl_completion_query_items = 200
    }

    mutating func readLine(prompt: String) -> LineInput {
        StandardStreams.flush()
        QueryCanceller.takeInterrupt()
        // libedit prints the prompt *before* it leaves canonical mode, so a key typed in between (a fast Ctrl-D,
        // type-ahead) would be cooked by the tty driver: ^D becomes a NUL. Leave canonical mode first ourselves;
        // libedit only learns the cooked settings from a cooked tty, so it still restores those afterwards.
        var saved = termios()
        let isTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if isTerminal {
            var uncooked = saved
            uncooked.c_lflag &= ~tcflag_t(ICANON | ECHO)
            withUnsafeMutableBytes(of: &uncooked.c_cc) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
            tcsetattr(STDIN_FILENO, TCSADRAIN, &uncooked)
        }
        defer { if isTerminal { tcsetattr(STDIN_FILENO, TCSADRAIN, &saved) } }
        guard let raw = readline(prompt) else {
            // libedit returns NULL both for Ctrl-D and for a read interrupted by our SIGINT handler.
            return QueryCanceller.takeInterrupt() ? .interrupted : .endOfInput
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    mutating func addHistory(_ entry: String) {
        // Skip an immediate repeat, as shells do, so Up-arrow moves to something new.
        if history_length > 0, let last = history_get(history_base + history_length - 1),
           let line = last.pointee.line, String(cString: line) == entry {
            return
        }
        add_history(entry)
        saveHistory()
    }

    func saveHistory() {
        guard let historyPath else { return }
        _ = write_history(historyPath)
    }

    mutating func prepareCompletion(pendingText: String, completer: SQLCompleter) {
        CompletionHook.pendingText = pendingText
        CompletionHook.completer = completer
    }

    func echo(_ text: String) {
        if promptsOnStandardError {
            StandardStreams.writeError(text)
        } else {
            StandardStreams.writeOutput(text)
        }
    }

    /// Whether prompts go to stderr because stdout is redirected (see ``init(environment:)``).
    private var promptsOnStandardError: Bool { isatty(STDOUT_FILENO) == 0 && isatty(STDERR_FILENO) != 0 }
}

/// The state the C completion callback reads. Touched only on the shell's thread (see ``LineEditor``).
enum CompletionHook {
    /// The earlier lines of a multi-line statement, each followed by a line break.
    nonisolated(unsafe) static var pendingText = ""
    /// The completer in use.
    nonisolated(unsafe) static var completer = SQLCompleter()

    /// C strings handed to libedit once and kept for the life of the process.
    nonisolated(unsafe) static let readlineName = UnsafePointer<CChar>(strdup("hqlrun"))
    nonisolated(unsafe) static let wordBreaks = strdup(SQLCompleter.wordBreakCharacters)

    /// The candidates for the current line, cursor at `end` characters (libedit counts characters, not bytes).
    static func complete(line: String, end: Int) -> Completion {
        let scalars = line.unicodeScalars
        let cursorIndex = scalars.index(scalars.startIndex, offsetBy: min(max(0, end), scalars.count))
        let cursor = pendingText.utf8.count + line.unicodeScalars[..<cursorIndex].reduce(0) { $0 + UTF8.width($1) }
        return completer.complete(pendingText + line, cursor: cursor)
    }

    /// The match list libedit expects: `[common prefix, match 1, …, match n, NULL]`, all malloc'd (libedit frees).
    static func matchList(_ candidates: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        guard let first = candidates.first else { return nil }
        var common = Array(first.utf8)
        for candidate in candidates.dropFirst() {
            let bytes = Array(candidate.utf8)
            var length = 0
            while length < min(common.count, bytes.count), common[length] == bytes[length] { length += 1 }
            common.removeLast(common.count - length)
        }
        // Never cut a multi-byte character in half.
        while let last = common.last, last & 0xC0 == 0x80 { common.removeLast() }
        if let last = common.last, last >= 0xC0 { common.removeLast() }
        let count = candidates.count + 2
        guard let list = malloc(count * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
            .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: count) else { return nil }
        list[0] = strdup(String(decoding: common, as: UTF8.self))
        for (index, candidate) in candidates.enumerated() { list[index + 1] = strdup(candidate) }
        list[count - 1] = nil
        return list
    }
}

/// libedit's `rl_attempted_completion_function`: captures nothing, reads ``CompletionHook``.
private func hqlrunAttemptedCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32,
                                       _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    // Our candidates only: no fallback to file names (`source` completes files itself).
    rl_attempted_completion_over = 1
    let line = rl_line_buffer.map { String(cString: $0) } ?? ""
    let completion = CompletionHook.complete(line: line, end: Int(end))
    rl_completion_append_character = completion.wantsSpace ? 32 : 0
    return CompletionHook.matchList(completion.candidates)
}

// MARK: - Reading keys

/// libedit's `rl_getc_function`: one character from stdin, decoded from UTF-8, or -1 (end of input) once a Ctrl-C
/// has been recorded.
///
/// A `SIGINT` that lands while `readline()` is blocked in `read` makes it fail with `EINTR`, but one that lands
/// just before (while libedit sets the terminal up after printing the prompt) would leave the read blocked. So
/// the read waits in `poll` slices of 100 ms and looks at the flag between them: a Ctrl-C is seen at once in the
/// common case and within 100 ms in the racy one.
private func hqlrunReadCharacter(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    guard let first = readByte() else { return -1 }
    let length: Int
    switch first {
    case 0xC0...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF7: length = 4
    default: return Int32(first)
    }
    var bytes = [first]
    while bytes.count < length, let next = readByte(), next & 0xC0 == 0x80 { bytes.append(next) }
    guard let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return -1 }
    return Int32(bitPattern: scalar.value)
}

/// One byte from stdin, or nil at end of input, on error, or when a Ctrl-C is pending.
private func readByte() -> UInt8? {
    while true {
        if QueryCanceller.isInterrupted { return nil }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, 100)
        if ready < 0 && errno != EINTR { return nil }
        guard ready > 0 else { continue }
        var byte: UInt8 = 0
        let count = read(STDIN_FILENO, &byte, 1)
        if count == 1 { return byte }
        if count < 0 && errno == EINTR { continue }
        return nil
    }
}

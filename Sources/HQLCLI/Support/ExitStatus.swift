/// hqlrun's exit codes, the same in every mode.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// A statement failed (syntax, semantic or runtime error).
    case statementError = 1
    /// The command line was wrong.
    case usageError = 2
    /// A script named on the command line does not exist or cannot be read.
    case fileNotFound = 3
}

/// An error that ends the command with a specific exit status after printing `message` on stderr.
struct CommandFailure: Error {
    var status: ExitStatus
    var message: String?
}

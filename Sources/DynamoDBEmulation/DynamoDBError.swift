/// An error as the emulated AWS services report it: an AWS error code (`ValidationException`, …) and a message
/// worded like the real service's.
public struct DynamoDBError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The AWS error codes the emulation can return.
    public enum Code: String, Sendable, Equatable {
        /// A request parameter is invalid (bad item, key, number, expression, batch, …).
        case validation = "ValidationException"
        /// The table, stream, mapping or topic does not exist.
        case resourceNotFound = "ResourceNotFoundException"
        /// The table already exists, or is being used in a way its state does not allow.
        case resourceInUse = "ResourceInUseException"
        /// A condition on a write was not met.
        case conditionalCheckFailed = "ConditionalCheckFailedException"
        /// An item collection (items of one partition key with a local index) is over 10 GB.
        case itemCollectionSizeLimitExceeded = "ItemCollectionSizeLimitExceededException"
        /// The SNS `InvalidParameter` error (e.g. a message over the size limit).
        case invalidParameter = "InvalidParameter"
        /// The SNS `NotFound` error.
        case notFound = "NotFound"
        /// A Lambda function (here: the mapping's target) returned an error.
        case functionError = "FunctionError"
        /// The backing SQLite store failed (I/O, busy, …).
        case internalServerError = "InternalServerError"
    }

    /// The AWS error code.
    public var code: Code
    /// The service's message.
    public var message: String
    /// For bulk writes: the 0-based position of the failing request in the call.
    public var itemIndex: Int?
    /// For bulk writes: the key attributes of the failing item (as far as they were present).
    public var itemKey: Item?
    /// The attribute the failure is about, when there is one.
    public var attributeName: String?
    /// For non-atomic bulk writes: how many requests were committed before the failure.
    public var appliedCount: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `Code: message`, plus the failing item's position, key and attribute for bulk writes.
    public var description: String {
        var text = "\(code.rawValue): \(message)"
        var context: [String] = []
        if let itemIndex { context.append("item #\(itemIndex + 1)") }
        if let itemKey, !itemKey.isEmpty { context.append("key \(AttributeValue.itemJSON(itemKey).compactText)") }
        if let attributeName { context.append("attribute \(attributeName)") }
        if let appliedCount { context.append("\(appliedCount) earlier requests stay applied") }
        if !context.isEmpty { text += " (" + context.joined(separator: ", ") + ")" }
        return text
    }

    /// The AWS CLI's rendering, e.g. `An error occurred (ValidationException) when calling the PutItem operation: …`.
    public func cliMessage(operation: String) -> String {
        let full = description
        let detail = full.hasPrefix(code.rawValue + ": ") ? String(full.dropFirst(code.rawValue.count + 2)) : full
        return "An error occurred (\(code.rawValue)) when calling the \(operation) operation: \(detail)"
    }

    // MARK: - Common errors

    /// "One or more parameter values were invalid: …".
    static func invalidParameter(_ detail: String) -> DynamoDBError {
        DynamoDBError(.validation, "One or more parameter values were invalid: \(detail)")
    }

    /// The message of operations on a table that does not exist.
    static func tableNotFound(_ name: String) -> DynamoDBError {
        DynamoDBError(.resourceNotFound, "Requested resource not found: Table: \(name) not found")
    }

    /// Wraps a lower-level failure (SQLite, file system) as an internal server error.
    static func internalError(_ error: Error) -> DynamoDBError {
        if let error = error as? DynamoDBError { return error }
        return DynamoDBError(.internalServerError, "Internal server error: \(error)")
    }
}

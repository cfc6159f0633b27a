import ArgumentParser
import DynamoDBEmulation
import Foundation

/// `hqlrun streams …`: DynamoDB Streams records, Lambda-style event source mappings and SNS-style topics.
struct StreamsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "streams",
        abstract: "Stream records, event source mappings (batching, retries) and topics of the emulated services.",
        subcommands: [
            StreamRecordsCommand.self, CreateMappingCommand.self, ListMappingsCommand.self, DeleteMappingCommand.self,
            RunMappingsCommand.self, CreateTopicCommand.self, SubscribeCommand.self, PublishCommand.self,
            ListTopicsCommand.self,
        ])
}

/// `streams stream-records --table-name T [--after SEQ] [--from TIME] [--to TIME]`.
struct StreamRecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream-records", abstract: "Print a table's stream records as a Lambda event ({\"Records\": […]}).")
    @Option(name: .customLong("table-name")) var tableName: String
    @Option(help: "Only records after this sequence number.") var after: String?
    @Option(help: "Only records created at or after this time (ISO 8601 or epoch seconds).") var from: String?
    @Option(help: "Only records created at or before this time (ISO 8601 or epoch seconds).") var to: String?
    @OptionGroup var options: ServiceWarehouseOptions

    func validate() throws {
        if let after, StreamRecord.sequence(fromText: after) == nil { throw ValidationError("--after expects a sequence number") }
        for time in [from, to].compactMap({ $0 }) where TimeFormat.parse(time) == nil {
            throw ValidationError("expected an ISO 8601 time or epoch seconds, found '\(time)'")
        }
    }

    func run() throws {
        let store = try options.openStore()
        try AWSOperation.print("GetRecords") {
            try CLIResponses.streamRecords(
                store, tableName, after: after.flatMap(StreamRecord.sequence(fromText:)),
                from: from.flatMap(TimeFormat.parse), to: to.flatMap(TimeFormat.parse))
        }
    }
}

/// `streams create-event-source-mapping --cli-input-json file://FILE`.
struct CreateMappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-event-source-mapping",
        abstract: "Create a mapping from Lambda's CreateEventSourceMapping JSON plus hqlrun's Target.")
    @Option(name: .customLong("cli-input-json"), help: "The request, inline or file://FILE.") var input: String
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let text = try AWSOperation.argument(input)
        let store = try options.openStore()
        try AWSOperation.print("CreateEventSourceMapping") {
            try store.createEventSourceMapping(EventSourceMapping(jsonText: text))
        }
    }
}

/// `streams list-event-source-mappings`.
struct ListMappingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list-event-source-mappings", abstract: "List the mappings.")
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let store = try options.openStore()
        try AWSOperation.print("ListEventSourceMappings") { try CLIResponses.listEventSourceMappings(store) }
    }
}

/// `streams delete-event-source-mapping --uuid ID`.
struct DeleteMappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-event-source-mapping", abstract: "Delete a mapping.")
    @Option var uuid: String
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let store = try options.openStore()
        try AWSOperation.print("DeleteEventSourceMapping") {
            let description = try store.describeEventSourceMapping(uuid)
            try store.deleteEventSourceMapping(uuid)
            return description
        }
    }
}

/// `streams run [--mapping ID] [--follow] [--now ISO8601]`: deliver every due batch, checkpointing in the warehouse.
struct RunMappingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Deliver due batches of one or every mapping (once, or --follow to keep polling).")
    @Option(help: "Only this mapping (UUID).") var mapping: String?
    @Flag(help: "Keep polling (4 times a second, as Lambda does) until interrupted.") var follow = false
    @Option(help: "Deliver as if it were this time (ISO 8601 or epoch seconds); default: now.") var now: String?
    @OptionGroup var options: ServiceWarehouseOptions

    func validate() throws {
        if let now, TimeFormat.parse(now) == nil { throw ValidationError("--now expects an ISO 8601 time or epoch seconds") }
        if follow && now != nil { throw ValidationError("--follow runs in real time; it cannot be combined with --now") }
    }

    func run() throws {
        let store = try options.openStore()
        let ids = try AWSOperation.run("ListEventSourceMappings") {
            try mapping.map { [$0] } ?? store.listEventSourceMappings().map(\.uuid)
        }
        let time = now.flatMap(TimeFormat.parse)
        if !follow {
            let reports = try AWSOperation.run("Run") {
                try ids.map { CLIResponses.report(try store.deliver(mappingID: $0, now: time)) }
            }
            StandardStreams.writeOutput(CLIResponses.render(.object([("Mappings", .array(reports))])))
            return
        }
        // Follow: one compact JSON line per batch as it is delivered; stops on Ctrl-C (the process ends).
        while true {
            for id in ids {
                let report = try AWSOperation.run("Run") { try store.deliver(mappingID: id) }
                if !report.batches.isEmpty {
                    StandardStreams.writeOutput(CLIResponses.report(report).compactText + "\n")
                    StandardStreams.flush()
                }
            }
            usleep(250_000)
        }
    }
}

/// `streams create-topic --name N [--maximum-message-size BYTES]`.
struct CreateTopicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create-topic", abstract: "Create an SNS-style topic.")
    @Option var name: String
    @Option(name: .customLong("maximum-message-size"), help: "The topic's MaximumMessageSize (1024–1048576).") var maximumMessageSize: Int?
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let store = try options.openStore()
        try AWSOperation.print("CreateTopic") {
            .object([("TopicArn", .string(try store.createTopic(name, maximumMessageSize: maximumMessageSize)))])
        }
    }
}

/// `streams subscribe --topic N (--file PATH | --command CMD | --stdout | --http URL)`.
struct SubscribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "subscribe", abstract: "Subscribe an endpoint to a topic.")
    @Option var topic: String
    @Option(help: "Append notifications as JSON lines to this file.") var file: String?
    @Option(help: "Run this shell command with each notification on stdin.") var command: String?
    @Flag(help: "Print notifications on stdout (of the process that publishes).") var stdout = false
    @Option(help: "POST notifications to this http://127.0.0.1… URL.") var http: String?
    @OptionGroup var options: ServiceWarehouseOptions

    func validate() throws {
        let count = [file != nil, command != nil, stdout, http != nil].filter { $0 }.count
        guard count == 1 else { throw ValidationError("give exactly one of --file, --command, --stdout, --http") }
    }

    func run() throws {
        let endpoint: SubscriptionEndpoint
        if let file {
            endpoint = .file(file)
        } else if let command {
            endpoint = .command(command)
        } else if let http {
            endpoint = .http(http)
        } else {
            endpoint = .stdout
        }
        let store = try options.openStore()
        try AWSOperation.print("Subscribe") {
            .object([("SubscriptionArn", .string(try store.subscribe(topic: topic, endpoint: endpoint)))])
        }
    }
}

/// `streams publish --topic N --message TEXT [--subject S]`.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "publish", abstract: "Publish a message to a topic.")
    @Option var topic: String
    @Option(help: "The message, inline or file://FILE.") var message: String
    @Option var subject: String?
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let text = try AWSOperation.argument(message)
        let store = try options.openStore()
        try AWSOperation.print("Publish") {
            .object([("MessageId", .string(try store.publish(topic: topic, message: text, subject: subject)))])
        }
    }
}

/// `streams list-topics`.
struct ListTopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list-topics", abstract: "List the topics.")
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let store = try options.openStore()
        try AWSOperation.print("ListTopics") {
            .object([("Topics", .array(try store.listTopics().map { .object([("TopicArn", .string(store.topicArn($0)))]) }))])
        }
    }
}

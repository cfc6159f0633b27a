// swift-tools-version:6.0
import PackageDescription

// The pipeline, one target per phase (see ../shared/STYLE.md and each target's README):
// HQLSyntax (pure Swift) → HQLPlanner (pure Swift) → HQLCodegen → HQLRuntime (SQLite) → HQLCLI → hqlrun.
let package = Package(
    name: "hqlrun",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hqlrun", targets: ["hqlrun"]),
        .library(name: "HQLSyntax", targets: ["HQLSyntax"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries from Debian's libsqlite3-dev and libedit-dev.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),

        // Source files, spans, diagnostics, variable substitution, lexer, AST, parser, printer. Never imports SQLite.
        .target(name: "HQLSyntax"),
        // Hive types, implicit conversions, the function catalog; later the binder and lowering passes. Pure Swift.
        .target(name: "HQLPlanner", dependencies: ["HQLSyntax"], exclude: ["README.md"]),
        // Hive runtime values: exact decimals, dates and timestamps, Java-compatible text forms, and the
        // bodies of Hive's built-in functions as plain Swift. Pure Swift; the runtime registers them with SQLite.
        .target(name: "HiveValues", exclude: ["README.md"]),
        // Bound trees → SQLite SQL text, with Hive semantics spelled out (see docs/engine-design.md).
        .target(name: "HQLCodegen", dependencies: ["HQLPlanner"]),
        // The engine: warehouse (catalog + data in SQLite), session, executor, UDFs, output formatting.
        .target(name: "HQLRuntime", dependencies: ["HQLSyntax", "HQLPlanner", "HQLCodegen", "SQLiteStore", "HiveValues",
                                                  "DynamoDBEmulation"]),
        // A Swift wrapper of the SQLite C API that knows nothing of HQL.
        .target(name: "SQLiteStore", dependencies: ["CSQLite"], exclude: ["README.md"]),
        // The emulated DynamoDB service: tables and items with DynamoDB's rules, Streams records, Lambda-style
        // event source mappings and SNS-style topics, stored in SQLite. Knows nothing of HQL.
        .target(name: "DynamoDBEmulation", dependencies: ["SQLiteStore"], exclude: ["README.md"]),
        // Commands (script runner, parse, fmt) and the REPL.
        .target(name: "HQLCLI", dependencies: [
            "HQLSyntax", "HQLPlanner", "HQLRuntime", "SQLiteStore", "DynamoDBEmulation", "CLibEdit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "hqlrun", dependencies: ["HQLCLI"]),
        // Release-build benchmark of the front end (see bench/).
        .executableTarget(name: "hqlrun-bench", dependencies: ["HQLSyntax"], path: "Sources/hqlrun-bench"),

        .testTarget(name: "HQLSyntaxTests", dependencies: ["HQLSyntax"], exclude: ["Fixtures"]),
        .testTarget(name: "SQLiteStoreTests", dependencies: ["SQLiteStore"]),
        .testTarget(name: "HQLPlannerTests", dependencies: ["HQLPlanner"]),
        .testTarget(name: "HQLRuntimeTests", dependencies: ["HQLRuntime"]),
        .testTarget(name: "HiveValuesTests", dependencies: ["HiveValues"]),
        .testTarget(name: "DynamoDBEmulationTests", dependencies: ["DynamoDBEmulation"]),
        .testTarget(name: "HQLCLITests", dependencies: ["HQLCLI"]),
    ],
    swiftLanguageModes: [.v6]
)

import HQLSyntax

extension Binder {
    /// Binds one statement. Session commands (`SET`, `source`, ..) are the CLI's and never reach here.
    public mutating func bind(_ statement: Statement) throws -> BoundStatement {
        let span = statement.span
        switch statement.kind {
        case .query(let query):
            return .query(try bind(query))
        case .createDatabase(let create):
            return .createDatabase(name: create.name.name.lowercased(), ifNotExists: create.ifNotExists,
                                   comment: create.comment, location: create.location)
        case .dropDatabase(let drop):
            return .dropDatabase(name: drop.name.name.lowercased(), ifExists: drop.ifExists,
                                 cascade: drop.behavior == .cascade)
        case .use(let name):
            guard try catalog.databaseExists(name.name.lowercased()) else {
                throw Binder.error("database '\(name.name)' does not exist", at: name.span, code: "HQL3040")
            }
            return .use(database: name.name.lowercased())
        case .createTable(let create):
            return try bindCreateTable(create, span: span)
        case .dropTable(let drop):
            let (database, name) = try resolveTableName(drop.name)
            return .dropTable(database: database, name: name, ifExists: drop.ifExists)
        case .truncateTable(let truncate):
            if truncate.partition != nil { throw Binder.unsupported("TRUNCATE .. PARTITION", at: span) }
            return .truncateTable(try lookupTable(truncate.name))
        case .insert(let insert):
            return .insert(try bindInsert(insert, span: span))
        case .createTableLike(let like):
            if like.isExternal || like.location != nil { throw Binder.unsupported("external tables", at: span) }
            let source = try lookupTable(like.source)
            guard source.kind != .view else { throw Binder.unsupported("CREATE TABLE LIKE a view", at: span) }
            let (database, name) = try resolveTableName(like.name)
            var copy = source
            copy.database = database
            copy.name = name
            copy.kind = .managed
            return .createTableLike(copy, ifNotExists: like.ifNotExists)
        case .createView(let view):
            return try bindCreateView(view, span: span)
        case .dropView(let drop):
            let (database, name) = try resolveTableName(drop.name)
            return .dropView(database: database, name: name, ifExists: drop.ifExists)
        case .alterTable(let alter):
            let table = try lookupTable(alter.name)
            switch alter.action {
            case .addColumns(let columns, _):
                guard table.kind == .managed else { throw Binder.unsupported("ALTER TABLE on this table", at: span) }
                let added = try columns.map {
                    ColumnDescriptor(name: $0.name.name.lowercased(), type: try hiveType($0.type, at: span), comment: $0.comment)
                }
                for column in added where table.allColumns.contains(where: { $0.name == column.name }) {
                    throw Binder.error("duplicate column name '\(column.name)'", at: span, code: "HQL3042")
                }
                return .addColumns(table, added)
            case .renameTo(let target):
                let (database, name) = try resolveTableName(target)
                return .renameTable(table, toDatabase: database, toName: name)
            default:
                throw Binder.unsupported("this ALTER TABLE action", at: span)
            }
        case .show(.partitions(let name, let partition)):
            let table = try lookupTable(name)
            guard !table.partitionColumns.isEmpty else {
                throw Binder.error("table \(table.qualifiedName) is not partitioned", at: span, code: "HQL3046")
            }
            var filter: [(column: String, value: BoundExpression)] = []
            for item in partition?.items ?? [] {
                guard let column = table.partitionColumns.first(where: { $0.name == item.column.name.lowercased() }),
                      let value = item.value else {
                    throw Binder.error("'\(item.column.name)' is not a partition column of \(table.qualifiedName)",
                                       at: item.column.span, code: "HQL3043")
                }
                filter.append((column.name, try coerce(try bind(value, in: Scope(), allowAggregates: false),
                                                       to: column.type)))
            }
            return .showPartitions(table, filter: filter)
        case .loadData(let load):
            if load.partition != nil { throw Binder.unsupported("LOAD DATA .. PARTITION", at: span) }
            let table = try lookupTable(load.table)
            guard table.kind == .managed else { throw Binder.unsupported("LOAD DATA into this kind of table", at: span) }
            return .loadData(table, path: load.path, overwrite: load.overwrite)
        case .show(.databases(let like)):
            return .showDatabases(like: like)
        case .show(.tables(let database, let like)):
            let name = database?.name.lowercased() ?? catalog.currentDatabase
            guard try catalog.databaseExists(name) else {
                throw Binder.error("database '\(name)' does not exist", at: span, code: "HQL3040")
            }
            return .showTables(database: name, like: like)
        case .describe(let describe):
            guard case .table(let name, nil, let column) = describe.target, column.isEmpty else {
                throw Binder.unsupported("this form of DESCRIBE", at: span)
            }
            return .describeTable(try lookupTable(name), detail: describe.detail)
        default:
            throw Binder.unsupported("this statement", at: span)
        }
    }

    // MARK: - CREATE TABLE

    mutating func bindCreateTable(_ create: CreateTable, span: Span) throws -> BoundStatement {
        let (database, name) = try resolveTableName(create.name)
        guard try catalog.databaseExists(database) else {
            throw Binder.error("database '\(database)' does not exist", at: create.name.span, code: "HQL3040")
        }
        if case .storedBy(let handler, _)? = create.storage {
            guard handler == StorageDescriptor.dynamoDBHandler else {
                throw Binder.unsupported("the storage handler '\(handler)'", at: span)
            }
            // The connector's first CREATE check (dynamodb-emulation.md §1.1, 1).
            guard create.isExternal else {
                throw Binder.error("Only EXTERNAL tables are supported for DynamoDB.", at: span, code: "HQL3070")
            }
        }
        if let provider = create.provider, provider.name.lowercased() != "csv" {
            throw Binder.unsupported("USING \(provider.name) tables", at: span)
        }
        var columns: [ColumnDescriptor] = []
        for column in create.columns {
            columns.append(ColumnDescriptor(name: column.name.name.lowercased(), type: try hiveType(column.type, at: span),
                                            comment: column.comment))
        }
        var partitions: [ColumnDescriptor] = []
        for column in create.partitionedBy {
            guard let type = column.type else { throw Binder.unsupported("PARTITIONED BY without types", at: span) }
            partitions.append(ColumnDescriptor(name: column.name.name.lowercased(), type: try hiveType(type, at: span),
                                               comment: column.comment))
        }
        var asQuery: BoundQuery?
        if let query = create.asQuery {
            guard columns.isEmpty, partitions.isEmpty else {
                throw Binder.error("CREATE TABLE AS SELECT cannot also list columns", at: span, code: "HQL3041")
            }
            let bound = try bind(query)
            columns = bound.columns.map { ColumnDescriptor(name: $0.name.lowercased(),
                                                           type: $0.type == .void ? .string : $0.type) }
            asQuery = bound
        }
        var seen = Set<String>()
        for column in columns + partitions where !seen.insert(column.name).inserted {
            throw Binder.error("duplicate column name '\(column.name)'", at: span, code: "HQL3042")
        }
        let storage = storageDescriptor(for: create)
        // A table whose rows live in files (LOCATION, or Spark's OPTIONS (path ..)) is read from them;
        // the rest keep their rows in the warehouse.
        let kind: TableDescriptor.Kind = storage.location != nil || storage.handler != nil ? .external : .managed
        if kind == .external, !partitions.isEmpty {
            throw Binder.unsupported("partitioned tables over files", at: span)
        }
        let table = TableDescriptor(database: database, name: name, kind: kind, columns: columns,
                                    partitionColumns: partitions, comment: create.comment, storage: storage)
        return .createTable(table, ifNotExists: create.ifNotExists, asQuery: asQuery)
    }

    /// The storage clauses of CREATE TABLE as the catalog keeps them.
    func storageDescriptor(for create: CreateTable) -> StorageDescriptor {
        var storage = StorageDescriptor()
        func properties(_ list: [Property]) -> [String: String] {
            Dictionary(list.map { ($0.key, $0.value ?? "") }, uniquingKeysWith: { $1 })
        }
        storage.tableProperties = properties(create.tableProperties)
        switch create.storage {
        case .storedAs(let format)?: storage.format = format.name.uppercased()
        case .inputOutput(let input, _)?: storage.format = input
        case .storedBy(let handler, let serdeProperties)?:
            storage.handler = handler
            storage.serdeProperties = properties(serdeProperties)
        case nil: break
        }
        switch create.rowFormat {
        case .delimited(let delimited)?:
            var format: [String: String] = [:]
            format["fields"] = delimited.fieldsTerminatedBy
            format["escapedBy"] = delimited.escapedBy
            format["collectionItems"] = delimited.collectionItemsTerminatedBy
            format["mapKeys"] = delimited.mapKeysTerminatedBy
            format["lines"] = delimited.linesTerminatedBy
            format["nullDefinedAs"] = delimited.nullDefinedAs
            storage.rowFormat = format
        case .serde(let className, let serdeProperties)?:
            storage.serde = className
            storage.serdeProperties = properties(serdeProperties)
        case nil: break
        }
        if let provider = create.provider {
            storage.format = provider.name.lowercased()
            storage.serdeProperties = properties(create.options)
        }
        storage.location = create.location ?? storage.serdeProperties["path"]
        return storage
    }

    func hiveType(_ type: DataType, at span: Span) throws -> HiveType {
        do {
            return try HiveType(type)
        } catch {
            throw Binder.error("\(error)", at: span, code: "HQL3010")
        }
    }

    // MARK: - Views

    mutating func bindCreateView(_ view: CreateView, span: Span) throws -> BoundStatement {
        if view.isTemporary { throw Binder.unsupported("temporary views", at: span) }
        let (database, name) = try resolveTableName(view.name)
        let query = try bind(view.query)
        var columns = query.columns.map { ColumnDescriptor(name: $0.name.lowercased(), type: $0.type == .void ? .string : $0.type) }
        if !view.columns.isEmpty {
            guard view.columns.count == columns.count else {
                throw Binder.error("the view's column list names \(view.columns.count) columns but its query has "
                                   + "\(columns.count)", at: span, code: "HQL3035")
            }
            for (index, column) in view.columns.enumerated() {
                columns[index].name = column.name.name.lowercased()
                columns[index].comment = column.comment
            }
        }
        let descriptor = TableDescriptor(database: database, name: name, kind: .view, columns: columns,
                                         comment: view.comment, viewText: HQLPrinter.format(view.query))
        return .createView(descriptor, orReplace: view.orReplace, ifNotExists: view.ifNotExists)
    }

    /// A view's query, parsed from its stored text and bound in place of the view.
    mutating func bindView(_ view: TableDescriptor, span: Span) throws -> BoundQuery {
        guard let text = view.viewText else {
            throw Binder.error("view \(view.qualifiedName) has no query", at: span, code: "HQL3047")
        }
        let statement = try Parser.parseStatement(SourceFile(name: view.qualifiedName, text: text))
        guard case .query(let query) = statement.kind else {
            throw Binder.error("view \(view.qualifiedName) does not hold a query", at: span, code: "HQL3047")
        }
        var bound = try bind(query)
        guard bound.columns.count == view.columns.count else {
            throw Binder.error("view \(view.qualifiedName) no longer matches its tables", at: span, code: "HQL3048")
        }
        bound.body = try coerceBody(bound.body, to: view.columns.map(\.type))
        bound.columns = view.columns.map { OutputColumn(name: $0.name, type: $0.type) }
        return bound
    }

    // MARK: - INSERT

    mutating func bindInsert(_ insert: Insert, span: Span) throws -> BoundInsert {
        guard case .table(let name, let partition, let ifNotExists, let columnList) = insert.target.destination else {
            throw Binder.unsupported("INSERT .. DIRECTORY", at: span)
        }
        if ifNotExists || !columnList.isEmpty { throw Binder.unsupported("IF NOT EXISTS and column lists", at: span) }
        let table = try lookupTable(name)
        guard table.kind == .managed || table.storage.handler == StorageDescriptor.dynamoDBHandler else {
            throw Binder.unsupported("INSERT into a table over files or a view", at: span)
        }
        var source = insert.source
        if let with = insert.with { source.with = with }
        let query = try bind(source)

        // Static partition values fill their columns; the query supplies the rest, in table order.
        var staticValues: [(column: String, value: BoundExpression)] = []
        var partitionNames = Set<String>()
        for item in partition?.items ?? [] {
            let column = item.column.name.lowercased()
            guard let descriptor = table.partitionColumns.first(where: { $0.name == column }) else {
                throw Binder.error("'\(item.column.name)' is not a partition column of \(table.qualifiedName)",
                                   at: item.column.span, code: "HQL3043")
            }
            partitionNames.insert(column)
            if let value = item.value {
                let bound = try bind(value, in: Scope(), allowAggregates: false)
                staticValues.append((column, try coerce(bound, to: descriptor.type)))
            }
        }
        if !table.partitionColumns.isEmpty, partition == nil {
            throw Binder.error("\(table.qualifiedName) is partitioned: name its partition columns in PARTITION (..)",
                               at: span, code: "HQL3044")
        }
        let targets = table.allColumns.filter { column in !staticValues.contains { $0.column == column.name } }
        guard query.columns.count == targets.count else {
            throw Binder.error("\(table.qualifiedName) expects \(targets.count) columns from the query, found "
                               + "\(query.columns.count)", at: span, code: "HQL3045")
        }
        var converted = query
        converted.body = try coerceBody(query.body, to: targets.map(\.type))
        converted.columns = targets.map { OutputColumn(name: $0.name, type: $0.type) }
        return BoundInsert(table: table, overwrite: insert.target.mode == .overwrite, staticPartition: staticValues,
                           query: converted)
    }
}

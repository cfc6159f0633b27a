/// Window and ordering productions shared by expressions (`OVER`) and queries (`WINDOW`, `ORDER BY`).
extension Parser {
    /// `window: identifier | windowSpecification` (after `OVER`, or after `AS` in a `WINDOW` clause)
    mutating func parseWindowReference() throws -> WindowReference {
        if at(.leftParen) { return .specification(try nested { try $0.parseWindowSpecification() }) }
        return .named(try parseIdentifier("window name or '(' after OVER"))
    }

    /// ```
    /// windowSpecification: '(' [identifier]
    ///     [(PARTITION | DISTRIBUTE) BY expression (',' expression)* | CLUSTER BY expression (',' expression)*]
    ///     [(ORDER | SORT) BY orderItem (',' orderItem)*]
    ///     [windowFrame] ')'
    /// ```
    /// Hive's `DISTRIBUTE BY`/`SORT BY` become `partitionBy`/`orderBy`; `CLUSTER BY x` becomes both.
    mutating func parseWindowSpecification() throws -> WindowSpecification {
        let opener = try expect(.leftParen, "'(' to open the window specification")
        var specification = WindowSpecification()
        if atIdentifier, !at(any: .distribute, .sort, .cluster) {
            specification.baseWindow = try parseIdentifier("window name")
        }
        if at(.partition) || (at(.distribute) && peekIs(.by)) {
            // PARTITION is reserved, so it can only start `PARTITION BY` here.
            advance()
            try expect(.by)
            specification.partitionBy = try parseExpressionList()
        } else if at(.cluster), peekIs(.by) {
            advance()
            advance()
            specification.partitionBy = try parseExpressionList()
            specification.orderBy = specification.partitionBy.map { OrderItem(expression: $0) }
        }
        if at(any: .order, .sort), peekIs(.by) {
            advance()
            advance()
            specification.orderBy = try parseOrderItems()
        }
        if at(any: .rows, .range) { specification.frame = try parseWindowFrame() }
        try expectClosing(.rightParen, opener: opener.span, of: "window specification")
        return specification
    }

    /// `windowFrame: (ROWS | RANGE) (frameBound | BETWEEN frameBound AND frameBound)`
    mutating func parseWindowFrame() throws -> WindowFrame {
        let unit: WindowFrame.Unit = at(.rows) ? .rows : .range
        advance()
        if eat(.between) != nil {
            let start = try parseFrameBound()
            try expect(.and)
            let end = try parseFrameBound()
            return WindowFrame(unit: unit, start: start, end: end)
        }
        return WindowFrame(unit: unit, start: try parseFrameBound(), end: nil)
    }

    /// `frameBound: UNBOUNDED (PRECEDING | FOLLOWING) | CURRENT ROW | expression (PRECEDING | FOLLOWING)`
    mutating func parseFrameBound() throws -> WindowFrame.Bound {
        if eat(.unbounded) != nil {
            if eat(.preceding) != nil { return .unboundedPreceding }
            if eat(.following) != nil { return .unboundedFollowing }
            throw unexpected("PRECEDING or FOLLOWING after UNBOUNDED", suggesting: [.preceding, .following])
        }
        if eat(.current) != nil {
            try expect(.row)
            return .currentRow
        }
        let offset = try parseBinary(Parser.comparisonPrecedence + 1)
        if eat(.preceding) != nil { return .preceding(offset) }
        if eat(.following) != nil { return .following(offset) }
        throw unexpected("PRECEDING or FOLLOWING", suggesting: [.preceding, .following])
    }

    /// `orderItem: expression [ASC | DESC] [NULLS (FIRST | LAST)]`
    mutating func parseOrderItem() throws -> OrderItem {
        var item = OrderItem(expression: try parseExpression())
        if eat(.asc) != nil {
            item.direction = .ascending
        } else if eat(.desc) != nil {
            item.direction = .descending
        }
        if eat(.nulls) != nil {
            if eat(.first) != nil {
                item.nulls = .first
            } else if eat(.last) != nil {
                item.nulls = .last
            } else {
                throw unexpected("FIRST or LAST after NULLS", suggesting: [.first, .last])
            }
        }
        return item
    }

    /// `orderItem (',' orderItem)*`
    mutating func parseOrderItems() throws -> [OrderItem] {
        var items: [OrderItem] = []
        repeat {
            items.append(try parseOrderItem())
        } while eat(.comma) != nil
        return items
    }

    /// `expression (',' expression)*`
    mutating func parseExpressionList() throws -> [Expression] {
        var items: [Expression] = []
        repeat {
            items.append(try parseExpression())
        } while eat(.comma) != nil
        return items
    }
}

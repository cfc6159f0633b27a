// TEMPORARY: stubs so the package compiles until the expression/query/type productions land.
// Owner of Parser+Expressions/Query/Types deletes this file.
extension Parser {
    mutating func parseExpression() throws -> Expression { throw unexpected("expression (not yet implemented)") }
    mutating func parseDataType() throws -> DataType { throw unexpected("type (not yet implemented)") }
    mutating func parseQuery() throws -> Query { throw unexpected("query (not yet implemented)") }
    mutating func parseWithClause() throws -> WithClause { throw unexpected("WITH (not yet implemented)") }
    mutating func parseQuery(with: WithClause?) throws -> Query { throw unexpected("query (not yet implemented)") }
    mutating func parseTableReferences() throws -> [TableReference] { throw unexpected("FROM (not yet implemented)") }
    mutating func parseSelectBranch() throws -> Query { throw unexpected("SELECT (not yet implemented)") }
    mutating func parseValuesRows() throws -> [[Expression]] { throw unexpected("VALUES (not yet implemented)") }
}

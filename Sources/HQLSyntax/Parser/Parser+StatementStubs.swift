// TEMPORARY: stub so the package compiles until the statement productions land.
// Owner of Parser+Statements/DDL/DML/Commands deletes this file.
extension Parser {
    mutating func parseStatement() throws -> Statement { throw unexpected("statement (not yet implemented)") }
}

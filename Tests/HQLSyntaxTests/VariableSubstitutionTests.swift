import XCTest
@testable import HQLSyntax

final class VariableSubstitutionTests: XCTestCase {
    // MARK: - Helpers

    /// Substitutes the whole of `text` and returns the result as a string with its file and diagnostics.
    private func run(_ text: String, _ scope: VariableScope, name: String = "job.hql")
        -> (text: String, file: SourceFile, original: SourceFile, diagnostics: [Diagnostic])
    {
        let original = SourceFile(name: name, text: text)
        let result = VariableSubstitution.substitute(
            original, in: Span(start: 0, end: original.bytes.count), scope: scope)
        return (String(decoding: result.file.bytes, as: UTF8.self), result.file, original, result.diagnostics)
    }

    private func scope(
        hiveconf: [String: String] = [:], hivevar: [String: String] = [:], env: [String: String] = [:],
        system: [String: String] = [:]
    ) -> VariableScope {
        VariableScope(hiveconf: hiveconf, hivevar: hivevar, env: env, system: system)
    }

    /// The `line:column` of a derived span's start in the original text.
    private func originalLocation(_ span: Span, in file: SourceFile) -> String {
        let (original, mapped) = file.originalSpan(span)
        return original.location(of: mapped.start).description
    }

    // MARK: - Namespaces

    func testEachNamespace() {
        let scope = scope(
            hiveconf: ["mapred.reduce.tasks": "7"], hivevar: ["run_date": "2026-11-25"],
            env: ["HOME": "/home/ana"], system: ["user.name": "ana"])
        let result = run(
            "SELECT '${hiveconf:mapred.reduce.tasks}', '${hivevar:run_date}', '${run_date}', '${env:HOME}', '${system:user.name}'",
            scope)
        XCTAssertEqual(result.text, "SELECT '7', '2026-11-25', '2026-11-25', '/home/ana', 'ana'")
        XCTAssertEqual(result.diagnostics, [])
    }

    func testBareNameReadsOnlyHivevarsAsHiveDoes() {
        let result = run("SELECT ${x}", scope(hiveconf: ["x": "1"]))
        XCTAssertEqual(result.text, "SELECT ${x}")
        XCTAssertEqual(result.diagnostics.map(\.code), ["HQL6001"])
        XCTAssertEqual(result.diagnostics.first?.notes.count, 1, "hints at ${hiveconf:x}")
    }

    func testPrefixedNameFallsBackToHivevarUnderTheWholeName() {
        // Hive's VariableSubstitution looks a name its namespace lacks up in the hivevars, unchanged.
        XCTAssertEqual(run("${hiveconf:k}", scope(hivevar: ["hiveconf:k": "v"])).text, "v")
        XCTAssertEqual(run("${hiveconf:k}", scope(hiveconf: ["k": "c"], hivevar: ["hiveconf:k": "v"])).text, "c")
    }

    func testSystemPropertiesFromEnvironment() {
        let properties = VariableScope.systemProperties(
            environment: ["USER": "ana", "HOME": "/home/ana", "TMPDIR": "/var/tmp/"], workingDirectory: "/work/jobs")
        XCTAssertEqual(properties["user.name"], "ana")
        XCTAssertEqual(properties["user.home"], "/home/ana")
        XCTAssertEqual(properties["user.dir"], "/work/jobs")
        XCTAssertEqual(properties["java.io.tmpdir"], "/var/tmp")
        XCTAssertEqual(VariableScope.systemProperties(environment: [:])["java.io.tmpdir"], "/tmp")
        XCTAssertEqual(VariableScope(env: ["LOGNAME": "bo"]).system["user.name"], "bo")
    }

    // MARK: - Passes, nesting, depth

    func testValuesHoldingReferencesAreSubstitutedAgain() {
        let scope = scope(hivevar: ["base": "s3://bucket/${hivevar:env}", "env": "prod", "path": "${base}/events"])
        XCTAssertEqual(run("LOCATION '${path}'", scope).text, "LOCATION 's3://bucket/prod/events'")
    }

    func testNestedReferenceIsCompletedByTheInnerOne() {
        let scope = scope(hivevar: ["which": "prod", "db_prod": "analytics"])
        let result = run("USE ${db_${which}}", scope)
        XCTAssertEqual(result.text, "USE analytics")
        XCTAssertEqual(result.diagnostics, [])
        // The value stands for the whole outer reference.
        let span = Span(start: 4, end: 13)
        XCTAssertEqual(result.file.originalSpan(span).span, Span(start: 4, end: 18))
    }

    func testDepthLimitOfFortyPasses() {
        // v0 → ${v1} → … → ${v40} → "end": 41 passes replace something, one more than Hive allows.
        var hivevar: [String: String] = [:]
        for level in 0..<40 { hivevar["v\(level)"] = "${v\(level + 1)}" }
        hivevar["v40"] = "end"
        let tooDeep = run("SELECT '${v0}'", scope(hivevar: hivevar))
        XCTAssertEqual(tooDeep.diagnostics.map(\.code), ["HQL6002"])
        XCTAssertEqual(tooDeep.diagnostics.first?.severity, .error)

        // Forty passes are allowed.
        hivevar["v39"] = "end"
        let deepest = run("SELECT '${v0}'", scope(hivevar: hivevar))
        XCTAssertEqual(deepest.text, "SELECT 'end'")
        XCTAssertEqual(deepest.diagnostics, [])
    }

    func testSelfReferenceFailsInsteadOfLooping() {
        let result = run("SELECT ${a}", scope(hivevar: ["a": "x${a}"]))
        XCTAssertEqual(result.diagnostics.map(\.code), ["HQL6002"])
        XCTAssertEqual(originalLocation(result.diagnostics[0].span, in: result.file), "1:8")
    }

    func testDepthAndSwitchComeFromHiveconf() {
        let scope = scope(hiveconf: [VariableScope.depthKey: "1"], hivevar: ["a": "${b}", "b": "1"])
        XCTAssertEqual(run("${a}", scope).diagnostics.map(\.code), ["HQL6002"])
        let off = self.scope(hiveconf: [VariableScope.enabledKey: "false"], hivevar: ["a": "1"])
        let result = run("SELECT ${a}", off)
        XCTAssertEqual(result.text, "SELECT ${a}")
        XCTAssertEqual(result.diagnostics, [])
    }

    func testWhatIsNotAReference() {
        let scope = scope(hivevar: ["a": "1"])
        XCTAssertEqual(run("${} ${ a} $a {a} $${a} ${a", scope).text, "${} ${ a} $a {a} $1 ${a")
    }

    // MARK: - Undefined variables

    func testUndefinedIsLiteralWithWarningAtOriginalLineAndColumn() {
        let text = "SET hivevar:x=1;\nSELECT ${hivevar:x},\n       ${hivevar:missing} FROM t"
        let result = run(text, scope(hivevar: ["x": "1234567"]))
        XCTAssertEqual(result.text, "SET hivevar:x=1;\nSELECT 1234567,\n       ${hivevar:missing} FROM t")
        XCTAssertEqual(result.diagnostics.count, 1)
        let warning = result.diagnostics[0]
        XCTAssertEqual(warning.code, "HQL6001")
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(originalLocation(warning.span, in: result.file), "3:8")
        XCTAssertEqual(
            DiagnosticRenderer().render(warning, in: result.file),
            """
            job.hql:3:8: warning: undefined variable '${hivevar:missing}' is left as written [HQL6001]
                   ${hivevar:missing} FROM t
                   ^~~~~~~~~~~~~~~~~~

            """)
    }

    func testUndefinedAfterDefinedOnSameLineStillPointsRight() {
        // The value is longer than its reference, so derived and original columns differ.
        let result = run("SELECT ${a}, ${b}", scope(hivevar: ["a": "'a long value'"]))
        XCTAssertEqual(result.text, "SELECT 'a long value', ${b}")
        XCTAssertEqual(originalLocation(result.diagnostics[0].span, in: result.file), "1:14")
    }

    func testNoWarningInComments() {
        let text = "-- run for ${hivevar:day}\nSELECT 1 /* ${x} */, '--' AS s, ${y}"
        let result = run(text, scope())
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertEqual(originalLocation(result.diagnostics[0].span, in: result.file), "2:33")
    }

    // MARK: - Mapping back

    func testErrorAfterLongerValueRendersAtOriginalColumn() {
        let text = "SELECT *\nFROM ${hivevar:tbl} WHERE x = )"
        let result = run(text, scope(hivevar: ["tbl": "warehouse.daily_orders"]))
        XCTAssertEqual(result.text, "SELECT *\nFROM warehouse.daily_orders WHERE x = )")
        // A later phase reports the `)` at its offset in the derived text.
        let paren = result.text.utf8.count - 1
        let error = Diagnostic.error("HQL2001", "expected an expression", at: Span(start: paren, end: paren + 1))
        XCTAssertEqual(
            DiagnosticRenderer().render(error, in: result.file),
            """
            job.hql:2:31: error: expected an expression [HQL2001]
            FROM ${hivevar:tbl} WHERE x = )
                                          ^

            """)
    }

    func testErrorInsideValueUnderlinesTheReference() {
        let result = run("SELECT ${hivevar:cols} FROM t", scope(hivevar: ["cols": "a,,b"]))
        // The stray comma is at derived offset 9, inside the value.
        let error = Diagnostic.error("HQL2001", "expected a column", at: Span(start: 9, end: 10))
        XCTAssertEqual(
            DiagnosticRenderer().render(error, in: result.file),
            """
            job.hql:1:8: error: expected a column [HQL2001]
            SELECT ${hivevar:cols} FROM t
                   ^~~~~~~~~~~~~~~

            """)
    }

    func testSpanOfOneStatementMapsIntoTheWholeScript() {
        let script = "SELECT 1;\nSELECT ${hivevar:n}, ${z};\n"
        let original = SourceFile(name: "s.hql", text: script)
        let start = 10
        let end = script.utf8.count - 2
        let result = VariableSubstitution.substitute(
            original, in: Span(start: start, end: end), scope: scope(hivevar: ["n": "42"]))
        XCTAssertEqual(String(decoding: result.file.bytes, as: UTF8.self), "SELECT 42, ${z}")
        XCTAssertEqual(result.diagnostics.count, 1)
        let (file, span) = result.file.originalSpan(result.diagnostics[0].span)
        XCTAssertTrue(file === original)
        XCTAssertEqual(file.text(of: span), "${z}")
        XCTAssertEqual(file.location(of: span.start).description, "2:22")
    }

    func testNoReferenceOnlySlices() {
        let original = SourceFile(name: "s.hql", text: "SELECT 1;\nSELECT 2;")
        let whole = VariableSubstitution.substitute(original, in: Span(start: 0, end: 19), scope: scope())
        XCTAssertTrue(whole.file === original)
        let part = VariableSubstitution.substitute(original, in: Span(start: 10, end: 18), scope: scope())
        XCTAssertEqual(String(decoding: part.file.bytes, as: UTF8.self), "SELECT 2")
        XCTAssertEqual(part.file.originalSpan(Span(start: 7, end: 8)).span, Span(start: 17, end: 18))
        XCTAssertEqual(part.diagnostics, [])
    }

    func testEmptyValue() {
        let result = run("SELECT 1${hivevar:e} FROM t", scope(hivevar: ["e": ""]))
        XCTAssertEqual(result.text, "SELECT 1 FROM t")
        XCTAssertEqual(result.file.originalSpan(Span(start: 9, end: 13)).span, Span(start: 21, end: 25))
    }

    // MARK: - SET

    func testSetSemantics() throws {
        var scope = VariableScope(env: ["HOME": "/root"])
        XCTAssertEqual(try scope.applySet(name: "x", value: "1"), .hiveconf)
        XCTAssertEqual(try scope.applySet(name: "hiveconf:y", value: "2"), .hiveconf)
        XCTAssertEqual(try scope.applySet(name: "hivevar:run_date", value: "2026-11-25"), .hivevar)
        XCTAssertEqual(try scope.applySet(name: " system:user.name ", value: "etl"), .system)
        XCTAssertEqual(scope.hiveconf, ["x": "1", "y": "2"])
        XCTAssertEqual(scope.hivevar, ["run_date": "2026-11-25"])
        XCTAssertEqual(scope.system["user.name"], "etl")

        XCTAssertThrowsError(try scope.applySet(name: "env:HOME", value: "/tmp")) { error in
            XCTAssertEqual((error as? VariableScope.SetError)?.code, "HQL6003")
        }
        XCTAssertEqual(scope.env["HOME"], "/root", "env is read-only")

        XCTAssertEqual(try scope.applySet(assignment: "hivevar:path = s3://b/k=v "), .hivevar)
        XCTAssertEqual(scope.hivevar["path"], "s3://b/k=v")
        XCTAssertThrowsError(try scope.applySet(assignment: "novalue"))
        XCTAssertThrowsError(try scope.applySet(assignment: "hivevar:=1"))

        let result = run("SELECT ${x}, ${hiveconf:x}, ${run_date}, ${system:user.name}", scope)
        XCTAssertEqual(result.text, "SELECT ${x}, 1, 2026-11-25, etl")
    }

    // MARK: - Segment map

    func testFindReferences() {
        let text = Array("a${x}b${y${z}}c".utf8)
        let names = VariableSubstitution.findReferences(in: text).map { $0.name(in: text) }
        XCTAssertEqual(names, ["x", "z"])
    }

    func testCommentRanges() {
        let text = Array("a '--' -- c\nb /* d */ \"/*\" e".utf8)
        let ranges = VariableSubstitution.commentRanges(in: text)
        XCTAssertEqual(ranges.map { String(decoding: text[$0], as: UTF8.self) }, ["-- c", "/* d */"])
    }

    // MARK: - Against a plain model of Hive's algorithm

    /// Hive's `SystemVariables.substitute`, written on Strings without any source map, as the oracle.
    private func modelSubstitute(_ text: String, _ scope: VariableScope) -> String? {
        var text = Array(text.utf8)
        for _ in 0..<scope.substitutionDepth + 1 {
            var output: [UInt8] = []
            var copied = 0
            var found = false
            for reference in VariableSubstitution.findReferences(in: text) {
                guard let value = scope.value(of: reference.name(in: text)) else { continue }
                found = true
                output += text[copied..<reference.range.lowerBound] + Array(value.utf8)
                copied = reference.range.upperBound
            }
            if !found { return String(decoding: text, as: UTF8.self) }
            text = output + text[copied...]
        }
        return nil
    }

    func testRandomTextsMatchTheModelAndMapVerbatimBytesBack() {
        var generator = SplitMix64(seed: 42)
        let pieces = ["${a}", "${b}", "${c}", "${hivevar:a}", "${u}", "${", "}", "$", "x", " ", "\n", "é", "${a${b}}", "--"]
        let scope = scope(hivevar: ["a": "A${b}", "b": "bb", "c": "", "abb": "nested", "aA": "${c}!"])
        for _ in 0..<500 {
            let count = Int(generator.next() % 12)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let result = run(text, scope)
            guard let expected = modelSubstitute(text, scope) else {
                XCTAssertEqual(result.diagnostics.first?.code, "HQL6002", text)
                continue
            }
            XCTAssertEqual(result.text, expected, text)
            // Every byte copied verbatim maps to the same byte of the original.
            guard let origin = result.file.origin else { continue }
            for (index, segment) in origin.segments.enumerated() {
                guard case .verbatim(let start) = segment.kind else { continue }
                let end = index + 1 < origin.segments.count ? origin.segments[index + 1].offset : result.file.bytes.count
                XCTAssertEqual(
                    Array(result.file.bytes[segment.offset..<end]),
                    Array(result.original.bytes[start..<(start + end - segment.offset)]), text)
            }
        }
    }
}

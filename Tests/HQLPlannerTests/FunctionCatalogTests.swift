import XCTest
@testable import HQLPlanner

/// Invariants of the function table, lookup and error messages.
final class FunctionCatalogTests: XCTestCase {
    private let catalog = FunctionCatalog.standard

    func testAtLeastTwoHundredFunctions() {
        XCTAssertGreaterThanOrEqual(catalog.definitions.count, 230)
        for family in FunctionFamily.allCases {
            XCTAssertFalse(catalog.definitions(in: family).isEmpty, "\(family)")
        }
    }

    func testNamesAndAliasesAreUniqueAndLowerCase() {
        var seen: [String: String] = [:]
        for definition in catalog.definitions {
            for name in [definition.name] + definition.aliases {
                XCTAssertEqual(name, name.lowercased(), "\(name) should be lower case")
                if let owner = seen[name] {
                    XCTFail("'\(name)' is used by both \(owner) and \(definition.name)")
                }
                seen[name] = definition.name
            }
        }
        XCTAssertEqual(catalog.allNames.count, seen.count)
    }

    func testEveryDefinitionIsDocumented() {
        for definition in catalog.definitions {
            XCTAssertFalse(definition.usage.isEmpty, definition.name)
            XCTAssertFalse(definition.summary.isEmpty, definition.name)
            XCTAssertFalse(definition.example.isEmpty, definition.name)
            XCTAssertTrue(definition.summary.hasSuffix("."), "\(definition.name): summary should be a sentence")
            XCTAssertTrue(definition.usage.lowercased().contains(definition.name)
                          || definition.aliases.contains { definition.usage.lowercased().contains($0) }
                          || definition.lowering == .special,
                          "\(definition.name): usage should show the call")
            if let maximum = definition.arity.maximum {
                XCTAssertLessThanOrEqual(definition.arity.minimum, maximum, definition.name)
            }
        }
    }

    func testLoweringsFollowNamingAndKinds() {
        for definition in catalog.definitions {
            switch definition.lowering {
            case .swiftFunction(let symbol):
                XCTAssertEqual(symbol, "hive_" + definition.name)
                XCTAssertEqual(definition.kind, .scalar, definition.name)
            case .aggregate:
                XCTAssertEqual(definition.kind, .aggregate, definition.name)
            case .window:
                XCTAssertEqual(definition.kind, .window, definition.name)
            case .generator(let symbol):
                XCTAssertEqual(symbol, "hive_" + definition.name)
                XCTAssertEqual(definition.kind, .generator, definition.name)
            case .sqliteExpression(let template):
                XCTAssertEqual(definition.kind, .scalar, definition.name)
                if let maximum = definition.arity.maximum, maximum > 0 {
                    XCTAssertTrue(template.contains("$\(maximum)"), "\(definition.name) uses every argument")
                }
            case .special, .unsupported:
                break
            }
        }
    }

    func testLookupIsCaseInsensitiveAndResolvesAliases() {
        XCTAssertEqual(catalog.lookup("UPPER")?.name, "upper")
        XCTAssertEqual(catalog.lookup("UCase")?.name, "upper")
        XCTAssertEqual(catalog.lookup("substring")?.name, "substr")
        XCTAssertEqual(catalog.lookup("Mean")?.name, "avg")
        XCTAssertEqual(catalog.lookup("approx_percentile")?.name, "percentile_approx")
        XCTAssertEqual(FunctionCatalog.lookup("DAYOFMONTH")?.name, "day")
        XCTAssertNil(catalog.lookup("no_such_function"))
        XCTAssertEqual(catalog.lookup("explode")?.kind, .generator)
        XCTAssertEqual(catalog.lookup("rank")?.kind, .window)
        XCTAssertEqual(catalog.lookup("sum")?.family, .aggregate)
        XCTAssertEqual(catalog.lookup("rand")?.isDeterministic, false)
        XCTAssertEqual(catalog.lookup("upper")?.isDeterministic, true)
    }

    func testArityErrors() {
        let cases: [(String, Int, String)] = [
            ("substr", 1, "function 'substr' takes 2 or 3 arguments, found 1"),
            ("upper", 2, "function 'upper' takes 1 argument, found 2"),
            ("pi", 1, "function 'pi' takes no arguments, found 1"),
            ("concat", 0, "function 'concat' takes at least 1 argument, found 0"),
            ("unix_timestamp", 3, "function 'unix_timestamp' takes 0 to 2 arguments, found 3"),
            ("DATEDIFF", 1, "function 'datediff' takes 2 arguments, found 1"),
        ]
        for (name, count, message) in cases {
            XCTAssertThrowsError(try catalog.resolve(name, argumentTypes: Array(repeating: .string, count: count))) {
                XCTAssertEqual(($0 as? FunctionResolutionError)?.description, message)
            }
        }
    }

    func testUnknownFunctionsSuggestCloseNames() {
        let cases: [(String, String?)] = [
            ("concate", "concat"), ("subtsr", "substr"), ("date_formt", "date_format"),
            ("colect_list", "collect_list"), ("lenght", "length"), ("frobnicate", nil),
        ]
        for (name, suggestion) in cases {
            XCTAssertEqual(catalog.suggestion(for: name), suggestion, name)
        }
        XCTAssertThrowsError(try catalog.resolve("concate", argumentTypes: [.string])) {
            XCTAssertEqual(($0 as? FunctionResolutionError)?.description,
                           "function 'concate' is not supported by hqlrun; did you mean 'concat'?")
        }
        XCTAssertThrowsError(try catalog.resolve("frobnicate", argumentTypes: [])) {
            XCTAssertEqual(($0 as? FunctionResolutionError)?.description,
                           "function 'frobnicate' is not supported by hqlrun")
        }
    }

    func testUnsupportedAndArgumentTypeErrors() {
        XCTAssertThrowsError(try catalog.resolve("reflect", argumentTypes: [.string, .string])) {
            XCTAssertEqual(($0 as? FunctionResolutionError)?.description,
                           "function 'reflect' is not supported by hqlrun: there is no JVM to call Java methods in")
        }
        XCTAssertThrowsError(try catalog.resolve("upper", argumentTypes: [.array(.string)])) {
            XCTAssertEqual(($0 as? FunctionResolutionError)?.description,
                           "argument 1 of function 'upper' must be a string, found array<string>")
        }
        XCTAssertThrowsError(try catalog.resolve("size", argumentTypes: [.string])) {
            XCTAssertEqual(($0 as? FunctionResolutionError)?.description,
                           "argument 1 of function 'size' must be an array or a map, found string")
        }
        XCTAssertThrowsError(try catalog.resolve("coalesce", argumentTypes: [.int, .boolean])) {
            XCTAssertEqual(($0 as? FunctionResolutionError)?.description,
                           "function 'coalesce': arguments of types int, boolean have no common type")
        }
        XCTAssertThrowsError(try catalog.resolve("named_struct", argumentTypes: [.string, .int])) {
            XCTAssertEqual(($0 as? FunctionResolutionError)?.description,
                           "function 'named_struct': argument 1 of named_struct must be a constant string field name")
        }
        XCTAssertThrowsError(try catalog.resolve("cast", argumentTypes: [.int]))
    }

    func testDescribeFunction() throws {
        let substr = try XCTUnwrap(catalog.lookup("substring"))
        XCTAssertEqual(substr.describe(), "substr(str, pos[, len]) - " + substr.summary)
        let extended = substr.describe(extended: true)
        XCTAssertTrue(extended.contains("Synonyms: substring"))
        XCTAssertTrue(extended.contains("Example: substr('Facebook', 5, 4) → 'book'"))
        XCTAssertTrue(try XCTUnwrap(catalog.lookup("variance")).describe(extended: true).contains("Note: Hive"))
    }

    func testArityDescriptions() {
        XCTAssertEqual(Arity(2, 3).description, "2 or 3 arguments")
        XCTAssertEqual(Arity(0, 2).description, "0 to 2 arguments")
        XCTAssertEqual(Arity.atLeast(2).description, "at least 2 arguments")
        XCTAssertEqual((1 as Arity).description, "1 argument")
        XCTAssertEqual(Arity(1, 3).shortDescription, "1–3")
        XCTAssertTrue(Arity.atLeast(1).accepts(10))
        XCTAssertFalse(Arity(2, 3).accepts(4))
    }
}

/// The functions hqlrun's brief names must all be in the catalog (as a name or an alias).
final class FunctionCatalogCoverageTests: XCTestCase {
    func testRequiredFunctionsArePresent() {
        let required = """
            concat concat_ws upper ucase lower lcase initcap trim ltrim rtrim lpad rpad substr substring \
            substring_index instr locate length char_length character_length octet_length reverse replace \
            regexp_replace regexp_extract regexp_extract_all split translate repeat space ascii chr format_number \
            printf format_string get_json_object json_tuple parse_url sentences soundex levenshtein base64 unbase64 \
            encode decode elt field find_in_set str_to_map left right quote btrim startswith endswith contains \
            round bround floor ceil ceiling abs pow power sqrt cbrt exp ln log log10 log2 log1p pmod mod rand random \
            e pi greatest least sign signum hex unhex conv bin degrees radians sin cos tan asin acos atan atan2 sinh \
            cosh tanh factorial negative positive shiftleft shiftright shiftrightunsigned width_bucket \
            year quarter month day dayofmonth dayofweek dayofyear hour minute second weekofyear to_date date_format \
            datediff date_add date_sub add_months months_between last_day next_day trunc date_trunc unix_timestamp \
            from_unixtime to_unix_timestamp to_utc_timestamp from_utc_timestamp current_date current_timestamp \
            extract make_date to_timestamp \
            if nvl nvl2 coalesce nullif isnull isnotnull assert_true case ifnull \
            size array map struct named_struct array_contains sort_array map_keys map_values array_distinct \
            array_union array_join array_position element_at explode posexplode inline stack parse_url_tuple \
            cast binary string int \
            count sum avg mean min max collect_list collect_set percentile percentile_approx approx_percentile \
            stddev stddev_pop stddev_samp std variance var_pop var_samp corr covar_pop covar_samp histogram_numeric \
            first first_value last last_value count_if bool_and any_value \
            row_number rank dense_rank percent_rank cume_dist ntile lag lead \
            md5 sha sha1 sha2 crc32 hash murmur_hash xxhash64 \
            current_user current_database version reflect java_method in_file uuid
            """
        let names = required.split(separator: " ").map(String.init)
        XCTAssertGreaterThan(names.count, 200)
        for name in names {
            XCTAssertNotNil(FunctionCatalog.lookup(name), "\(name) is missing from the catalog")
        }
    }
}

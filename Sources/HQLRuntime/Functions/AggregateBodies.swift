import HiveValues
import HQLPlanner
import SQLiteStore

/// The Swift aggregates behind the catalog's `.aggregate("hive_*")` lowerings. Each group's rows are decoded
/// by the call's signature and kept; the finalizer computes the result. The statistics update their moments
/// one row at a time, in the order Spark's `CentralMomentAgg` and `Covariance` do, so the printed doubles match.
enum AggregateBodies {
    typealias Finalizer = @Sendable (_ rows: [[HiveValue]], _ signature: TypedFunctionSignature) -> HiveValue

    static func finalizer(for symbol: String) -> Finalizer? { table[symbol] }

    private static func doubles(_ rows: [[HiveValue]], column: Int = 0) -> [Double] {
        rows.compactMap { $0[column].isNull ? nil : $0[column].doubleValue }
    }

    /// n, mean and the second central moment, updated as Spark does.
    private static func moments(_ values: [Double]) -> (n: Double, mean: Double, m2: Double) {
        var n = 0.0, mean = 0.0, m2 = 0.0
        for value in values {
            n += 1
            let delta = value - mean
            let deltaN = delta / n
            mean += deltaN
            m2 += delta * (delta - deltaN)
        }
        return (n, mean, m2)
    }

    private static func variance(sample: Bool, root: Bool) -> Finalizer {
        { rows, _ in
            let (n, _, m2) = moments(doubles(rows))
            guard n > 0, !(sample && n < 2) else { return .null }
            let variance = m2 / (sample ? n - 1 : n)
            return .double(root ? variance.squareRoot() : variance)
        }
    }

    /// Pairs where neither value is NULL, and their co-moments (Spark's `Covariance`/`Corr` updates).
    private static func comoments(_ rows: [[HiveValue]]) -> (n: Double, ck: Double, xMk: Double, yMk: Double) {
        var n = 0.0, xAvg = 0.0, yAvg = 0.0, ck = 0.0, xMk = 0.0, yMk = 0.0
        for row in rows {
            guard let x = row[0].doubleValue, let y = row[1].doubleValue, !row[0].isNull, !row[1].isNull else { continue }
            n += 1
            let deltaX = x - xAvg
            let deltaY = y - yAvg
            xAvg += deltaX / n
            yAvg += deltaY / n
            ck += deltaX * (y - yAvg)
            xMk += deltaX * (x - xAvg)
            yMk += deltaY * (y - yAvg)
        }
        return (n, ck, xMk, yMk)
    }

    /// The exact percentile by linear interpolation between the closest ranks (Hive's and Spark's `percentile`).
    private static func percentile(_ values: [Double], _ p: Double) -> Double? {
        guard !values.isEmpty, p >= 0, p <= 1 else { return nil }
        let sorted = values.sorted()
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let higher = Int(position.rounded(.up))
        if lower == higher { return sorted[lower] }
        return sorted[lower] + (position - Double(lower)) * (sorted[higher] - sorted[lower])
    }

    /// The smallest value with at least a fraction `p` of the values at or below it (`percentile_approx`'s answer
    /// for an exact summary).
    private static func rankValue(_ values: [HiveValue], _ p: Double) -> HiveValue {
        let sorted = values.sorted { ($0.doubleValue ?? 0) < ($1.doubleValue ?? 0) }
        guard !sorted.isEmpty else { return .null }
        let index = max(0, min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[index]
    }

    private static func fractions(_ value: HiveValue) -> [Double]? {
        if case .array(let items) = value { return items.compactMap(\.doubleValue) }
        return value.doubleValue.map { [$0] }
    }

    static let table: [String: Finalizer] = [
        "hive_collect_list": { rows, _ in .array(rows.map { $0[0] }.filter { !$0.isNull }) },
        "hive_collect_set": { rows, _ in
            var seen = Set<HiveValue>()
            return .array(rows.map { $0[0] }.filter { !$0.isNull && seen.insert($0).inserted })
        },
        "hive_var_pop": variance(sample: false, root: false),
        "hive_var_samp": variance(sample: true, root: false),
        // Hive's variance and stddev are the population statistics (Spark's are the sample ones).
        "hive_variance": variance(sample: false, root: false),
        "hive_stddev_pop": variance(sample: false, root: true),
        "hive_stddev_samp": variance(sample: true, root: true),
        "hive_stddev": variance(sample: false, root: true),
        "hive_covar_pop": { rows, _ in
            let (n, ck, _, _) = comoments(rows)
            return n > 0 ? .double(ck / n) : .null
        },
        "hive_covar_samp": { rows, _ in
            let (n, ck, _, _) = comoments(rows)
            return n > 1 ? .double(ck / (n - 1)) : .null
        },
        "hive_corr": { rows, _ in
            let (n, ck, xMk, yMk) = comoments(rows)
            guard n > 0 else { return .null }
            return .double(ck / (xMk * yMk).squareRoot())
        },
        "hive_percentile": { rows, signature in
            guard let first = rows.first, first.count > 1, let ps = fractions(first[1]) else { return .null }
            let values = doubles(rows)
            if case .array = first[1] {
                return .array(ps.map { percentile(values, $0).map { .double($0) } ?? .null })
            }
            return percentile(values, ps[0]).map { .double($0) } ?? .null
        },
        "hive_median": { rows, _ in percentile(doubles(rows), 0.5).map { .double($0) } ?? .null },
        "hive_percentile_approx": { rows, _ in
            guard let first = rows.first, first.count > 1, let ps = fractions(first[1]) else { return .null }
            let values = rows.map { $0[0] }.filter { !$0.isNull }
            if case .array = first[1] { return .array(ps.map { rankValue(values, $0) }) }
            return rankValue(values, ps[0])
        },
        "hive_first": { rows, _ in rows.first?[0] ?? .null },
        "hive_last": { rows, _ in rows.last?[0] ?? .null },
        "hive_any_value": { rows, _ in rows.first(where: { !$0[0].isNull })?[0] ?? .null },
        "hive_count_if": { rows, _ in .bigint(Int64(rows.filter { if case .boolean(true) = $0[0] { return true }; return false }.count)) },
        "hive_bool_and": { rows, _ in
            let values = rows.map { $0[0] }.filter { !$0.isNull }
            return values.isEmpty ? .null : .boolean(values.allSatisfy { $0 == .boolean(true) })
        },
        "hive_bool_or": { rows, _ in
            let values = rows.map { $0[0] }.filter { !$0.isNull }
            return values.isEmpty ? .null : .boolean(values.contains { $0 == .boolean(true) })
        },
        "hive_max_by": { rows, _ in
            rows.filter { !$0[1].isNull }.max { ($0[1].doubleValue ?? 0) < ($1[1].doubleValue ?? 0) }?[0] ?? .null
        },
        "hive_min_by": { rows, _ in
            rows.filter { !$0[1].isNull }.min { ($0[1].doubleValue ?? 0) < ($1[1].doubleValue ?? 0) }?[0] ?? .null
        },
    ]
}

/// One group's state: its decoded rows, finalized by an `AggregateBodies` finalizer.
final class CollectingAggregate: AggregateFunction {
    private let signature: TypedFunctionSignature
    private let finalizer: AggregateBodies.Finalizer
    private var rows: [[HiveValue]] = []

    init(signature: TypedFunctionSignature, finalizer: @escaping AggregateBodies.Finalizer) {
        self.signature = signature
        self.finalizer = finalizer
    }

    func step(_ arguments: FunctionArguments) throws {
        var row: [HiveValue] = []
        row.reserveCapacity(arguments.count)
        for index in 0..<arguments.count {
            row.append(ValueCoding.decode(arguments.value(at: index), as: signature.arguments[index]))
        }
        rows.append(row)
    }

    func finalize() throws -> SQLiteValue {
        ValueCoding.encode(finalizer(rows, signature), as: signature.result)
    }
}

/// Generates realistic customer-account CSV files for the ETL pipeline, its tests and benchmarks:
/// seeded and deterministic, RFC 4180 quoting, and every defect the transform must handle, in
/// realistic proportions (empty names/gender/state/account number; states as full names or
/// abbreviations in any case, misspelt, or empty; `legacy` accounts; `N/A` balances; malformed dates).
///
/// Rows are written straight into a byte buffer: a million rows take well under a few seconds.
public struct CustomerAccountGenerator {
    /// The CSV header, in the column order of the ETL issue.
    public static let header = "customer_id,firstname,lastname,gender,email,street,city,state,zip,"
        + "account_number,account_type,balance,created_at"

    private var random: SeededRandom

    public init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// Appends the header and `rows` rows, calling `flush` whenever the buffer passes 1 MiB and at the end.
    public mutating func generate(rows: Int, startingAt firstID: Int = 1, flush: ([UInt8]) -> Void) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 21)
        buffer.append(contentsOf: Self.header.utf8)
        buffer.append(0x0A)
        for index in 0..<rows {
            appendRow(id: firstID + index, to: &buffer)
            if buffer.count >= 1 << 20 {
                flush(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        flush(buffer)
    }

    // MARK: - One row

    private mutating func appendRow(id: Int, to out: inout [UInt8]) {
        let first = random.chance(0.02) ? "" : random.pick(SampleNames.firstNames)
        let last = random.chance(0.02) ? "" : random.pick(SampleNames.lastNames)
        appendField("C" + zeroPadded(id, width: 8), to: &out)
        appendField(first, to: &out)
        appendField(last, to: &out)
        appendField(gender(), to: &out)
        appendField(email(first: first, last: last, id: id), to: &out)
        appendField(street(), to: &out)
        let (city, state) = location()
        appendField(city, to: &out)
        appendField(state, to: &out)
        appendField(zeroPadded(Int(random.below(100_000)), width: 5), to: &out)
        appendField(random.chance(0.02) ? "" : zeroPadded(Int(random.below(10_000_000_000)), width: 10), to: &out)
        appendField(accountType(), to: &out)
        appendField(balance(), to: &out)
        appendField(createdAt(), to: &out, last: true)
    }

    private mutating func gender() -> String {
        let roll = random.below(100)
        if roll < 3 { return "" }
        if roll < 51 { return random.chance(0.8) ? "F" : "Female" }
        if roll < 99 { return random.chance(0.8) ? "M" : "Male" }
        return "X"
    }

    private mutating func email(first: String, last: String, id: Int) -> String {
        let domain = random.pick(SampleNames.emailDomains)
        let local = first.isEmpty || last.isEmpty ? "customer\(id)" : lowercasedASCII(first + "." + last)
        return local + "@" + domain
    }

    /// Some streets carry a unit after a comma, so the field must be quoted.
    private mutating func street() -> String {
        let number = String(1 + random.below(9_999))
        let street = number + " " + random.pick(SampleNames.streetNames) + " " + random.pick(SampleNames.streetSuffixes)
        return random.chance(0.15) ? street + ", Apt " + String(1 + random.below(40)) : street
    }

    /// A city and the state as people type it: full name or abbreviation in any case, a misspelling, or nothing.
    private mutating func location() -> (String, String) {
        let state = random.pick(USStates.all)
        let city = random.pick(SampleNames.cities)
        let roll = random.below(100)
        let written: String
        switch roll {
        case 0..<40: written = state.name
        case 40..<48: written = randomCase(state.name)
        case 48..<80: written = state.abbreviation
        case 80..<90: written = randomCase(state.abbreviation)
        case 90..<95: written = misspell(state.name)
        default: written = ""
        }
        return (city, written)
    }

    private mutating func accountType() -> String {
        let roll = random.below(100)
        if roll < 40 { return "checking" }
        if roll < 75 { return "savings" }
        if roll < 90 { return "credit" }
        return "legacy"
    }

    /// Two decimal places, about 12% negative, 2% not a number.
    private mutating func balance() -> String {
        if random.chance(0.02) { return "N/A" }
        let cents = Int(random.below(10_000_000))
        let negative = random.chance(0.12)
        return (negative ? "-" : "") + String(cents / 100) + "." + zeroPadded(cents % 100, width: 2)
    }

    /// `yyyy-MM-dd HH:mm:ss` between 2015 and 2024; about 1% malformed in the ways real exports are.
    private mutating func createdAt() -> String {
        if random.chance(0.01) { return random.pick(["2019-13-45 10:00:00", "not a date", "2020/01/05 08:30:00", "",
                                                     "2021-02-30 12:00:00", "17-03-2018"]) }
        let year = 2015 + Int(random.below(10))
        let month = 1 + Int(random.below(12))
        let day = 1 + Int(random.below(28))
        let seconds = Int(random.below(86_400))
        return String(year) + "-" + zeroPadded(month, width: 2) + "-" + zeroPadded(day, width: 2) + " "
            + zeroPadded(seconds / 3600, width: 2) + ":" + zeroPadded(seconds / 60 % 60, width: 2) + ":"
            + zeroPadded(seconds % 60, width: 2)
    }

    // MARK: - Text helpers

    private mutating func randomCase(_ text: String) -> String {
        String(text.map { random.chance(0.5) ? Character($0.uppercased()) : Character($0.lowercased()) })
    }

    /// Swaps two neighbouring letters or drops one (`California` → `Califronia`, `Texas` → `Txas`).
    private mutating func misspell(_ text: String) -> String {
        var characters = Array(text)
        guard characters.count > 3 else { return text + "x" }
        let position = 1 + Int(random.below(UInt64(characters.count - 2)))
        if random.chance(0.5) {
            characters.swapAt(position, position + 1)
            if String(characters) == text { characters.remove(at: position) }
        } else {
            characters.remove(at: position)
        }
        return String(characters)
    }

    private func lowercasedASCII(_ text: String) -> String {
        String(decoding: text.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    private func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Writes one field, quoting it (RFC 4180) when it holds a comma, a quote or a line break.
    private func appendField(_ value: String, to out: inout [UInt8], last: Bool = false) {
        let utf8 = value.utf8
        if utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            out.append(0x22)
            for byte in utf8 {
                if byte == 0x22 { out.append(0x22) }
                out.append(byte)
            }
            out.append(0x22)
        } else {
            out.append(contentsOf: utf8)
        }
        out.append(last ? 0x0A : 0x2C)
    }
}

/// SplitMix64: tiny, fast and good enough for test data; the same seed always gives the same file.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (bound > 0).
    mutating func below(_ bound: UInt64) -> UInt64 {
        next() % bound
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[Int(below(UInt64(items.count)))]
    }
}

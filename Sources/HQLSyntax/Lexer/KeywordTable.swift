/// Case-insensitive keyword look-up straight from source bytes, with no allocation:
/// an open-addressing hash table over the upper-cased spellings.
struct KeywordTable: Sendable {
    private let slots: [Int16]
    private let spellings: [[UInt8]]
    private let keywords: [Keyword]
    private let mask: Int

    /// The one table every lexer shares.
    static let shared = KeywordTable()

    private init() {
        keywords = Keyword.allCases
        spellings = keywords.map { Array($0.rawValue.utf8) }
        let capacity = 2048
        mask = capacity - 1
        var slots = [Int16](repeating: -1, count: capacity)
        for (index, spelling) in spellings.enumerated() {
            var slot = KeywordTable.hash(spelling[...]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int16(index)
        }
        self.slots = slots
    }

    /// FNV-1a over upper-cased bytes.
    @inline(__always)
    private static func hash<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash = (hash ^ UInt32(byte.asciiUppercased)) &* 16_777_619
        }
        return Int(hash)
    }

    /// The keyword spelled by `bytes[start..<end]` in any case, or nil.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Keyword? {
        let length = end - start
        guard length >= 2, length <= 24 else { return nil }
        var slot = KeywordTable.hash(bytes[start..<end]) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            let spelling = spellings[index]
            if spelling.count == length {
                var same = true
                for offset in 0..<length where bytes[start + offset].asciiUppercased != spelling[offset] {
                    same = false
                    break
                }
                if same { return keywords[index] }
            }
            slot = (slot + 1) & mask
        }
    }
}

// Parser benchmark: lexes and parses a HiveQL corpus several times and prints the best run as
// `hqlrun seconds=.. mb_per_s=.. stmts_per_s=.. stmts=.. errors=..` for bench/parse.sh to compare with sqlglot.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQLSyntax

func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

func readFile(_ path: String) -> [UInt8]? {
    guard let handle = fopen(path, "rb") else { return nil }
    defer { fclose(handle) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = fread(&chunk, 1, chunk.count, handle)
        if count <= 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
}

let arguments = CommandLine.arguments
guard arguments.count >= 2, let bytes = readFile(arguments[1]) else {
    print("usage: hqlrun-bench CORPUS.hql [RUNS]")
    exit(2)
}
let runs = arguments.count >= 3 ? max(1, Int(arguments[2]) ?? 5) : 5
var best = Double.infinity
var statements = 0
var errors = 0
for _ in 0..<runs {
    let file = SourceFile(name: arguments[1], bytes: bytes)
    let start = monotonicSeconds()
    let script = Parser.parseScript(file)
    let elapsed = monotonicSeconds() - start
    best = min(best, elapsed)
    statements = script.statements.count
    errors = script.diagnostics.filter { $0.severity == .error }.count
}
let megabytes = Double(bytes.count) / 1_000_000
print("hqlrun seconds=\(best) mb_per_s=\(megabytes / best) stmts_per_s=\(Double(statements) / best) "
      + "stmts=\(statements) errors=\(errors) bytes=\(bytes.count)")

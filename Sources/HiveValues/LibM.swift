#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The C math library behind a few names, so function bodies named `log`, `pow`, `exp` can call it unambiguously.

/// Natural logarithm.
@inline(__always) func logE(_ x: Double) -> Double { log(x) }
/// x to the power y.
@inline(__always) func powD(_ x: Double, _ y: Double) -> Double { pow(x, y) }
/// e to the power x.
@inline(__always) func expD(_ x: Double) -> Double { exp(x) }
/// Base-10 logarithm (exact at powers of ten, as Java's `Math.log10`).
@inline(__always) func log10D(_ x: Double) -> Double { log10(x) }
/// Base-2 logarithm.
@inline(__always) func log2D(_ x: Double) -> Double { log2(x) }
/// |sin(x)|, for MD5's table.
@inline(__always) func sinAbs(_ x: Double) -> Double { Swift.abs(sin(x)) }

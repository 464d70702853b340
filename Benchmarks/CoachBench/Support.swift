#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Why the harness stopped.
struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ message: String) { description = message }

  /// `what: strerror(errno)` for the errno of the last failed call.
  static func posix(_ what: String, _ code: Int32 = errno) -> BenchError {
    BenchError("\(what): \(String(cString: strerror(code)))")
  }
}

/// Set by SIGINT/SIGTERM: the harness stops at the next run and still removes its temp dirs.
nonisolated(unsafe) var interrupted: Int32 = 0

func installInterruptHandlers() {
  signal(SIGINT) { _ in interrupted = 1 }
  signal(SIGTERM) { _ in interrupted = 1 }
}

func checkInterrupted() throws {
  if interrupted != 0 { throw BenchError("interrupted") }
}

/// CLOCK_MONOTONIC, in seconds.
enum Monotonic {
  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// Runs `body` and returns how long it took, in seconds.
  static func time(_ body: () throws -> Void) rethrows -> Double {
    let start = now()
    try body()
    return now() - start
  }
}

/// Writes a line to stderr at once (progress, so a long run does not look stuck).
func progress(_ text: String) {
  let line = text + "\n"
  _ = line.withCString { fputs($0, stderr) }
  fflush(stderr)
}

/// Fixed-point text for a number, without Foundation.
func fixed(_ x: Double, _ decimals: Int) -> String {
  guard x.isFinite else { return "n/a" }
  var scale: Int64 = 1
  for _ in 0..<decimals { scale *= 10 }
  let scaled = Int64((abs(x) * Double(scale)).rounded())
  let whole = scaled / scale
  var text = (x < 0 && scaled != 0 ? "-" : "") + String(whole)
  if decimals > 0 {
    let frac = String(scaled % scale)
    text += "." + String(repeating: "0", count: decimals - frac.count) + frac
  }
  return text
}

/// 10000 → "10,000".
func grouped(_ n: Int) -> String {
  let digits = Array(String(abs(n)))
  var out = ""
  for (i, d) in digits.enumerated() {
    if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
    out.append(d)
  }
  return (n < 0 ? "-" : "") + out
}

/// A duration for people: µs under 1 ms, ms under 1 s, else s; about three significant digits.
func duration(_ seconds: Double) -> String {
  guard seconds.isFinite else { return "n/a" }
  let ms = seconds * 1000
  if ms < 1 { return fixed(ms * 1000, ms * 1000 < 100 ? 1 : 0) + " µs" }
  if ms < 1000 { return fixed(ms, ms < 10 ? 2 : (ms < 100 ? 1 : 0)) + " ms" }
  return fixed(seconds, 2) + " s"
}

func ratioText(_ r: Double) -> String { r.isFinite ? fixed(r, 2) + "×" : "n/a" }

func bytesText(_ n: Int) -> String {
  if n >= 1 << 20 { return fixed(Double(n) / Double(1 << 20), 2) + " MiB" }
  if n >= 1024 { return fixed(Double(n) / 1024, 1) + " KiB" }
  return "\(n) B"
}

func getenvString(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

import Testing

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Golden transcripts: the expected text lives in a file next to the test, under `Golden/`.
/// Run with `RECORD_GOLDEN=1` to (re)write the files after a deliberate change, then read the
/// diff before committing it.
public enum Golden {
  public static func check(_ actual: String, _ name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    var parts = filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast()
    let dir = parts.joined(separator: "/") + "/Golden"
    let path = dir + "/" + name + ".txt"
    let record = getenv("RECORD_GOLDEN").map { String(cString: $0) == "1" } ?? false
    if record {
      mkdir(dir, 0o755)
      if let f = fopen(path, "wb") {
        _ = actual.utf8CString.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count - 1, f) }
        fclose(f)
      }
      return
    }
    guard let expected = read(path) else {
      Issue.record("No golden file \(name).txt; run the tests with RECORD_GOLDEN=1 to create it.", sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      Issue.record("Transcript differs from Golden/\(name).txt:\n\(diff(expected, actual))", sourceLocation: sourceLocation)
    }
  }

  static func read(_ path: String) -> String? { TestFiles.text(path) }

  /// The first lines that differ, with a little context.
  static func diff(_ a: String, _ b: String) -> String {
    let x = a.split(separator: "\n", omittingEmptySubsequences: false)
    let y = b.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(x.count, y.count) {
      let l = i < x.count ? String(x[i]) : "<none>"
      let r = i < y.count ? String(y[i]) : "<none>"
      if l != r {
        out.append("line \(i + 1):\n  expected: \(l)\n  actual:   \(r)")
        if out.count >= 5 { break }
      }
    }
    return out.joined(separator: "\n")
  }
}

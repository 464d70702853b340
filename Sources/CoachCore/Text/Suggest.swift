/// "Did you mean …?": the nearest word by edit distance (a transposition counts as one edit).
public enum Suggest {
  public static func nearest(to word: String, in candidates: [String], maxDistance: Int = 2) -> String? {
    // Words far longer than any candidate cannot be near one; don't build huge tables for them.
    guard word.utf8.count <= 256 else { return nil }
    let w = Array(word.lowercased())
    var best: (String, Int)? = nil
    for candidate in candidates {
      let c = Array(candidate.lowercased())
      if !w.isEmpty, c.starts(with: w) { return candidate }
      if abs(c.count - w.count) > maxDistance { continue }
      let d = distance(w, c)
      if d <= maxDistance, best == nil || d < best!.1 { best = (candidate, d) }
    }
    return best?.0
  }

  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
      }
    }
    return d[a.count][b.count]
  }
}

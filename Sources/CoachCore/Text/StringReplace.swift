extension String {
  /// Replaces every occurrence of `target` (no Foundation needed).
  public func replacingAll(_ target: String, with replacement: String) -> String {
    let t = Array(target.unicodeScalars)
    guard !t.isEmpty else { return self }
    let source = Array(unicodeScalars)
    guard source.count >= t.count else { return self }
    var out = String.UnicodeScalarView()
    var i = 0
    var changed = false
    while i < source.count {
      if i + t.count <= source.count, source[i] == t[0], Array(source[i..<(i + t.count)]) == t {
        out.append(contentsOf: replacement.unicodeScalars)
        i += t.count
        changed = true
      } else {
        out.append(source[i])
        i += 1
      }
    }
    return changed ? String(out) : self
  }
}

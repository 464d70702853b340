/// Looks for a playbook's signals in one line of text, by the rules in playbooks/README.md:
/// lower case, spaces collapsed, full-width punctuation folded to ASCII; English phrases match
/// whole words (a boundary is checked only where the phrase begins or ends with a letter or
/// digit), Chinese phrases match anywhere.
public struct TextMatcher: Sendable {
  public let text: String
  let scalars: [Unicode.Scalar]

  public init(_ raw: String) {
    let normal = TextMatcher.normalise(raw)
    text = normal
    scalars = Array(normal.unicodeScalars)
  }

  public static func normalise(_ raw: String) -> String {
    var out = String.UnicodeScalarView()
    var lastWasSpace = true
    for scalar in raw.lowercased().unicodeScalars {
      var s = scalar
      switch scalar.value {
      case 0xFF1F: s = "?"
      case 0xFF0C, 0x3001: s = ","  // ， 、
      case 0x3002: s = "."
      case 0xFF01: s = "!"
      case 0xFF1A: s = ":"
      case 0xFF1B: s = ";"
      case 0x2018, 0x2019: s = "'"
      case 0x201C, 0x201D: s = "\""
      case 0xFF08: s = "("
      case 0xFF09: s = ")"
      case 0xFF10...0xFF19: s = Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!
      default: break
      }
      if s.properties.isWhitespace {
        if !lastWasSpace { out.append(" ") }
        lastWasSpace = true
      } else {
        out.append(s)
        lastWasSpace = false
      }
    }
    while out.last == " " { out.removeLast() }
    return String(out)
  }

  static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || (s >= "A" && s <= "Z")
  }

  /// Whether `phrase` occurs where `at` says.
  public func contains(_ phrase: String, at position: Signal.Position = .anywhere) -> Bool {
    let p = Array(TextMatcher.normalise(phrase).unicodeScalars)
    guard !p.isEmpty, p.count <= scalars.count else { return false }
    let checkStart = TextMatcher.isWordScalar(p[0])
    let checkEnd = TextMatcher.isWordScalar(p[p.count - 1])
    func boundaryOK(_ i: Int) -> Bool {
      if checkStart, i > 0, TextMatcher.isWordScalar(scalars[i - 1]) { return false }
      let j = i + p.count
      if checkEnd, j < scalars.count, TextMatcher.isWordScalar(scalars[j]) { return false }
      return true
    }
    func matches(at i: Int) -> Bool {
      guard i >= 0, i + p.count <= scalars.count else { return false }
      for k in 0..<p.count where scalars[i + k] != p[k] { return false }
      return boundaryOK(i)
    }
    switch position {
    case .start:
      var i = 0
      while i < scalars.count, "\"'“‘(（[【「-—*•".unicodeScalars.contains(scalars[i]) || scalars[i] == " " { i += 1 }
      return matches(at: i)
    case .end:
      var j = scalars.count
      while j > 0, ["\"", "'", ")", " ", "”", "’", "」"].contains(scalars[j - 1]) { j -= 1 }
      return matches(at: j - p.count)
    case .anywhere:
      var i = 0
      while i + p.count <= scalars.count {
        if scalars[i] == p[0], matches(at: i) { return true }
        i += 1
      }
      return false
    }
  }

  /// Whether a signal matches: any of its phrases, or its built-in test.
  public func matches(_ signal: Signal) -> Bool {
    if let test = signal.test, passes(test) { return true }
    return signal.phrases.contains { contains($0, at: signal.at) }
  }

  public func passes(_ test: Signal.Test) -> Bool {
    switch test {
    case .number: return hasNumber
    case .question: return scalars.last == "?"
    case .long: return isLong
    case .multiQuestion: return scalars.filter { $0 == "?" }.count >= 2
    }
  }

  var hasNumber: Bool {
    if scalars.contains(where: { $0 >= "0" && $0 <= "9" }) { return true }
    let numerals: Set<Unicode.Scalar> = ["一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "亿", "半", "几"]
    let units: Set<Unicode.Scalar> = ["个", "月", "周", "天", "年", "倍", "成", "万", "亿", "元", "次", "家", "人", "期", "季", "点", "分", "小", "%", "台", "套", "条", "项", "百", "千"]
    for i in 0..<max(0, scalars.count - 1) where numerals.contains(scalars[i]) && units.contains(scalars[i + 1]) { return true }
    return false
  }

  var isLong: Bool {
    let cjk = scalars.filter { DisplayWidth.isWide($0.value) }.count
    if cjk * 2 > scalars.count { return scalars.filter { $0 != " " }.count >= 25 }
    return text.split(separator: " ").count >= 12
  }

  /// The sum of the weights of the signals that match, and the signals themselves.
  public func score(_ signals: [Signal]) -> (total: Int, matched: [Signal]) {
    var total = 0
    var matched: [Signal] = []
    for s in signals where matches(s) {
      total += s.weight
      matched.append(s)
    }
    return (total, matched)
  }
}

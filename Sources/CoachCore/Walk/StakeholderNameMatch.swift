/// A stakeholder's name as reps type it at a "who" prompt: the full name, or part of it — the
/// first name (`Sean`), the surname (`O'Brien`), the start of either (`sea`), a Chinese surname or
/// the start of the name (`王`, `王建`), the given name (`建国`), a surname with a title (`王总`,
/// `刘部长`). One stakeholder
/// fitting is linked; several are asked about; none leaves the words as text ("the board"). A
/// name wholly in quotes is kept as typed.
public struct StakeholderNameMatch {
  /// The names offered, in the plan's order.
  public let names: [String]

  public init(names: [String]) { self.names = names }

  public init(_ plan: AccountPlan) { names = plan.stakeholders.map(\.name) }

  public enum Reading: Equatable, Sendable {
    /// The stakeholder at this index of `names`.
    case person(Int)
    /// Several fit: their indices, to ask which.
    case several([Int])
    /// No one fits (or the words were quoted): kept as these words.
    case text(String)
  }

  /// Titles said after a Chinese surname (`王总`, `李工`, `刘部长`).
  static let chineseTitles = [
    "董事长", "总经理", "总监", "经理", "部长", "主任", "处长", "科长", "局长", "院长", "厂长", "书记", "主管", "老师", "总", "工", "董",
  ]

  public func read(_ typed: String) -> Reading {
    // Words kept as text stay as typed (`刘芳，财务总监` keeps its comma); names are matched on
    // the normalised form.
    let t = typed.trimmingWhitespace
    if t.count >= 2, let q = t.first, "\"“'‘「".contains(q), let e = t.last, "\"”'’」".contains(e) {
      return .text(String(t.dropFirst().dropLast()).trimmingWhitespace)
    }
    // "Name and role", as the objection walk asks: `Sean, CFO` / `王建国，财务总监` is the person
    // named before the comma (the role is on their record); anything else stays as typed.
    if let comma = t.firstIndex(where: { $0 == "," || $0 == "，" }) {
      let head = String(t[..<comma]).trimmingWhitespace
      if !head.isEmpty {
        switch read(head) {
        case .text: break
        case let fits: return fits
        }
      }
    }
    let key = Self.key(t)
    guard !key.isEmpty else { return .text(t) }
    let names = self.names.map(Self.key)
    if let exact = names.firstIndex(where: { $0 == key }) { return .person(exact) }
    // One letter is too little to pick a person by.
    guard DisplayWidth.of(key) >= 2 else { return .text(t) }
    var keys = [key]
    for title in Self.chineseTitles where key.hasSuffix(title) && key.count > title.count {
      keys.append(String(key.dropLast(title.count)))
      break
    }
    let fits = names.indices.filter { i in
      let name = names[i]
      let words = name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "·" || $0 == "・" }).map(String.init)
      // A Chinese name has no spaces: two characters or more may also be its given name (`建国`).
      let givenName = { (k: String) in k.count >= 2 && !name.contains(" ") && name.dropFirst().contains(k) && k.allSatisfy { DisplayWidth.of($0) == 2 } }
      return keys.contains { k in name.hasPrefix(k) || words.contains { $0.hasPrefix(k) } || givenName(k) }
    }
    switch fits.count {
    case 0: return .text(t)
    case 1: return .person(fits[0])
    default: return .several(fits)
    }
  }

  /// A name as compared: lower case, full-width letters and digits as ASCII, and every apostrophe
  /// the same (`O’Brien`, `O'Brien`, `Ｏ＇Ｂｒｉｅｎ` are one name).
  public static func key(_ name: String) -> String {
    var out = ""
    for scalar in name.unicodeScalars {
      switch scalar.value {
      case 0xFF01...0xFF5E: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF01 + 0x21)!)
      case 0x3000: out.append(" ")
      case 0x2018, 0x2019, 0x02BC, 0x00B4, 0x0060: out.append("'")
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out.trimmingWhitespace.lowercased()
  }

  /// The names Tab offers for what is typed: those whose name or one of its words starts with it.
  public func completions(_ typed: String) -> [String] {
    let key = Self.key(typed)
    guard !key.isEmpty else { return names }
    return names.filter { name in
      let lower = Self.key(name)
      return lower.hasPrefix(key) || lower.split(separator: " ").contains { $0.hasPrefix(key) }
    }
  }

  /// "‘Sean’ could be Sean O'Brien or Sean Park: …" — the question asked when several fit.
  /// Where a name must be someone on the list (`keepsText` false), quotes are not offered.
  public func ambiguity(_ typed: String, _ indices: [Int], _ l: L10n, keepsText: Bool = true) -> String {
    let list = indices.map { names[$0] }
    let joined = list.dropLast().joined(separator: l.t(", ", "、")) + l.t(" or ", " 或 ") + (list.last ?? "")
    guard keepsText else {
      return l.t("‘\(typed)’ could be \(joined): type more of the name (Tab completes it).", "‘\(typed)’ 可能是 \(joined)：请多输入几个字（Tab 可补全）。")
    }
    return l.t(
      "‘\(typed)’ could be \(joined): type more of the name (Tab completes it), or put it in quotes to keep it as typed.",
      "‘\(typed)’ 可能是 \(joined)：请多输入几个字（Tab 可补全），或加上引号按原样保留。")
  }

  /// The echo of what is stored: `= Sean O'Brien`, or the words kept as text.
  public func echo(_ reading: Reading, _ l: L10n) -> String? {
    switch reading {
    case .person(let i): return names[i]
    case .text(let words) where !words.isEmpty: return words + l.t(" (not on the stakeholder list: kept as text)", "（不在决策者名单中：按文字保留）")
    default: return nil
    }
  }
}

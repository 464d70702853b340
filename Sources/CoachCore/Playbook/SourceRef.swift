/// Where a playbook item comes from, as written in its `source` field, so a trainer can check
/// any item against the course in a minute. One or more references separated by `; `:
///
/// - `course part N · slide heading` — part N (1–7) of the course, and the slide's heading;
/// - `course · slide heading` — a slide of the course's introduction, before part 1;
/// - `article · heading` or `article N · heading` — the article on key-account management,
///   optionally its section number;
/// - `ours` — our own addition, not in either source.
public enum SourceRef: Equatable, Sendable {
  case course(part: Int?, heading: String)
  case article(section: Int?, heading: String)
  case ours

  /// The references in a `source` value, or nil when any of them is malformed.
  public static func parse(_ value: String) -> [SourceRef]? {
    let parts = value.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
    var refs: [SourceRef] = []
    for part in parts {
      guard let ref = parseOne(part) else { return nil }
      refs.append(ref)
    }
    return refs.isEmpty ? nil : refs
  }

  private static func parseOne(_ s: String) -> SourceRef? {
    if s == "ours" { return .ours }
    let halves = s.split(separator: "·", maxSplits: 1, omittingEmptySubsequences: false)
    guard halves.count == 2, halves[0].hasSuffix(" "), halves[1].hasPrefix(" ") else { return nil }
    let head = halves[0].trimmingSpaces()
    let heading = halves[1].trimmingSpaces()
    guard !heading.isEmpty else { return nil }
    let words = head.split(separator: " ").map(String.init)
    if words == ["course"] { return .course(part: nil, heading: heading) }
    if words.count == 3, words[0] == "course", words[1] == "part", let n = Int(words[2]), (1...7).contains(n) {
      return .course(part: n, heading: heading)
    }
    if words == ["article"] { return .article(section: nil, heading: heading) }
    if words.count == 2, words[0] == "article", let n = Int(words[1]), (1...10).contains(n) {
      return .article(section: n, heading: heading)
    }
    return nil
  }

  /// Why a `source` value is not accepted, in both languages.
  public static let expected = Bilingual(
    "`source` should say where the item comes from: `course part N · slide heading` (N is 1–7; `course · heading` for the introduction), `article · heading` (or `article N · heading`), or `ours` for our own additions; separate several with `; `",
    "`source` 应写明出处：`course part N · 幻灯片标题`（N 为 1–7；课程开篇写 `course · 标题`）、`article · 标题`（或 `article N · 标题`），我们自己补充的内容写 `ours`；多个出处用 `; ` 分隔")

  /// The reference as a reader of `lang` would say it.
  public func rendered(_ lang: Lang) -> String {
    let zhNumbers = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    switch (self, lang) {
    case (.course(let n?, let h), .en): return "course part \(n) · \(h)"
    case (.course(let n?, let h), .zh): return "课程第\(zhNumbers[n])部分 · \(h)"
    case (.course(nil, let h), .en): return "course · \(h)"
    case (.course(nil, let h), .zh): return "课程 · \(h)"
    case (.article(let n?, let h), .en): return "article §\(n) · \(h)"
    case (.article(let n?, let h), .zh): return "文章第\(zhNumbers[n])节 · \(h)"
    case (.article(nil, let h), .en): return "article · \(h)"
    case (.article(nil, let h), .zh): return "文章 · \(h)"
    case (.ours, .en): return "our own addition"
    case (.ours, .zh): return "我们的补充"
    }
  }

  /// A whole `source` value rendered for `lang`; malformed values are shown as written.
  public static func render(_ value: String, _ lang: Lang) -> String {
    guard let refs = parse(value) else { return value }
    return refs.map { $0.rendered(lang) }.joined(separator: lang == .zh ? "；" : "; ")
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    var s = self
    while s.first == " " { s.removeFirst() }
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String { self[...].trimmingSpaces() }
}

/// Where the rep is in a debrief: its seven parts, always numbered the same (a part with nothing
/// to ask is passed over), and the item within the part — "Debrief · part 3 of 7, the questions
/// you planned · question 2 of 4" — so the counter means something across the whole debrief.
extension DebriefFlow {
  static let partCount = 7

  /// The part's number (1…7) and name.
  func partName(_ part: Part) -> (number: Int, name: String) {
    switch part {
    case .outcome: return (1, l.t("how it went", "会谈结果"))
    case .routing: return (2, l.t("filing what we learned", "归档了解到的信息"))
    case .questions: return (3, l.t("the questions you planned", "计划中的问题"))
    case .objections: return (4, l.t("new objections", "新的异议"))
    case .people: return (5, l.t("the people in the room", "参会的客户方人员"))
    case .actions: return (6, l.t("what was agreed", "达成的约定"))
    case .next, .finished: return (7, l.t("the next meeting", "下一次会谈"))
    }
  }

  /// The progress of an item: `item` names it within the part ("question 2 of 4"); `index` of
  /// `count` places it there. Without a count (a loop that goes on while the rep adds more) the
  /// `index`-th item takes half of what the part has left, so the bar never goes back.
  func series(_ part: Part, item: String? = nil, index: Int = 0, of count: Int? = nil) -> SeriesProgress {
    let (n, name) = partName(part)
    let label = l.t("Debrief · part \(n) of \(Self.partCount), \(name)", "会谈复盘 · 第 \(n)/\(Self.partCount) 部分：\(name)") + (item.map { " · " + $0 } ?? "")
    let left = pow2(-index)
    let within = count.map { Double(index) / Double(max(1, $0)) } ?? 1 - left
    let share = count.map { 1 / Double(max(1, $0)) } ?? left / 2
    return SeriesProgress(label: label, done: Double(n - 1) + within, share: share, total: Double(Self.partCount))
  }

  /// 2 to the power `e` (e ≤ 0 here).
  func pow2(_ e: Int) -> Double {
    var x = 1.0
    for _ in 0..<abs(e) { x /= 2 }
    return x
  }
}

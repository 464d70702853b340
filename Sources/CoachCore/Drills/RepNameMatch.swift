/// A rep named on the command line (`report --rep Ann`, `drill review --rep Ann`) as trainers
/// type it: the full name, or a part of it that fits one rep (`Ann` for Ann O'Connor, `O’Connor`,
/// `小张`), read with the stakeholder matcher. Several fitting are listed to choose from.
public enum RepNameMatch {
  public enum Reading: Equatable, Sendable {
    /// The rep's name as their transcripts spell it.
    case rep(String)
    /// Several reps fit: their names, to choose from.
    case several([String])
    /// No rep fits: the name as typed.
    case none(String)
  }

  /// `reps`: the names on the transcripts found (any order, repeats allowed).
  public static func read(_ typed: String, among reps: [String]) -> Reading {
    let t = typed.trimmingWhitespace
    var names: [String] = []
    for r in reps where !names.contains(where: { DrillReport.key($0) == DrillReport.key(r) }) { names.append(r) }
    names.sort()
    if let exact = names.first(where: { DrillReport.key($0) == DrillReport.key(t) }) { return .rep(exact) }
    switch StakeholderNameMatch(names: names).read(t) {
    case .person(let i): return .rep(names[i])
    case .several(let fits): return .several(fits.map { names[$0] })
    case .text: return .none(t)
    }
  }

  /// "‘Ann’ could be Ann O'Connor or Ann Lee: give more of the name with --rep."
  public static func ambiguity(_ typed: String, _ names: [String], _ l: L10n) -> String {
    let joined = names.dropLast().joined(separator: l.t(", ", "、")) + l.t(" or ", " 或 ") + (names.last ?? "")
    return l.t(
      "‘\(typed)’ could be \(joined): give more of the name, e.g. --rep \"\(names[0])\".",
      "‘\(typed)’ 可能是 \(joined)：请写出更完整的姓名，例如 --rep \"\(names[0])\"。")
  }
}

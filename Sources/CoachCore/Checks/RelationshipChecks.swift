/// Findings on the relationship map: an influential person nobody on our side owns, or one we
/// have not spoken with for `coldDays` days (counted from the clock's today, never the machine's).
extension PlanChecks {
  /// Influence from this score up (of 5) counts as high.
  static let highInfluence = 4
  /// Days without contact after which a relationship with an influential person is going cold.
  static let coldDays = 60

  func relationships() -> [Finding] {
    var out: [Finding] = []
    for p in plan.stakeholders where (p.influence ?? 0) >= Self.highInfluence {
      if (p.owner ?? "").trimmingWhitespace.isEmpty { out.append(finding("relationship-without-owner", ["name": p.name])) }
      if let last = p.lastContact.flatMap(CalendarDay.init) {
        let days = today.daysSinceEpoch - last.daysSinceEpoch
        if days >= Self.coldDays { out.append(finding("relationship-gone-cold", ["name": p.name, "days": String(days)])) }
      }
    }
    return out
  }
}

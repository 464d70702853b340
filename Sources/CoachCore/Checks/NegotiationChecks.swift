/// The negotiation rules: goals in order, walk-away against BATNAs, the ZOPA, the concession
/// ladder, core terms and the team. They run once the rep has started preparing a negotiation.
struct NegotiationChecks {
  let checks: PlanChecks
  var n: Negotiation { checks.plan.negotiation }

  var started: Bool {
    !n.objectives.isEmpty || !n.batna.ours.isEmpty || !n.batna.theirs.isEmpty || !n.interests.isEmpty
      || !n.concessions.isEmpty || !n.team.isEmpty
  }

  func termName(_ o: Objective) -> String {
    if o.term == .custom, let label = o.label, !label.isEmpty { return label }
    return checks.book?.term(o.term)?.name ?? o.term.rawValue
  }

  /// True when `a` is worse for us than `b` on a term where `better` is better.
  static func worse(_ a: Double, than b: Double, _ better: BetterDirection) -> Bool {
    better == .higher ? a < b : a > b
  }

  /// Our estimate of the customer's limit on a term; on price, their BATNA's value by default.
  static func theirLimit(_ o: Objective, _ n: Negotiation) -> Double? {
    o.theirLimit?.number ?? (o.term == .price ? n.batna.theirs.value : nil)
  }

  func run() -> [Finding] {
    guard started else { return [] }
    var out: [Finding] = []
    let price = n.objectives.first { $0.term == .price }
    let direction = price?.better ?? .higher

    // Goals: best, expected and walk-away in order for the direction that is better for us.
    for o in n.objectives {
      let better = o.better ?? checks.book?.term(o.term)?.better ?? .higher
      let values = [o.best?.number, o.expected?.number, o.walkAway?.number].compactMap { $0 }
      guard values.count >= 2 else { continue }
      let ordered = zip(values, values.dropFirst()).allSatisfy { better == .higher ? $0 >= $1 : $0 <= $1 }
      if !ordered { out.append(checks.finding("goals-out-of-order", ["name": termName(o)])) }
    }

    // Walk-away against our BATNA (a price-equivalent, so on the price term).
    if let price, let w = price.walkAway?.number, let ours = n.batna.ours.value, Self.worse(w, than: ours, direction) {
      out.append(checks.finding("walk-away-worse-than-batna", ["name": termName(price)]))
    }
    // A zone of possible agreement per term: our walk-away against their limit on that term
    // (on price, their BATNA's value when no limit was estimated).
    for o in n.objectives {
      guard let w = o.walkAway?.number, let t = Self.theirLimit(o, n) else { continue }
      let better = o.better ?? checks.book?.term(o.term)?.better ?? .higher
      if Self.worse(t, than: w, better) { out.append(checks.finding("no-zopa", ["name": termName(o)])) }
    }

    // The concession ladder.
    let ladder = n.ladder
    for (i, c) in ladder.enumerated() where !(c.give ?? "").isEmpty && (c.get ?? "").trimmingWhitespace.isEmpty {
      out.append(checks.finding("concession-without-return", ["name": c.give ?? "#\(i + 1)"]))
    }
    if let price, let room = NegotiationMath.room(n) {
      let total = ladder.compactMap(\.costToUs).reduce(0, +)
      if total > room {
        out.append(checks.finding("concession-beyond-walk-away", ["name": termName(price), "amount": Blocks.number(total - room)]))
      }
    }
    let costs = ladder.compactMap(\.costToUs)
    if zip(costs, costs.dropFirst()).contains(where: { $1 > $0 }) {
      out.append(checks.finding("concessions-not-decreasing"))
    }

    if !n.objectives.isEmpty && !n.objectives.contains(where: { $0.flexibility == .core }) {
      out.append(checks.finding("no-core-term"))
    }
    if !n.team.contains(where: { $0.role == .lead }) { out.append(checks.finding("no-lead-negotiator")) }
    if n.batna.ours.isEmpty { out.append(checks.finding("our-batna-unknown")) }
    if n.batna.theirs.isEmpty { out.append(checks.finding("their-batna-unknown")) }
    return out
  }
}

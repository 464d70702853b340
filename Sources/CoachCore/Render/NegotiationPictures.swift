/// The zone of possible agreement per term, each drawn on one axis: our walk-away (W), expected
/// (E) and best (B) against our estimate of their limit on that term (T; on price, by default,
/// the price-equivalent of their BATNA).
/// Readable without colour; labels are measured by display width so Chinese lines up.
public struct ZOPAPicture {
  public let plan: AccountPlan
  public let labels: Labels
  public static let axisWidth = 44

  public init(plan: AccountPlan, labels: Labels) {
    self.plan = plan
    self.labels = labels
  }

  /// The numeric price objective, if there is one.
  var price: Objective? { plan.negotiation.objectives.first { $0.term == .price } }

  /// One picture per term with a numeric walk-away: price always (its limit defaults to their
  /// BATNA's value), every other term once their limit on it has been estimated.
  public func render() -> StyledText? {
    var pictures: [StyledText] = []
    for o in plan.negotiation.objectives where o.walkAway?.number != nil {
      let t = NegotiationChecks.theirLimit(o, plan.negotiation)
      guard o.term == .price || t != nil else { continue }
      if let p = render(o, theirLimit: t) { pictures.append(p) }
    }
    guard var out = pictures.first else { return nil }
    for p in pictures.dropFirst() {
      out.append("\n\n")
      out += p
    }
    return out
  }

  func render(_ o: Objective, theirLimit t: Double?) -> StyledText? {
    let l = labels.l
    guard let w = o.walkAway?.number else { return nil }
    let better = o.better ?? labels.book?.term(o.term)?.better ?? .higher
    let e = o.expected?.number
    let b = o.best?.number
    let values = [w, e, b, t].compactMap { $0 }
    guard let lo0 = values.min(), let hi0 = values.max() else { return nil }
    // Total for any finite figures: halves keep every difference finite, and a cell is clamped
    // to the axis (a plan's figures are within NumberRange; this holds even if one is not).
    let pad = max((hi0 / 2 - lo0 / 2) * 0.16, abs(hi0) * 0.02, 1)
    let lo = (lo0 - pad).isFinite ? lo0 - pad : lo0
    let hi = (hi0 + pad).isFinite ? hi0 + pad : hi0
    let width = Self.axisWidth
    func col(_ v: Double) -> Int {
      let half = hi / 2 - lo / 2
      let ratio = half > 0 ? (v / 2 - lo / 2) / half : 0
      return NumberRange.cell((ratio * Double(width - 1)).rounded(), 0, width - 1)
    }

    let unit = o.unit.map { " (\($0))" } ?? ""
    let direction = better == .higher ? l.t("higher is better for us", "越高对我方越好") : l.t("lower is better for us", "越低对我方越好")
    var out = StyledText("ZOPA · " + labels.term(o) + unit, .bold)
    out.append("   " + direction, .dim)

    let rowLabels = [l.t("our range", "我方区间"), l.t("their limit", "对方极限"), "ZOPA"]
    let labelWidth = rowLabels.map { DisplayWidth.of($0) }.max()!
    func row(_ label: String, _ cells: [Character]) -> String {
      "  " + DisplayWidth.padRight(label, to: labelWidth) + "  │" + String(cells) + "│"
    }

    // Our range: from walk-away to best (or expected), with markers.
    var ours = Array(repeating: Character("·"), count: width)
    let far = b ?? e ?? w
    for i in min(col(w), col(far))...max(col(w), col(far)) { ours[i] = "═" }
    if let e { ours[col(e)] = "E" }
    if let b { ours[col(b)] = "B" }
    ours[col(w)] = "W"
    out.append("\n" + row(rowLabels[0], ours))

    var zopaRange: (Double, Double)? = nil
    if let t {
      var theirs = Array(repeating: Character("·"), count: width)
      theirs[col(t)] = "T"
      out.append("\n" + row(rowLabels[1], theirs))
      let (low, high) = better == .higher ? (w, t) : (t, w)
      if low <= high { zopaRange = (low, high) }
      var zone = Array(repeating: Character(" "), count: width)
      if let (a, z) = zopaRange {
        for i in col(a)...col(z) { zone[i] = "━" }
        zone[col(a)] = "├"
        zone[col(z)] = "┤"
        if col(a) == col(z) { zone[col(a)] = "┼" }
      }
      out.append("\n" + row(rowLabels[2], zone), zopaRange == nil ? .bad : .good)
    } else {
      out.append(
        "\n"
          + Wrap.text(
            l.t(
              "their limit: unknown — estimate it (`negotiate goals`) or their BATNA's value (`negotiate batna`) to see the ZOPA",
              "对方极限未知——估计对方在这一条款上的极限（`negotiate goals`）或对方 BATNA 的价值（`negotiate batna`）即可看到 ZOPA"), width: 78, indent: "  "), .dim)
    }

    var legend = "W " + l.t("walk-away", "底线") + " " + Blocks.number(w)
    if let e { legend += " · E " + l.t("expected", "期望") + " " + Blocks.number(e) }
    if let b { legend += " · B " + l.t("best", "最佳") + " " + Blocks.number(b) }
    if let t { legend += " · T " + l.t("their limit", "对方极限") + " " + Blocks.number(t) }
    out.append("\n" + Wrap.text(legend, width: 78, indent: "  "), .dim)
    if t != nil {
      if let (a, z) = zopaRange {
        out.append("\n  " + l.t("Zone of possible agreement: ", "可达成协议区间：") + Blocks.number(a) + " – " + Blocks.number(z), .good)
      } else {
        out.append(
          "\n  "
            + l.t(
              "No zone of agreement: our walk-away is worse for them than their alternative.",
              "不存在协议区间：我方底线对对方而言比其替代方案更差。"), .bad)
      }
    }
    return out
  }
}

/// The concession ladder: each rung with what we give, what we ask in return, and bars for
/// its cost to us and value to them, so a rep sees at a glance that rungs get smaller.
public struct ConcessionLadderPicture {
  public let negotiation: Negotiation
  public let labels: Labels
  public static let barWidth = 12

  public init(negotiation: Negotiation, labels: Labels) {
    self.negotiation = negotiation
    self.labels = labels
  }

  public func render() -> StyledText {
    let l = labels.l
    var out = StyledText(l.t("Concession ladder", "让步阶梯"), .bold)
    let ladder = negotiation.ladder
    guard !ladder.isEmpty else { return out + "\n" + StyledText("  —", .dim) }
    let maxAmount = ladder.flatMap { [$0.costToUs, $0.valueToThem].compactMap { $0 } }.max() ?? 0
    let tags = [l.t("give", "让出"), l.t("get", "换取"), l.t("cost to us", "我方成本"), l.t("value to them", "对方价值")]
    let tagWidth = tags.map { DisplayWidth.of($0) }.max()!
    func tag(_ i: Int) -> String { DisplayWidth.padRight(tags[i], to: tagWidth) }
    func amount(_ v: Double?) -> String {
      guard let v else { return "—" }
      return Blocks.bar(v, of: maxAmount, width: Self.barWidth) + " " + Blocks.number(v)
    }
    for (i, c) in ladder.enumerated() {
      let step = "\(i + 1). "
      let indent = String(repeating: " ", count: step.count + 2)
      out.append("\n  " + step)
      out.append(tag(0) + "  " + Sanitizer.clean(c.give ?? "—", multiline: false))
      let get = c.get ?? ""
      out.append("\n" + indent + tag(1) + "  ")
      out.append(get.isEmpty ? l.t("nothing asked in return", "未要求任何回报") : Sanitizer.clean(get, multiline: false), get.isEmpty ? .bad : .plain)
      out.append("\n" + indent + tag(2) + "  " + amount(c.costToUs))
      out.append("\n" + indent + tag(3) + "  " + amount(c.valueToThem))
    }
    let total = ladder.compactMap(\.costToUs).reduce(0, +)
    out.append("\n  " + l.t("Total cost to us: ", "我方总成本：") + Blocks.number(total))
    if let room = NegotiationMath.room(negotiation) {
      out.append(l.t(" — the room between the expected and the walk-away price is ", "；价格期望值与底线之间的可让空间为 ") + Blocks.number(room), total > room ? .bad : .plain)
    }
    return out
  }
}

/// Arithmetic the pictures and the checks share.
public enum NegotiationMath {
  /// The room to concede on price: the distance between expected and walk-away.
  public static func room(_ n: Negotiation) -> Double? {
    guard let price = n.objectives.first(where: { $0.term == .price }),
      let e = price.expected?.number, let w = price.walkAway?.number
    else { return nil }
    return abs(e - w)
  }
}

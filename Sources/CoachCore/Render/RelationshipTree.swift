/// The relationship map as a tree: who reports to whom (drawn with box lines), each person's
/// roles, influence, our owner and last contact, then who sways whom. Used by `show
/// stakeholders` (terminal, wrapped by display width) and by the brief (as lines of text).
public struct RelationshipTree {
  public let plan: AccountPlan
  public let labels: Labels
  public let width: Int
  var l: L10n { labels.l }

  public init(plan: AccountPlan, labels: Labels, width: Int = 80) {
    self.plan = plan
    self.labels = labels
    self.width = width
  }

  /// One person in the tree: the drawing before their name (`├─ `, `│  └─ `), and the prefix
  /// under it for their wrapped lines.
  public struct Row: Equatable, Sendable {
    public var branch: String
    public var under: String
    public var index: Int
  }

  /// Everyone once, managers before the people who report to them, in plan order. A reporting
  /// line that loops or points at no one starts a new tree.
  public func rows() -> [Row] {
    let people = plan.stakeholders
    let ids = Set(people.map(\.id).filter { !$0.isEmpty })
    func parent(_ i: Int) -> String? {
      guard let boss = people[i].reportsTo, ids.contains(boss), boss != people[i].id else { return nil }
      return boss
    }
    var children: [String: [Int]] = [:]
    for i in people.indices { if let boss = parent(i) { children[boss, default: []].append(i) } }
    var out: [Row] = []
    var placed: Set<Int> = []
    func visit(_ i: Int, branch: String, under: String) {
      guard !placed.contains(i) else { return }
      placed.insert(i)
      out.append(Row(branch: branch, under: under, index: i))
      let kids = (children[people[i].id] ?? []).filter { !placed.contains($0) }
      for (n, k) in kids.enumerated() {
        let last = n == kids.count - 1
        visit(k, branch: under + (last ? "└─ " : "├─ "), under: under + (last ? "   " : "│  "))
      }
    }
    for i in people.indices where parent(i) == nil { visit(i, branch: "", under: "") }
    // People inside a reporting loop have no root: each starts its own tree.
    for i in people.indices where !placed.contains(i) { visit(i, branch: "", under: "") }
    return out
  }

  /// The facts after a person's name: title, roles, influence, attitude, owner, last contact.
  public func facts(_ s: Stakeholder, withInternal: Bool = true) -> String {
    var parts: [String] = []
    if let title = s.title, !title.trimmingWhitespace.isEmpty { parts.append(title.trimmingWhitespace) }
    let roles = s.allRoles.map { labels.role($0) }
    if !roles.isEmpty { parts.append(roles.joined(separator: l.t(" + ", "＋"))) }
    if withInternal {
      if let n = s.influence { parts.append(l.t("influence \(n)/5", "影响力 \(n)/5")) }
      if let a = s.attitude { parts.append(labels.attitude(a)) }
      if let owner = s.owner, !owner.trimmingWhitespace.isEmpty { parts.append(l.t("owner: ", "负责人：") + owner.trimmingWhitespace) }
      if let last = s.lastContact { parts.append(l.t("last spoke ", "上次沟通 ") + last) }
    }
    return parts.joined(separator: l.t(" · ", " · "))
  }

  /// "Wang Jianguo → Li Wei, Zhao Min" for each person who sways others.
  public func influenceLines() -> [(from: String, to: [String])] {
    plan.stakeholders.compactMap { s in
      let to = s.influences.compactMap { plan.stakeholder(id: $0)?.name }
      return to.isEmpty ? nil : (s.name, to)
    }
  }

  /// True when some reporting line or influence is recorded (otherwise the tree says nothing
  /// the table does not).
  public var hasLinks: Bool { plan.stakeholders.contains { $0.reportsTo != nil || !$0.influences.isEmpty } }

  public func render() -> StyledText {
    var out = StyledText(l.t("Reporting lines and influence", "汇报关系与影响"), .bold)
    guard !plan.stakeholders.isEmpty else { return out }
    if !hasLinks {
      out.append("\n")
      out.append(
        Wrap.text(
          l.t("No reporting lines yet: `stakeholders links NAME` records whom a person reports to and sways.", "尚无汇报关系：用 `stakeholders links 姓名` 记录某人向谁汇报、影响谁。"), width: width - 2,
          indent: "  "), .dim)
      return out
    }
    for row in rows() {
      let s = plan.stakeholders[row.index]
      let lead = "  " + row.branch
      let facts = facts(s)
      // The name never breaks; the facts wrap under it, below the tree's own lines.
      let hang = "  " + row.under + "   "
      let first = lead + s.name
      out.append("\n")
      out.append(first, .bold)
      guard !facts.isEmpty else { continue }
      let rest = Wrap.lines(facts, width: max(12, width - DisplayWidth.of(hang)))
      let fitsOnFirst = DisplayWidth.of(first) + 3 + DisplayWidth.of(rest.first ?? "") <= width && rest.count == 1
      if fitsOnFirst {
        out.append(" — " + facts, .dim)
      } else {
        for line in rest { out.append("\n" + hang + line, .dim) }
      }
    }
    let sways = influenceLines()
    if !sways.isEmpty {
      out.append("\n")
      out.append(l.t("  Influences", "  影响"), .bold)
      for (from, to) in sways {
        out.append("\n" + Wrap.text(from + " → " + to.joined(separator: l.t(", ", "、")), width: width - 2, indent: "    "))
      }
    }
    return out
  }
}

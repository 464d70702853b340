/// The relationship matrix: decision-maker roles down, attitudes across, each person in their
/// cell with their influence (1–5) marked. Empty rows and columns show where coverage is thin.
public struct RelationshipMatrix {
  public let stakeholders: [Stakeholder]
  public let labels: Labels
  public let width: Int

  public init(stakeholders: [Stakeholder], labels: Labels, width: Int = 80) {
    self.stakeholders = stakeholders
    self.labels = labels
    self.width = width
  }

  public func render() -> StyledText {
    let l = labels.l
    var table = TextTable(columns: [.init(l.t("Role \\ attitude", "角色 \\ 态度"))] + Attitude.allCases.map { .init(labels.attitude($0), minWidth: 6) })
    for role in StakeholderRole.allCases {
      // A person with several roles stands in each of their rows.
      let people = stakeholders.filter { ($0.role ?? .other) == role || $0.roles.contains(role) }
      var row = [labels.role(role)]
      for attitude in Attitude.allCases {
        let inCell = people.filter { $0.attitude == attitude }.sorted { ($0.influence ?? 0) > ($1.influence ?? 0) }
        row.append(inCell.map { "\($0.name)\(Self.mark($0.influence))" }.joined(separator: ", "))
      }
      let unknownAttitude = people.filter { $0.attitude == nil }
      if !unknownAttitude.isEmpty { row[0] += " (+\(unknownAttitude.count) ?)" }
      table.add(row, style: people.isEmpty ? .dim : .plain)
    }
    var out = StyledText(l.t("Relationship matrix", "客户关系矩阵"), .bold)
    out.append("   " + l.t("(n) = influence 1–5", "(n) = 影响力 1–5"), .dim)
    out.append("\n")
    out += table.render(width: width - 2).indented("  ")
    return out
  }

  static func mark(_ influence: Int?) -> String { influence.map { "(\($0))" } ?? "" }
}

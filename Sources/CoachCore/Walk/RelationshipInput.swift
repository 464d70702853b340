/// Turns what the rep types in the relationship walk into what the plan stores: role names into
/// role ids, people's names into stakeholder ids. A name that is no one on the list, a role that
/// is no role, a person reporting to themselves or to someone who reports to them is refused
/// with a message that says what to type instead.
public struct RelationshipInput {
  public let plan: AccountPlan
  /// The person being edited.
  public let index: Int
  public let labels: Labels
  var l: L10n { labels.l }

  public init(plan: AccountPlan, index: Int, labels: Labels) {
    self.plan = plan
    self.index = index
    self.labels = labels
  }

  /// The fields whose answers are names to resolve.
  public static let resolvedFields: Set<String> = ["roles", "reportsTo", "influences"]

  func items(_ value: AnswerValue) -> [String] {
    switch value {
    case .list(let items): return items.flatMap { $0.split(whereSeparator: { ";；,，、".contains($0) }) }.map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    default: return PlanPatch.text(value).map { [$0.trimmingWhitespace] } ?? []
    }
  }

  /// The value to store, or a refusal.
  public func resolve(_ field: String, _ value: AnswerValue) -> Result<AnswerValue, RelationshipInputError> {
    let person = plan.stakeholders[index]
    switch field {
    case "roles":
      var ids: [String] = []
      for word in items(value) {
        guard let r = StakeholderRole.parse(word, labels: labels) else {
          let names = StakeholderRole.allCases.map { labels.role($0) }.joined(separator: l.t(", ", "、"))
          return .failure(RelationshipInputError(l.t("‘\(word)’ is not a decision role; name one of: \(names).", "‘\(word)’ 不是决策角色；请写：\(names)。")))
        }
        if r != person.role, !ids.contains(r.rawValue) { ids.append(r.rawValue) }
      }
      return .success(.list(ids))
    case "reportsTo":
      guard let name = items(value).first else { return .success(.text("")) }
      switch find(name) {
      case .failure(let e): return .failure(e)
      case .success(let boss):
        if boss == index { return .failure(RelationshipInputError(l.t("\(person.name) cannot report to themselves; name their manager.", "\(person.name) 不能向自己汇报；请写出其上级。"))) }
        // Walk up from the new manager: reaching this person would make a loop.
        var seen: Set<String> = []
        var at: String? = plan.stakeholders[boss].id
        while let id = at, !seen.contains(id) {
          seen.insert(id)
          if id == person.id {
            return .failure(
              RelationshipInputError(
                l.t(
                  "\(plan.stakeholders[boss].name) already reports to \(person.name), directly or through others; name someone above them.",
                  "\(plan.stakeholders[boss].name) 已直接或间接向 \(person.name) 汇报；请写出其上级。")))
          }
          at = plan.stakeholder(id: id)?.reportsTo
        }
        return .success(.text(plan.stakeholders[boss].id))
      }
    case "influences":
      var ids: [String] = []
      for name in items(value) {
        switch find(name) {
        case .failure(let e): return .failure(e)
        case .success(let j):
          if j == index { return .failure(RelationshipInputError(l.t("Name the others \(person.name) sways, not \(person.name).", "请写出 \(person.name) 能影响的其他人，而不是其本人。"))) }
          if !ids.contains(plan.stakeholders[j].id) { ids.append(plan.stakeholders[j].id) }
        }
      }
      return .success(.list(ids))
    default:
      return .success(value)
    }
  }

  func find(_ name: String) -> Result<Int, RelationshipInputError> {
    if let i = plan.stakeholderIndex(nameOrID: name), !plan.stakeholders[i].id.isEmpty { return .success(i) }
    // Part of a name (`Mary`, `王总`) is the one person it fits; several are asked about.
    let match = StakeholderNameMatch(plan)
    switch match.read(name) {
    case .person(let i) where !plan.stakeholders[i].id.isEmpty: return .success(i)
    case .several(let fits): return .failure(RelationshipInputError(match.ambiguity(name, fits, l, keepsText: false)))
    default: break
    }
    var message = l.t("No one named \(name) is on the list", "名单中没有 \(name)")
    if let near = Suggest.nearest(to: name, in: plan.stakeholders.map(\.name), maxDistance: 3) {
      message += l.t(" — did you mean \(near)?", "——你是不是想写 \(near)？")
    } else {
      message += l.t("; add them first with `stakeholders add \(name)`.", "；请先用 `stakeholders add \(name)` 添加。")
    }
    return .failure(RelationshipInputError(message))
  }

  /// The answer shown for a stored value: names instead of ids, role names instead of ids.
  public func display(_ field: String, _ stored: AnswerValue) -> AnswerValue {
    switch (field, stored) {
    case ("roles", .list(let ids)): return .list(ids.map { id in StakeholderRole(rawValue: id).map { labels.role($0) } ?? id })
    case ("reportsTo", .text(let id)): return .text(plan.stakeholder(id: id)?.name ?? id)
    case ("influences", .list(let ids)): return .list(ids.map { plan.stakeholder(id: $0)?.name ?? $0 })
    default: return stored
    }
  }
}

public struct RelationshipInputError: Error, Equatable, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
}

/// Reads and writes the plan fields that playbook prompts name in `fills`, stamping each answer
/// with the time it was given. Plan-level fields live on `AccountPlan`; item fields (a
/// stakeholder, an objection, a negotiation term…) on the item being walked.
public enum PlanPatch {
  // MARK: plan-level fields

  public static func read(_ fills: String, from plan: AccountPlan) -> AnswerValue? {
    let parts = fills.split(separator: ".").map(String.init)
    guard parts.count >= 2 else { return nil }
    switch parts[0] {
    case "account":
      let a = plan.account
      switch parts[1] {
      case "tier": return a.tier.map { .choice($0.rawValue) }
      case "industry": return a.industry.map { .choice($0.rawValue) }
      case "cooperationStage": return a.cooperationStage.map { .choice($0.rawValue) }
      case "decisionMode": return a.decisionMode.map { .choice($0.rawValue) }
      case "notes": return a.notes.map { .text($0) }
      case "portrait":
        guard parts.count == 3, let area = PortraitArea(rawValue: parts[2]) else { return nil }
        return a.portrait.answers[area].map { .text($0) }
      default: return nil
      }
    case "valueAssessment":
      guard parts.count == 3, let d = ValueDimension(rawValue: parts[1]) else { return nil }
      return plan.valueAssessment.score(d, parts[2]).map { .scale($0) }
    case "discovery":
      guard parts.count == 3, let stage = DiscoveryStage(rawValue: parts[1]) else { return nil }
      return plan.discovery[stage].answers[parts[2]]
    case "negotiation" where parts[1] == "commonInterests":
      return plan.negotiation.commonInterests.isEmpty ? nil : .list(plan.negotiation.commonInterests)
    default:
      return nil
    }
  }

  /// Every plan-level answer of a walk, by prompt id.
  public static func answers(for prompts: [Prompt], from plan: AccountPlan) -> [String: AnswerValue] {
    var out: [String: AnswerValue] = [:]
    for p in prompts { if let a = read(p.fills, from: plan) { out[p.id] = a } }
    return out
  }

  public static func apply(_ value: AnswerValue, to fills: String, in plan: inout AccountPlan, at time: String) {
    let parts = fills.split(separator: ".").map(String.init)
    guard parts.count >= 2 else { return }
    switch parts[0] {
    case "account":
      let key = parts.dropFirst().joined(separator: ".")
      switch parts[1] {
      case "tier": plan.account.tier = choice(value)
      case "industry": plan.account.industry = choice(value)
      case "cooperationStage": plan.account.cooperationStage = choice(value)
      case "decisionMode": plan.account.decisionMode = choice(value)
      case "notes": plan.account.notes = text(value)
      case "portrait":
        guard parts.count == 3, let area = PortraitArea(rawValue: parts[2]) else { return }
        plan.account.portrait.answers[area] = text(value)
        plan.account.portrait.answeredAt[area.rawValue] = time
        return
      default: return
      }
      plan.account.answeredAt[key] = time
    case "valueAssessment":
      guard parts.count == 3, let d = ValueDimension(rawValue: parts[1]), case .scale(let n) = value else { return }
      plan.valueAssessment.setScore(d, parts[2], n, at: time)
    case "discovery":
      guard parts.count == 3, let stage = DiscoveryStage(rawValue: parts[1]) else { return }
      plan.discovery[stage].answers[parts[2]] = value
      plan.discovery[stage].answeredAt[parts[2]] = time
    case "negotiation" where parts[1] == "commonInterests":
      if case .list(let items) = value { plan.negotiation.commonInterests = items } else if let t = text(value) { plan.negotiation.commonInterests = [t] }
      plan.negotiation.answeredAt["commonInterests"] = time
    default:
      return
    }
  }

  /// Marks the amount at a plan-level path as an estimate (or exact): discovery answers.
  public static func mark(_ path: String, approximate: Bool, in plan: inout AccountPlan) {
    let parts = path.split(separator: ".").map(String.init)
    guard parts.count == 3, parts[0] == "discovery", let stage = DiscoveryStage(rawValue: parts[1]) else { return }
    plan.discovery[stage].mark(parts[2], approximate: approximate)
  }

  // MARK: helpers shared with item fields

  static func choice<E: PlanEnum>(_ value: AnswerValue) -> E? {
    switch value {
    case .choice(let id), .text(let id): return E(rawValue: id)
    default: return nil
    }
  }

  public static func text(_ value: AnswerValue) -> String? {
    switch value {
    case .text(let s), .choice(let s), .date(let s): return s.isEmpty ? nil : s
    case .list(let items): return items.isEmpty ? nil : items.joined(separator: "; ")
    case .scale(let n): return String(n)
    case .amount(let n, let c): return Blocks.number(n) + (c.map { " " + $0 } ?? "")
    }
  }

  public static func number(_ value: AnswerValue) -> Double? {
    switch value {
    case .amount(let n, _): return n
    case .scale(let n): return Double(n)
    case .text(let s): return AnswerParsing.amount(s)?.value
    default: return nil
    }
  }

  static func termValue(_ value: AnswerValue) -> TermValue? {
    switch value {
    case .amount(let n, _): return .number(n)
    case .scale(let n): return .number(Double(n))
    default: return text(value).map { .text($0) }
    }
  }
}

// MARK: item fields

extension Stakeholder {
  public func read(_ field: String) -> AnswerValue? {
    switch field {
    case "name": return .text(name)
    case "title": return title.map { .text($0) }
    case "role": return role.map { .choice($0.rawValue) }
    case "influence": return influence.map { .scale($0) }
    case "attitude": return attitude.map { .choice($0.rawValue) }
    case "concerns": return concerns.map { .text($0) }
    case "notes": return notes.map { .text($0) }
    default: return nil
    }
  }

  public mutating func apply(_ field: String, _ value: AnswerValue, at time: String) {
    switch field {
    case "name": if let t = PlanPatch.text(value) { name = t }
    case "title": title = PlanPatch.text(value)
    case "role": role = PlanPatch.choice(value)
    case "influence": if case .scale(let n) = value { influence = n }
    case "attitude": attitude = PlanPatch.choice(value)
    case "concerns": concerns = PlanPatch.text(value)
    case "notes": notes = PlanPatch.text(value)
    default: return
    }
    answeredAt[field] = time
  }
}

extension Objective {
  public func read(_ field: String) -> AnswerValue? {
    func term(_ v: TermValue?) -> AnswerValue? {
      switch v {
      case .number(let n)?: return .amount(n, currency: nil)
      case .text(let s)?: return .text(s)
      case nil: return nil
      }
    }
    switch field {
    case "best": return term(best)
    case "expected": return term(expected)
    case "walkAway": return term(walkAway)
    case "theirLimit": return term(theirLimit)
    case "better": return better.map { .choice($0.rawValue) }
    case "unit": return unit.map { .text($0) }
    case "flexibility": return flexibility.map { .choice($0.rawValue) }
    case "note": return note.map { .text($0) }
    default: return nil
    }
  }

  public mutating func apply(_ field: String, _ value: AnswerValue, at time: String) {
    switch field {
    case "best": best = PlanPatch.termValue(value)
    case "expected": expected = PlanPatch.termValue(value)
    case "walkAway": walkAway = PlanPatch.termValue(value)
    case "theirLimit": theirLimit = PlanPatch.termValue(value)
    case "better": better = PlanPatch.choice(value)
    case "unit": unit = PlanPatch.text(value)
    case "flexibility": flexibility = PlanPatch.choice(value)
    case "note": note = PlanPatch.text(value)
    default: return
    }
    // A figure typed with its unit or currency ("5 years", "$1.2m") sets the term's unit; the walk
    // has already converted it, or asked, when the term's other figures are in another unit.
    if case .amount(_, let currency?) = value, ["best", "expected", "walkAway"].contains(field) { unit = currency }
    answeredAt[field] = time
  }
}

extension BATNASide {
  public func read(_ field: String) -> AnswerValue? {
    switch field {
    case "description": return description.map { .text($0) }
    case "value": return value.map { .amount($0, currency: nil) }
    default: return nil
    }
  }

  public mutating func apply(_ field: String, _ answer: AnswerValue, at time: String) {
    switch field {
    case "description": description = PlanPatch.text(answer)
    case "value": value = PlanPatch.number(answer)
    default: return
    }
    answeredAt[field] = time
  }
}

extension Interest {
  public func read(_ field: String) -> AnswerValue? {
    switch field {
    case "position": return position.map { .text($0) }
    case "interest": return interest.map { .text($0) }
    default: return nil
    }
  }

  public mutating func apply(_ field: String, _ value: AnswerValue, at time: String) {
    switch field {
    case "position": position = PlanPatch.text(value)
    case "interest": interest = PlanPatch.text(value)
    default: return
    }
    answeredAt[field] = time
  }
}

extension Concession {
  public func read(_ field: String) -> AnswerValue? {
    switch field {
    case "give": return give.map { .text($0) }
    case "get": return get.map { .text($0) }
    case "costToUs": return costToUs.map { .amount($0, currency: nil) }
    case "valueToThem": return valueToThem.map { .amount($0, currency: nil) }
    default: return nil
    }
  }

  public mutating func apply(_ field: String, _ value: AnswerValue, at time: String) {
    switch field {
    case "give": give = PlanPatch.text(value)
    case "get": get = PlanPatch.text(value)
    case "costToUs": costToUs = PlanPatch.number(value)
    case "valueToThem": valueToThem = PlanPatch.number(value)
    default: return
    }
    answeredAt[field] = time
  }
}

extension TeamMember {
  public func read(_ field: String) -> AnswerValue? {
    switch field {
    case "name": return name.isEmpty ? nil : .text(name)
    case "role": return role.map { .choice($0.rawValue) }
    default: return nil
    }
  }

  public mutating func apply(_ field: String, _ value: AnswerValue, at time: String) {
    switch field {
    case "name": if let t = PlanPatch.text(value) { name = t }
    case "role": role = PlanPatch.choice(value)
    default: return
    }
    answeredAt[field] = time
  }
}

extension Objection {
  public func read(_ field: String) -> AnswerValue? {
    switch field {
    case "statement": return statement.isEmpty ? nil : .text(statement)
    case "raisedBy": return raisedBy.map { .text($0) }
    default: return nil
    }
  }

  public mutating func apply(_ field: String, _ value: AnswerValue, at time: String) {
    switch field {
    case "statement": if let t = PlanPatch.text(value) { statement = t }
    case "raisedBy": raisedBy = PlanPatch.text(value)
    default: return
    }
    answeredAt[field] = time
  }
}

extension Prompt {
  /// The field of the item a prompt fills: `stakeholder.role` → `role`.
  public var itemField: String {
    guard let dot = fills.firstIndex(of: ".") else { return fills }
    return String(fills[fills.index(after: dot)...])
  }
}

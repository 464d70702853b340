/// Reads and writes the plan fields that playbook prompts name in `fills`, stamping each answer
/// with the time it was given, through the field tables (Plan/PlanFieldTable.swift). Plan-level
/// fields live on `AccountPlan`; item fields (a stakeholder, an objection, a negotiation term…)
/// on the item being walked.
public enum PlanPatch {
  // MARK: plan-level fields

  public static func read(_ fills: String, from plan: AccountPlan) -> AnswerValue? {
    if let (stage, id) = discoveryAnswer(fills) { return plan.discovery[stage].answers[id] }
    return plan.read(fills)
  }

  /// `discovery.<stage>.<prompt id>`: the stage and the prompt id.
  static func discoveryAnswer(_ fills: String) -> (DiscoveryStage, String)? {
    let parts = fills.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3, parts[0] == "discovery", let stage = DiscoveryStage(rawValue: parts[1]), !parts[2].isEmpty else { return nil }
    return (stage, parts[2])
  }

  /// Every plan-level answer of a walk, by prompt id.
  public static func answers(for prompts: [Prompt], from plan: AccountPlan) -> [String: AnswerValue] {
    var out: [String: AnswerValue] = [:]
    for p in prompts { if let a = read(p.fills, from: plan) { out[p.id] = a } }
    return out
  }

  public static func apply(_ value: AnswerValue, to fills: String, in plan: inout AccountPlan, at time: String) {
    if let (stage, id) = discoveryAnswer(fills) {
      plan.discovery[stage].answers[id] = value
      plan.discovery[stage].answeredAt[id] = time
      return
    }
    plan.apply(fills, value, at: time)
  }

  /// Marks the amount at a plan-level path as an estimate (or exact): discovery answers, the deal size.
  public static func mark(_ path: String, approximate: Bool, in plan: inout AccountPlan) {
    let parts = path.split(separator: ".").map(String.init)
    if parts.count == 2, parts[0] == "deal" {
      plan.deal.mark(parts[1], approximate: approximate)
      return
    }
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

// Item fields (a stakeholder, an objection, a negotiation term…) are read and written by the
// item's own table: `Stakeholder.fields`, … in Plan/PlanFieldTable.swift.

extension Prompt {
  /// The field of the item a prompt fills: `stakeholder.role` → `role`.
  public var itemField: String {
    guard let dot = fills.firstIndex(of: ".") else { return fills }
    return String(fills[fills.index(after: dot)...])
  }
}

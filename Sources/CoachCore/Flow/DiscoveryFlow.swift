/// A needs-discovery stage's walk (`discover [STAGE]`): it ends with a summary of what is
/// recorded, what is still empty and what the next stage needs, and a stage walked to its end
/// gets its completion time.
public enum DiscoveryFlow {
  public static func make(_ stage: DiscoveryStage, walk: Walk, plan: AccountPlan, l: L10n) -> WalkFlow {
    var engine = WalkEngine(
      walk: walk, answers: PlanPatch.answers(for: walk.prompts, from: plan),
      context: l.t("Discovery ", "需求挖掘 ") + "\(stage.order + 1)/4 · " + walk.title, l: l)
    engine.industry = plan.account.industry?.rawValue
    return WalkFlow(engine: engine, binding: .plan(walk.title)) { engine, context in finish(stage, engine: engine, context) }
  }

  /// The stage `discover` starts without one named: the first not yet completed.
  public static func firstOpen(in plan: AccountPlan) -> DiscoveryStage {
    DiscoveryStage.allCases.first { plan.discovery[$0].completedAt == nil } ?? .initialContact
  }

  /// Accepts the stage ids, their number (1–4) and the Chinese names.
  public static func stage(_ word: String) -> DiscoveryStage? {
    if let s = DiscoveryStage(rawValue: word.lowercased()) { return s }
    if let n = Int(word), (1...4).contains(n) { return DiscoveryStage.allCases[n - 1] }
    switch word {
    case "初步接触": return .initialContact
    case "深度访谈": return .inDepthInterview
    case "需求确认": return .needsConfirmation
    case "方案匹配": return .solutionMatching
    default:
      let matches = DiscoveryStage.allCases.filter { $0.rawValue.hasPrefix(word.lowercased()) }
      return matches.count == 1 ? matches[0] : nil
    }
  }

  /// The end of a stage: what was recorded, what is still empty, what the next stage needs;
  /// a stage walked to its end gets its completion time.
  public static func finish(_ stage: DiscoveryStage, engine: WalkEngine, _ context: FlowContext) -> [FlowEffect] {
    let l = context.l
    var context = context
    var effects: [FlowEffect] = []
    let hasAnswers = engine.walk.prompts.contains { !(engine.answers[$0.id]?.isEmpty ?? true) }
    let completed = !engine.leftEarly && hasAnswers
    if completed {
      let edit = PlanEdit(engine.walk.title + l.t(": completed", "：完成")) { plan, now in plan.discovery[stage].completedAt = now }
      effects.append(.edit(edit))
      context = context.applying(edit)
    }
    var out = StyledText("\n" + engine.walk.title + l.t(" — summary", "——小结"), .heading)
    let recorded = engine.walk.prompts.filter { !(engine.answers[$0.id]?.isEmpty ?? true) }
    let empty = engine.unansweredPrompts
    let w = context.width
    out.append("\n" + Wrap.text(l.t("Recorded: ", "已记录：") + (recorded.isEmpty ? "—" : recorded.map(\.shortLabel).joined(separator: l.t("; ", "；"))), width: w), .good)
    if !empty.isEmpty { out.append("\n" + Wrap.text(l.t("Still empty: ", "尚未填写：") + empty.map(\.shortLabel).joined(separator: l.t("; ", "；")), width: w), .warn) }
    if completed { out.append("\n" + l.t("Completed ", "完成于 ") + Blocks.time(context.now.description), .dim) }
    if let next = engine.walk.next { out.append("\n" + Wrap.text("→ " + next, width: w)) }
    if !completed {
      out.append("\n" + l.t("Pick up where you left off with `discover \(stage.rawValue)`.", "用 `discover \(stage.rawValue)` 从中断处继续。"), .dim)
    } else if let nextStage = DiscoveryStage.allCases.first(where: { $0 > stage }) {
      out.append("\n" + l.t("Continue with `discover \(nextStage.rawValue)`.", "继续：`discover \(nextStage.rawValue)`。"), .dim)
    } else {
      out.append("\n" + l.t("All four stages walked. `questions` plans what to ask next; `check` shows the gaps.", "四个阶段都已完成。用 `questions` 规划下次提问；用 `check` 查看缺口。"), .dim)
    }
    if context.plan != nil {
      let skipped = context.findings().filter { $0.id == "discovery-stage-skipped" }
      if !skipped.isEmpty {
        out.append("\n")
        out += FindingsView.render(skipped, l: l, width: context.width)
      }
    }
    effects.append(.say(out))
    if completed { effects.append(ActionFollowUp.offer(l: l)) }
    return effects
  }
}

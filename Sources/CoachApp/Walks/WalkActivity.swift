import CoachCore
import CoachTerminal

/// How a walk's answers reach the plan: plan-level fields, or one item being walked.
struct WalkBinding {
  /// Writes one answer into the plan.
  var apply: (_ prompt: Prompt, _ value: AnswerValue, _ plan: inout AccountPlan, _ time: String) -> Void
  /// A refusal message for an answer the plan cannot take (e.g. a duplicate name), or nil.
  var validate: (_ prompt: Prompt, _ value: AnswerValue, _ plan: AccountPlan) -> String? = { _, _, _ in nil }
  /// Words for the undo list ("Profile: Purchasing power").
  var describe: (_ prompt: Prompt) -> String

  /// Plan-level fields (`account.*`, `valueAssessment.*`, `discovery.*`).
  static func plan(_ title: String) -> WalkBinding {
    WalkBinding(apply: { p, v, plan, t in PlanPatch.apply(v, to: p.fills, in: &plan, at: t) },
                describe: { "\(title): \($0.shortLabel)" })
  }
}

/// Runs a WalkEngine inside the session: every accepted answer is saved at once.
final class WalkActivity: Activity {
  var engine: WalkEngine
  let binding: WalkBinding
  /// Called when the walk ends (finished or left); prints the summary.
  let onEnd: (Session, WalkEngine) -> Void
  /// Takes a line before the engine does (e.g. the role guide); returns true when it used it.
  var intercept: ((String, Session) -> Bool)?
  /// Runs after an answer is saved (e.g. to show what a chosen role cares about).
  var afterRecord: ((Prompt, AnswerValue, Session) -> Void)?

  init(engine: WalkEngine, binding: WalkBinding, onEnd: @escaping (Session, WalkEngine) -> Void) {
    self.engine = engine
    self.binding = binding
    self.onEnd = onEnd
  }

  var prompt: String { "  › " }

  func start(in session: Session) {
    engine.width = session.output.width
    session.say(engine.start())
  }

  func handle(_ line: String, in session: Session) -> Bool {
    if let intercept, intercept(line, session) { return engine.finished ? end(session) : false }
    let previous = engine.current.flatMap { engine.answers[$0.id] }
    let step = engine.accept(line)
    return apply(step, previous: previous, in: session)
  }

  /// Saves what a step recorded, prints its output, and ends the walk when it is over.
  func apply(_ step: WalkEngine.Step, previous: AnswerValue?, in session: Session) -> Bool {
    if let problem = step.problem { session.output.errorLine(problem) }
    if let (prompt, value) = step.record {
      if let plan = session.current?.plan, let refusal = binding.validate(prompt, value, plan) {
        engine.reject(prompt, restoring: previous)
        session.output.errorLine(StyledText(refusal, .warn))
        session.say(engine.renderCurrent())
        return false
      }
      do {
        try session.change(binding.describe(prompt)) { plan in binding.apply(prompt, value, &plan, session.now.description) }
      } catch {
        session.fail(error)
        engine.leave()
        return end(session)
      }
      afterRecord?(prompt, value, session)
      // A list item is acknowledged with "+ item" only once it is on disk.
      if session.current?.unsaved != nil, prompt.kind == .list, case .list(let items)? = Optional(value), let last = items.last {
        var output = StyledText("  · " + last + session.l.t(" — kept in this session, not saved yet", "——已保留在本次会话中，尚未保存"), .warn)
        let rest = Array(step.output.spans.drop { $0.text.hasPrefix("  + ") })
        if !rest.isEmpty { output += StyledText(spans: rest) }
        session.say(output)
        return engine.finished ? end(session) : false
      }
    }
    if !step.output.spans.isEmpty { session.say(step.output) }
    return engine.finished ? end(session) : false
  }

  private func end(_ session: Session) -> Bool {
    onEnd(session, engine)
    return true
  }

  func leave(in session: Session) {
    engine.leave()
    session.sayLeft(saved: session.l.t("Left the walk; every answer so far is saved.", "已离开引导；目前的所有回答都已保存。"), left: session.l.t("Left the walk", "已离开引导"))
    onEnd(session, engine)
  }

  func complete(_ beforeCursor: String, in session: Session) -> Completion {
    let word = beforeCursor.split(separator: " ").last.map(String.init) ?? ""
    let prefix = beforeCursor.hasSuffix(" ") ? "" : word
    let controls = ["back", "skip", "done"].filter { $0.hasPrefix(prefix) && !prefix.isEmpty }
    return Completion(replacing: prefix.unicodeScalars.count, candidates: engine.completions(for: prefix) + controls)
  }
}

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
  /// Marks an amount as an estimate, or as exact (after `apply`, in the same change).
  var estimate: (_ prompt: Prompt, _ approximate: Bool, _ plan: inout AccountPlan) -> Void = { _, _, _ in }

  /// Plan-level fields (`account.*`, `valueAssessment.*`, `discovery.*`).
  static func plan(_ title: String) -> WalkBinding {
    WalkBinding(apply: { p, v, plan, t in PlanPatch.apply(v, to: p.fills, in: &plan, at: t) },
                describe: { "\(title): \($0.shortLabel)" },
                estimate: { p, approximate, plan in PlanPatch.mark(p.fills, approximate: approximate, in: &plan) })
  }
}

/// Runs a WalkEngine inside the session: every accepted answer is saved at once.
final class WalkActivity: Activity, TakesListItems {
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

  var takesListItems: Bool { engine.current?.kind == .list }
  /// The answers saved by this walk that `undo` can take back, latest last.
  private var undoable: [(prompt: Prompt, previous: AnswerValue?)] = []

  func start(in session: Session) {
    session.prepare(&engine)
    session.say(engine.start())
  }

  func handle(_ line: String, in session: Session) -> Bool {
    engine.width = session.output.width  // the terminal may have been resized since
    if UndoWord.matches(line) { return undoLast(in: session) }
    if let intercept, intercept(line, session) { return engine.finished ? end(session) : false }
    let previous = engine.current.flatMap { engine.answers[$0.id] }
    let step = engine.accept(line)
    return apply(step, previous: previous, in: session)
  }

  /// `undo` inside the walk: takes back the last answer (or list item) saved here and returns to
  /// that prompt. It never becomes an answer or an item itself.
  private func undoLast(in session: Session) -> Bool {
    let l = session.l
    guard let last = undoable.popLast() else {
      session.output.errorLine(StyledText(l.t("Nothing to undo in this walk yet.", "本次引导中还没有可撤销的回答。"), .warn))
      session.say(engine.renderCurrent())
      return false
    }
    do { try session.undo() } catch {
      session.fail(error)
      return false
    }
    engine.reject(last.prompt, restoring: last.previous)
    session.say(engine.renderCurrent())
    return false
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
      let undoDepth = session.undoStack.count
      do {
        try session.change(binding.describe(prompt)) { plan in
          binding.apply(prompt, value, &plan, session.now.description)
          if prompt.kind == .amount { binding.estimate(prompt, step.approximate, &plan) }
        }
        if session.undoStack.count > undoDepth { undoable.append((prompt, previous)) }
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

/// `undo` typed inside a walk or list: it takes back the last answer, never becomes one.
enum UndoWord {
  static func matches(_ line: String) -> Bool {
    ["undo", "撤销", "撤回"].contains(line.trimmingWhitespace.lowercased())
  }
}

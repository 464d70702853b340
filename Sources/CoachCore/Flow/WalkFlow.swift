/// How a walk's answers reach the plan: plan-level fields, or one item being walked.
///
/// `apply` runs twice for each answer — on the flow's view of the plan and on the session's —
/// so it must decide only from the plan it is given (and state it sets the same way both times).
public struct WalkBinding {
  /// Writes one answer into the plan.
  public var apply: (_ prompt: Prompt, _ value: AnswerValue, _ plan: inout AccountPlan, _ time: String) -> Void
  /// A refusal message for an answer the plan cannot take (e.g. a duplicate name), or nil.
  public var validate: (_ prompt: Prompt, _ value: AnswerValue, _ plan: AccountPlan) -> String? = { _, _, _ in nil }
  /// Words for the undo list ("Profile: Purchasing power").
  public var describe: (_ prompt: Prompt) -> String
  /// Marks an amount as an estimate, or as exact (after `apply`, in the same change).
  public var estimate: (_ prompt: Prompt, _ approximate: Bool, _ plan: inout AccountPlan) -> Void = { _, _, _ in }

  public init(
    apply: @escaping (_ prompt: Prompt, _ value: AnswerValue, _ plan: inout AccountPlan, _ time: String) -> Void,
    validate: @escaping (_ prompt: Prompt, _ value: AnswerValue, _ plan: AccountPlan) -> String? = { _, _, _ in nil },
    describe: @escaping (_ prompt: Prompt) -> String,
    estimate: @escaping (_ prompt: Prompt, _ approximate: Bool, _ plan: inout AccountPlan) -> Void = { _, _, _ in }
  ) {
    self.apply = apply
    self.validate = validate
    self.describe = describe
    self.estimate = estimate
  }

  /// Plan-level fields (`account.*`, `valueAssessment.*`, `discovery.*`).
  public static func plan(_ title: String) -> WalkBinding {
    WalkBinding(
      apply: { p, v, plan, t in PlanPatch.apply(v, to: p.fills, in: &plan, at: t) },
      describe: { title + title.titleColon + $0.shortLabel },
      estimate: { p, approximate, plan in PlanPatch.mark(p.fills, approximate: approximate, in: &plan) })
  }

  /// The edit that saves one answer.
  func edit(_ prompt: Prompt, _ value: AnswerValue, approximate: Bool) -> PlanEdit {
    PlanEdit(describe(prompt)) { [self] plan, now in
      apply(prompt, value, &plan, now)
      if prompt.kind == .amount { estimate(prompt, approximate, &plan) }
    }
  }
}

/// A WalkEngine as a flow: every accepted answer becomes an edit, saved at once; an answer the
/// plan refuses is refused before the walk moves on.
public final class WalkFlow: Flow {
  public var engine: WalkEngine
  public let binding: WalkBinding
  /// When the walk ends (finished or left): the summary, and what comes next.
  let onEnd: (WalkEngine, FlowContext) -> [FlowEffect]
  /// Takes a line before the engine does (e.g. the role guide); nil when it did not use it.
  public var intercept: ((String, WalkFlow) -> [FlowEffect]?)?
  /// Runs after an answer is recorded (e.g. to show what a chosen role cares about).
  public var afterRecord: ((Prompt, AnswerValue, FlowContext) -> [FlowEffect])?
  /// What Tab offers at a prompt the engine has no candidates for (e.g. people's names), or nil.
  public var completer: ((_ beforeCursor: String, _ prompt: Prompt?) -> (replacing: Int, candidates: [String])?)?
  /// The plan as this walk's edits leave it, and the session's settings.
  public private(set) var context: FlowContext
  /// Whether `start` shows the walk's opening (title, goal, tasks) or only the current prompt
  /// (a question offered at the end of another walk).
  public var showsOpening = true
  /// The answers saved by this walk that `undo` can take back, latest last.
  private var undoable: [(prompt: Prompt, previous: AnswerValue?)] = []
  /// Whether `undo` has an answer of this walk to take back.
  var canUndo: Bool { !undoable.isEmpty }

  public init(engine: WalkEngine, binding: WalkBinding, onEnd: @escaping (WalkEngine, FlowContext) -> [FlowEffect] = { _, _ in [] }) {
    self.engine = engine
    self.binding = binding
    self.onEnd = onEnd
    self.context = FlowContext(plan: nil, book: nil, l: engine.l, now: Timestamp(secondsSinceEpoch: 0))
  }

  public var prompt: String { "  › " }
  public var takesListItems: Bool { engine.current?.kind == .list }

  /// Starts with the walk's opening (title, goal, tasks, first prompt).
  public func start(_ context: FlowContext) -> [FlowEffect] {
    guard showsOpening else { return resume(context) }
    self.context = context
    context.prepare(&engine)
    return [.say(engine.start())]
  }

  /// Starts with just the current prompt (a walk inside a series, or a follow-up question).
  public func resume(_ context: FlowContext) -> [FlowEffect] {
    self.context = context
    context.prepare(&engine)
    return [.say(engine.renderCurrent())]
  }

  public func accept(_ line: String, _ context: FlowContext) -> [FlowEffect] {
    self.context = context
    engine.width = context.width  // the terminal may have been resized since
    if UndoWord.matches(line) { return undoLast() }
    if let intercept, let effects = intercept(line, self) { return effects + endIfFinished() }
    let previous = engine.current.flatMap { engine.answers[$0.id] }
    var trial = engine
    let step = trial.accept(line)
    if let (prompt, value) = step.record, let plan = self.context.plan, let refusal = binding.validate(prompt, value, plan) {
      // Refused before the walk takes it: the prompt comes back with its answer as it was.
      return [.warn(StyledText(refusal, .warn)), .say(engine.renderCurrent())]
    }
    engine = trial
    return apply(step, previous: previous) + endIfFinished()
  }

  /// `undo` inside the walk: takes back the last answer (or list item) saved here and returns to
  /// that prompt. It never becomes an answer or an item itself.
  func undoLast() -> [FlowEffect] {
    guard let last = undoable.popLast() else {
      return [.warn(StyledText(context.l.t("Nothing to undo in this walk yet.", "本次引导中还没有可撤销的回答。"), .warn)), .say(engine.renderCurrent())]
    }
    engine.reject(last.prompt, restoring: last.previous)
    return [.undo, .say(engine.renderCurrent())]
  }

  /// The effects of one engine step: its problem, the edit that saves what it recorded, its
  /// output. (The end of the walk, when the step finished it, follows once the line is taken.)
  public func apply(_ step: WalkEngine.Step, previous: AnswerValue?) -> [FlowEffect] {
    var effects: [FlowEffect] = []
    if let problem = step.problem { effects.append(.warn(problem)) }
    if let (prompt, value) = step.record {
      let edit = binding.edit(prompt, value, approximate: step.approximate)
      let before = context.plan
      context = context.applying(edit)
      if context.plan != before { undoable.append((prompt, previous)) }
      effects.append(.edit(edit))
      effects += afterRecord?(prompt, value, context) ?? []
      if let item = step.addedItem {
        // A list item is acknowledged with "+ item" only once it is on disk.
        let kept = StyledText("  · " + item + context.l.t(" — kept in this session, not saved yet", "——已保留在本次会话中，尚未保存"), .warn)
        return effects + [.confirm(saved: step.output, notSaved: kept)]
      }
    }
    if !step.output.spans.isEmpty { effects.append(.say(step.output)) }
    return effects
  }

  private func endIfFinished() -> [FlowEffect] {
    engine.finished ? onEnd(engine, context) + [.done] : []
  }

  public func leave(_ context: FlowContext) -> [FlowEffect] {
    self.context = context
    engine.leave()
    let l = context.l
    return [.left(saved: l.t("Left the walk; every answer so far is saved.", "已离开引导；目前的所有回答都已保存。"), left: l.t("Left the walk", "已离开引导"))]
      + onEnd(engine, context) + [.done]
  }

  public func complete(_ beforeCursor: String) -> (replacing: Int, candidates: [String]) {
    if let completer, let offered = completer(beforeCursor, engine.current) { return offered }
    let word = beforeCursor.split(separator: " ").last.map(String.init) ?? ""
    let prefix = beforeCursor.hasSuffix(" ") ? "" : word
    let controls = ["back", "skip", "done"].filter { $0.hasPrefix(prefix) && !prefix.isEmpty }
    return (prefix.unicodeScalars.count, engine.completions(for: prefix) + controls)
  }
}

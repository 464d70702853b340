/// A lesson as a flow: pages of reading, then its check questions. It saves nothing itself; each
/// page read and each answer goes out as `.saveProgress` for the session to write.
public final class LessonFlow: Flow {
  public private(set) var engine: LessonEngine

  public init(engine: LessonEngine) { self.engine = engine }

  public var prompt: String { "  › " }

  public func start(_ context: FlowContext) -> [FlowEffect] {
    effects(engine.start(at: context.now))
  }

  public func accept(_ line: String, _ context: FlowContext) -> [FlowEffect] {
    var out = effects(engine.accept(line, at: context.now))
    if engine.finished { out += [.say(engine.summary()), .done] }
    return out
  }

  public func leave(_ context: FlowContext) -> [FlowEffect] {
    engine.leave()
    return [.say(engine.summary())]
  }

  public func complete(_ beforeCursor: String) -> (replacing: Int, candidates: [String]) {
    let prefix = LearningCompletion.lastWord(beforeCursor)
    guard !prefix.isEmpty else { return (0, []) }
    let words = engine.inChecks ? engine.quiz.completions(for: prefix) + ["back"] : ["back", "done"]
    return (prefix.unicodeScalars.count, words.filter { $0.hasPrefix(prefix) })
  }

  private func effects(_ step: LessonEngine.Step) -> [FlowEffect] {
    var out: [FlowEffect] = []
    if let problem = step.problem { out.append(.warn(problem)) }
    if step.read || step.answered != nil {
      out.append(.saveProgress(engine.progress, item: step.answered, lesson: step.read ? engine.lesson.id : nil))
    }
    if !step.output.spans.isEmpty { out.append(.say(step.output)) }
    return out
  }
}

/// A quiz round as a flow: every answer goes out as `.saveProgress` at once.
public final class QuizFlow: Flow {
  public private(set) var engine: QuizEngine
  let heading: StyledText

  public init(engine: QuizEngine, heading: StyledText) {
    self.engine = engine
    self.heading = heading
  }

  public var prompt: String { "  › " }

  public func start(_ context: FlowContext) -> [FlowEffect] {
    [.say(heading + StyledText("\n" + engine.instructions, .dim) + "\n" + engine.renderCurrent())]
  }

  public func accept(_ line: String, _ context: FlowContext) -> [FlowEffect] {
    engine.width = context.width
    let step = engine.accept(line, at: context.now)
    var out: [FlowEffect] = []
    if let problem = step.problem { out.append(.warn(problem)) }
    if let id = step.answered { out.append(.saveProgress(engine.progress, item: id, lesson: nil)) }
    if !step.output.spans.isEmpty { out.append(.say(step.output)) }
    if engine.finished { out += [.say(engine.summary()), .done] }
    return out
  }

  public func leave(_ context: FlowContext) -> [FlowEffect] {
    engine.leave()
    return [.say(StyledText(context.l.t("Left the quiz; every answer so far is saved.", "已离开测验；目前的所有作答都已保存。"), .dim)), .say(engine.summary())]
  }

  public func complete(_ beforeCursor: String) -> (replacing: Int, candidates: [String]) {
    let prefix = LearningCompletion.lastWord(beforeCursor)
    guard !prefix.isEmpty else { return (0, []) }
    return (prefix.unicodeScalars.count, engine.completions(for: prefix))
  }
}

enum LearningCompletion {
  /// The word being typed at the cursor ("" after a space).
  static func lastWord(_ beforeCursor: String) -> String {
    beforeCursor.hasSuffix(" ") ? "" : (beforeCursor.split(separator: " ").last.map(String.init) ?? "")
  }
}

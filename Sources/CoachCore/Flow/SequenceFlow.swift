/// A series of walks one after another (terms, people, ladder rungs…): `next` hands out the
/// following one when each ends. `done` or Ctrl-C leaves the whole series; everything answered
/// is already saved. `back` at an item's first prompt goes to the last prompt of the item
/// before; `undo` with nothing left to undo in the current item takes back the last answer
/// saved by an earlier one and returns to it — the items in between then come again as they
/// were, before the source is asked for a new one.
public final class SequenceFlow: Flow {
  /// One walk of the series.
  public struct Item {
    public var engine: WalkEngine
    public var binding: WalkBinding
    /// When the item's walk ends (a short confirmation, or more items for the source).
    public var onEnd: (WalkEngine, FlowContext) -> [FlowEffect] = { _, _ in [] }
    /// When true, an empty first answer ends this item and the series goes on (for "add
    /// another?" loops).
    public var emptyFirstAnswerEnds = false
    /// Runs after each answer is recorded (like `WalkFlow.afterRecord`).
    public var afterRecord: ((Prompt, AnswerValue, FlowContext) -> [FlowEffect])?
    /// What Tab offers where the engine has nothing (like `WalkFlow.completer`).
    public var completer: ((_ beforeCursor: String, _ prompt: Prompt?) -> (replacing: Int, candidates: [String])?)?

    public init(engine: WalkEngine, binding: WalkBinding) {
      self.engine = engine
      self.binding = binding
    }
  }

  /// What the source says before the next item (headers, the summary of a part), and the item.
  public typealias Next = (FlowContext) -> (lead: [FlowEffect], item: Item?)

  private var inner: WalkFlow?
  private var firstAnswerPending = false
  private var emptyEnds = false
  /// One walk of the series with how its loop ends, kept to go back to (or forward again).
  private struct Entry {
    let walk: WalkFlow
    let emptyEnds: Bool
    let firstAnswerPending: Bool
  }
  /// The items that ran their course, in order; and those left by going back, the next last.
  private var history: [Entry] = []
  private var forward: [Entry] = []
  let next: Next
  let onFinish: (FlowContext) -> [FlowEffect]
  let intro: StyledText

  public init(intro: StyledText, next: @escaping Next, onFinish: @escaping (FlowContext) -> [FlowEffect]) {
    self.intro = intro
    self.next = next
    self.onFinish = onFinish
  }

  public var prompt: String { inner?.prompt ?? "  › " }
  public var takesListItems: Bool { inner?.takesListItems == true && !(firstAnswerPending && emptyEnds) }

  public func start(_ context: FlowContext) -> [FlowEffect] {
    (intro.spans.isEmpty ? [] : [.say(intro)]) + advance(context)
  }

  /// Starts the next item, or finishes the series when there is none.
  private func advance(_ context: FlowContext) -> [FlowEffect] {
    while let entry = forward.popLast() {
      // Back to where the rep went back from: the items in between that ran their course
      // stay as they are.
      if entry.walk.engine.finished {
        history.append(entry)
        continue
      }
      return resume(entry, context)
    }
    let (lead, item) = next(context)
    guard let item else {
      inner = nil
      return lead + onFinish(context) + [.done]
    }
    emptyEnds = item.emptyFirstAnswerEnds
    firstAnswerPending = true
    let walk = WalkFlow(engine: item.engine, binding: item.binding, onEnd: item.onEnd)
    walk.afterRecord = item.afterRecord
    walk.completer = item.completer
    inner = walk
    return lead + walk.resume(context)
  }

  private var current: Entry? { inner.map { Entry(walk: $0, emptyEnds: emptyEnds, firstAnswerPending: firstAnswerPending) } }

  private func resume(_ entry: Entry, _ context: FlowContext) -> [FlowEffect] {
    inner = entry.walk
    emptyEnds = entry.emptyEnds
    firstAnswerPending = entry.firstAnswerPending
    return entry.walk.resume(context)
  }

  /// Leaves the current item (kept to come back to) and the finished ones after `index` for the
  /// item at `index`, which becomes the current one.
  private func rewind(to index: Int) -> Entry {
    if let current { forward.append(current) }
    while history.count > index + 1 { forward.append(history.removeLast()) }
    let entry = history.removeLast()
    inner = entry.walk
    emptyEnds = entry.emptyEnds
    firstAnswerPending = false
    return entry
  }

  public func accept(_ line: String, _ context: FlowContext) -> [FlowEffect] {
    guard let inner else { return [.done] }
    if UndoWord.matches(line), !inner.canUndo, let k = history.lastIndex(where: { $0.walk.canUndo }) {
      // Nothing to undo in this item: the last answer saved by an earlier one.
      let entry = rewind(to: k)
      _ = entry.walk.resume(context)
      return entry.walk.undoLast()
    }
    if WalkEngine.control(line.trimmingWhitespace) == .back, inner.engine.index == 0, !history.isEmpty {
      // `back` at the first prompt: the last prompt of the item before.
      let entry = rewind(to: history.count - 1)
      entry.walk.engine.reopenAtEnd()
      return entry.walk.resume(context)
    }
    if firstAnswerPending, emptyEnds, line.trimmingWhitespace.isEmpty || WalkEngine.control(line) == .skip {
      // "Enter ends the list": this loop ends, the series goes on to what follows.
      return advance(context)
    }
    firstAnswerPending = false
    var effects = inner.accept(line, context)
    guard let end = effects.lastIndex(where: { if case .done = $0 { true } else { false } }) else { return effects }
    effects.remove(at: end)
    // `done` typed in a walk leaves the whole series; a walk that ran its course hands on.
    if inner.engine.leftWithDone {
      self.inner = nil
      return effects + onFinish(inner.context) + [.done]
    }
    history.append(Entry(walk: inner, emptyEnds: emptyEnds, firstAnswerPending: false))
    return effects + advance(inner.context)
  }

  public func leave(_ context: FlowContext) -> [FlowEffect] {
    let l = context.l
    inner = nil
    return [.left(saved: l.t("Left; every answer so far is saved.", "已离开；目前的所有回答都已保存。"), left: l.t("Left", "已离开"))]
      + onFinish(context) + [.done]
  }

  public func complete(_ beforeCursor: String) -> (replacing: Int, candidates: [String]) {
    inner?.complete(beforeCursor) ?? (0, [])
  }
}

import CoachCore
import CoachTerminal

/// Runs a series of walks one after another (terms, people, ladder rungs…), asking `next` for
/// the following one when each ends. `done` or Ctrl-C leaves the whole series; everything
/// answered is already saved.
final class SequenceActivity: Activity, TakesListItems {
  /// One walk of the series.
  struct Item {
    var engine: WalkEngine
    var binding: WalkBinding
    /// Printed when the item's walk ends (a short confirmation).
    var onEnd: (Session, WalkEngine) -> Void = { _, _ in }
    /// When true, an empty first answer ends the whole series (for "add another?" loops).
    var emptyFirstAnswerEnds = false
  }

  private var inner: WalkActivity?
  private var innerEnded = false
  private var leftEarly = false
  private var firstAnswerPending = false
  private var emptyEnds = false
  let next: (Session) -> Item?
  let onFinish: (Session) -> Void
  let intro: StyledText

  init(intro: StyledText, next: @escaping (Session) -> Item?, onFinish: @escaping (Session) -> Void) {
    self.intro = intro
    self.next = next
    self.onFinish = onFinish
  }

  var prompt: String { inner?.prompt ?? "  › " }

  var takesListItems: Bool { inner?.takesListItems == true && !(firstAnswerPending && emptyEnds) }

  func start(in session: Session) {
    if !intro.spans.isEmpty { session.say(intro) }
    if !advance(session) { onFinish(session) }
  }

  /// Starts the next item; false when there is none.
  private func advance(_ session: Session) -> Bool {
    guard let item = next(session) else { return false }
    innerEnded = false
    emptyEnds = item.emptyFirstAnswerEnds
    firstAnswerPending = true
    let activity = WalkActivity(engine: item.engine, binding: item.binding) { [weak self] session, engine in
      self?.innerEnded = true
      self?.leftEarly = engine.leftEarly && WalkEngine.control(self?.lastLine ?? "") == .done
      item.onEnd(session, engine)
    }
    inner = activity
    session.prepare(&activity.engine)
    session.say(activity.engine.renderCurrent())
    return true
  }

  private var lastLine = ""

  func handle(_ line: String, in session: Session) -> Bool {
    guard let inner else { return true }
    lastLine = line
    if firstAnswerPending, emptyEnds, line.trimmingWhitespace.isEmpty || WalkEngine.control(line) == .skip {
      // "Enter ends the list": this loop ends, the series goes on to what follows.
      if !advance(session) {
        onFinish(session)
        return true
      }
      return false
    }
    firstAnswerPending = false
    if inner.handle(line, in: session) || innerEnded {
      if leftEarly || !advance(session) {
        onFinish(session)
        return true
      }
    }
    return false
  }

  func leave(in session: Session) {
    session.sayLeft(saved: session.l.t("Left; every answer so far is saved.", "已离开；目前的所有回答都已保存。"), left: session.l.t("Left", "已离开"))
    onFinish(session)
  }

  func complete(_ beforeCursor: String, in session: Session) -> Completion {
    inner?.complete(beforeCursor, in: session) ?? .none
  }
}

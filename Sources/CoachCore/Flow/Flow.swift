/// A screen that takes typed lines — a walk, a series of walks — as a state machine: it never
/// prints, saves or reads the clock. Each line comes with what the flow may read (the plan as it
/// stands, the width, today) and goes back as effects; the app's `Session` is the one place that
/// carries them out (prints, saves with undo, starts and ends flows).
public protocol Flow: AnyObject {
  /// The short prompt at the input line.
  var prompt: String { get }
  /// True when the current prompt takes a list, one item per line (a multi-line paste is split
  /// into items there).
  var takesListItems: Bool { get }
  /// The opening: the first question.
  func start(_ context: FlowContext) -> [FlowEffect]
  /// One typed line.
  func accept(_ line: String, _ context: FlowContext) -> [FlowEffect]
  /// Ctrl-C or the end of input: leave, with everything answered so far saved. The flow ends
  /// whatever the effects say.
  func leave(_ context: FlowContext) -> [FlowEffect]
  /// What Tab offers at this point: the candidates for the last `replacing` scalars typed.
  func complete(_ beforeCursor: String) -> (replacing: Int, candidates: [String])
}

extension Flow {
  public var takesListItems: Bool { false }
  public func complete(_ beforeCursor: String) -> (replacing: Int, candidates: [String]) { (0, []) }
}

/// What a flow asks for, carried out in order by the session.
public enum FlowEffect {
  /// Prose for the rep (stdout).
  case say(StyledText)
  /// A refusal or a problem with what was typed (stderr).
  case warn(StyledText)
  /// A change to the open plan, saved at once and undoable. If the plan cannot be changed (it
  /// is read-only), the session reports it and the flow ends.
  case edit(PlanEdit)
  /// Confirms the last edit: `saved` when the plan is on disk, `notSaved` when the save failed
  /// and the change is only kept in memory (a confirmation must not claim what is not true).
  case confirm(saved: StyledText?, notSaved: StyledText?)
  /// Takes back the last change (`undo` typed inside a flow).
  case undo
  /// Writes a drill transcript (its id names the file); a failure is reported and the drill
  /// goes on, saved again with the next answer.
  case saveTranscript(DrillTranscript)
  /// Confirms the last transcript save, like `confirm` for the plan.
  case confirmTranscript(saved: StyledText?, notSaved: StyledText?)
  /// Writes the learning progress after a lesson page was read (`lesson`) or a quiz item was
  /// answered (`item`); the session lays only those over the file as it is on disk.
  case saveProgress(LearningProgress, item: String?, lesson: String?)
  /// The line that ends a flow left early: `saved` when every answer is on disk, otherwise the
  /// session says what is not saved yet after `left`.
  case left(saved: String, left: String)
  /// Starts another flow on top of this one (after `done`, it takes the next line).
  case push(any Flow)
  /// This flow has ended.
  case done
  /// Writes a drill transcript over the file it was read from (a trainer's review of a saved
  /// drill, which may live in another workspace or a shared folder); confirmed like `saveTranscript`.
  case saveTranscriptFile(path: String, DrillTranscript)
}

/// One change to a plan, as a value: words for the undo list and a pure mutation. `now` is the
/// session's time as stored in the plan (answer and creation stamps).
public struct PlanEdit {
  public var description: String
  public var change: (_ plan: inout AccountPlan, _ now: String) -> Void

  public init(_ description: String, _ change: @escaping (_ plan: inout AccountPlan, _ now: String) -> Void) {
    self.description = description
    self.change = change
  }
}

/// What a flow may read when it takes a line: the plan as it stands and the session's settings.
public struct FlowContext {
  public var plan: AccountPlan?
  public var book: Playbook?
  public var l: L10n
  /// Columns to wrap text to.
  public var width: Int
  public var today: CalendarDay?
  public var now: Timestamp
  /// The currency for amounts typed without one.
  public var currency: String?
  /// A rep at a terminal (Tab completes), rather than a script.
  public var interactive = false

  public init(
    plan: AccountPlan?, book: Playbook?, l: L10n, width: Int = 80, today: CalendarDay? = nil,
    now: Timestamp, currency: String? = nil
  ) {
    self.plan = plan
    self.book = book
    self.l = l
    self.width = width
    self.today = today
    self.now = now
    self.currency = currency
  }

  /// Gives a walk what it reads answers against: the width, today (for `tomorrow`, `下周二`) and
  /// the currency for amounts typed without one.
  public func prepare(_ engine: inout WalkEngine) {
    engine.width = width
    engine.today = today
    engine.defaultCurrency = currency
  }

  /// The context after `edit`: what the session's plan is once it has carried the edit out.
  public func applying(_ edit: PlanEdit) -> FlowContext {
    guard var plan else { return self }
    edit.change(&plan, now.description)
    var next = self
    next.plan = plan
    return next
  }

  /// The plan's findings (what `check` reports), for the summaries at the end of a walk.
  public func findings() -> [Finding] {
    guard let plan, let today else { return [] }
    return PlanChecks(plan: plan, book: book, now: now, today: today).run()
  }
}

/// `undo` typed inside a walk or list: it takes back the last answer, never becomes one.
public enum UndoWord {
  public static func matches(_ line: String) -> Bool {
    ["undo", "撤销", "撤回"].contains(line.trimmingWhitespace.lowercased())
  }
}

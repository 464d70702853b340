import CoachApp
import CoachCore
import CoachStore
import CoachTerminal

/// Runs scripted sessions through the real command loop, in a temporary workspace, with a
/// fixed clock and the repository's playbooks.
public final class SessionHarness {
  public let workspace: TempWorkspace
  public var lang: Lang
  public var clock: FixedClock
  public var playbookDirectories: [String]
  public var width: Int
  /// What the settings file would hold.
  public var user = UserSettings()
  /// Where `coach config` reads and writes in this workspace.
  public var settingsFile: String { workspace.root + "/config/coach/settings.toml" }

  public init(lang: Lang = .en, now: String = "2026-11-23T09:00:00Z", workspace: TempWorkspace = TempWorkspace(), width: Int = 80) {
    self.workspace = workspace
    self.lang = lang
    self.clock = FixedClock(now)
    self.playbookDirectories = [RepositoryPaths.playbooks]
    self.width = width
  }

  public struct Result {
    public var status: Int32
    public var output: RecordingOutput
    public var reader: ScriptedLineReader
    public var session: Session
    public var out: String { output.out }
    public var err: String { output.err }
    public var transcript: String { output.transcript }
  }

  /// A session without running the loop (for driving commands directly).
  public func makeSession(interactive: Bool = false) -> (Session, RecordingOutput) {
    let output = RecordingOutput(width: width)
    let settings = Settings(
      lang: lang, paths: workspace.paths, playbookDirectories: playbookDirectories, clock: clock, interactive: interactive,
      user: user, settingsFile: settingsFile)
    let session = Session(settings: settings, output: output)
    try? session.repository.prepare(now: clock.now)
    return (session, output)
  }

  /// Feeds `lines` to the command loop and returns what it printed.
  @discardableResult
  public func run(_ lines: [String], interactive: Bool = false) -> Result {
    run(inputs: lines.map { .line($0) }, interactive: interactive)
  }

  @discardableResult
  public func run(inputs: [LineInput], interactive: Bool = false) -> Result {
    let (session, output) = makeSession(interactive: interactive)
    let reader = ScriptedLineReader(inputs, interactive: interactive)
    let status = session.runLoop(reader: reader)
    return Result(status: status, output: output, reader: reader, session: session)
  }

  /// The plan as saved on disk.
  public func plan(_ id: String) throws -> AccountPlan {
    try PlanRepository(paths: workspace.paths).load(id: id)
  }
}

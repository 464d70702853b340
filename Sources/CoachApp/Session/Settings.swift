import CoachCore
import CoachStore
import CoachTerminal

/// What a session runs with: decided once from the command line and the environment.
public struct Settings: Sendable {
  public var lang: Lang
  public var paths: WorkspacePaths
  /// Built-in playbooks first, then trainers' folders laid over them.
  public var playbookDirectories: [String]
  public var clock: any CoachClock
  /// A person is typing (prompts and line editing); false for pipes and scripts.
  public var interactive: Bool
  /// The currency stored with an amount typed without one (settings file `currency`).
  public var currency: String
  /// The rep's name, offered by drills (settings file `rep`).
  public var repName: String?
  /// Columns to wrap output to instead of the terminal's width (settings file `width`).
  public var widthOverride: Int?
  /// The hand-editable settings file `coach config` reads and writes.
  public var settingsFile: String?

  public init(
    lang: Lang, paths: WorkspacePaths, playbookDirectories: [String], clock: any CoachClock, interactive: Bool,
    user: UserSettings = UserSettings(), settingsFile: String? = nil
  ) {
    self.lang = lang
    self.paths = paths
    self.playbookDirectories = playbookDirectories
    self.clock = clock
    self.interactive = interactive
    self.currency = user.currency ?? UserSettings.defaultCurrency
    self.repName = user.rep
    self.widthOverride = user.width
    self.settingsFile = settingsFile
  }
}

/// A failed command: what to tell the user and the exit status it stands for (sysexits).
public struct CommandError: Error {
  public var message: StyledText
  public var exitCode: Int32
  public init(_ message: StyledText, exitCode: Int32 = 1) {
    self.message = message
    self.exitCode = exitCode
  }
}

/// Exit statuses (sysexits where they fit).
public enum ExitStatus {
  public static let ok: Int32 = 0
  public static let failure: Int32 = 1
  public static let usage: Int32 = 64
  public static let dataError: Int32 = 65
  public static let noInput: Int32 = 66
  public static let cannotCreate: Int32 = 73
  public static let ioError: Int32 = 74
  public static let locked: Int32 = 75
}

/// An interactive flow (a walk, a drill, a quiz) that takes the input lines until it ends.
public protocol Activity: AnyObject {
  /// The short prompt shown at the input line.
  var prompt: String { get }
  /// Called once when the activity starts: show the first question.
  func start(in session: Session)
  /// One line of input. Return true when the activity has finished.
  func handle(_ line: String, in session: Session) -> Bool
  /// Ctrl-C or end of input: leave, with everything answered so far already saved.
  func leave(in session: Session)
  /// What Tab offers at this point.
  func complete(_ beforeCursor: String, in session: Session) -> Completion
}

extension Activity {
  public func complete(_ beforeCursor: String, in session: Session) -> Completion { .none }
}

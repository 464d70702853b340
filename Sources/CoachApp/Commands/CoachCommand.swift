import ArgumentParser
import CoachCore
import CoachStore

/// The command tree shared by `coach ARGS` and the lines typed in the session.
public struct CoachCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "coach",
    abstract: "A coach for key-account sales, in your terminal.",
    version: CoachCore.version,
    subcommands: [
      NewCommand.self, OpenCommand.self, ListCommand.self, ShowCommand.self, CloseCommand.self,
      UndoCommand.self, HelpCommand.self, QuitCommand.self, ExitCommand.self, PlaybookCommand.self,
      ProfileCommand.self, StakeholdersCommand.self, DiscoverCommand.self, CheckCommand.self, QuestionsCommand.self, ObjectionCommand.self, NegotiateCommand.self,
      ActionsCommand.self,
      DrillCommand.self, ReportCommand.self,
      LearnCommand.self, QuizCommand.self,
      ExportCommand.self, ConfigCommand.self,
      MeetingCommand.self, DebriefCommand.self,
      ManageCommand.self,
      DealCommand.self,
      AgendaCommand.self, PortfolioCommand.self,
    ]
  )

  @OptionGroup public var global: GlobalOptions

  public init() {}
}

/// Options that apply to the whole program; accepted before or after the command.
public struct GlobalOptions: ParsableArguments {
  @Option(help: "Where plans are kept (env COACH_WORKSPACE).")
  public var workspace: String?

  @Option(help: "Language: en or zh (env COACH_LANG).")
  public var lang: String?

  @Option(help: "A trainer's playbook folder laid over the built-in one (env COACH_PLAYBOOKS).")
  public var playbooks: [String] = []

  @Flag(name: .customLong("no-color"), help: "No color.")
  public var noColor = false

  @Flag(help: "Read commands from standard input without line editing, even on a terminal.")
  public var batch = false

  public init() {}

  /// Reads the five global options without ArgumentParser: `--workspace DIR`, `--lang L`,
  /// `--playbooks DIR` (repeatable; also in `--name=value` form), `--no-color`, `--batch`.
  /// Nil for anything else, which then goes to the full parser (and its error messages).
  init?(simple arguments: [String]) {
    // ArgumentParser requires every wrapped property to be assigned in a custom initializer.
    var workspace: String? = nil
    var lang: String? = nil
    var playbooks: [String] = []
    var noColor = false
    var batch = false
    defer {
      self.workspace = workspace
      self.lang = lang
      self.playbooks = playbooks
      self.noColor = noColor
      self.batch = batch
    }
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      var name = a
      var value: String? = nil
      if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
        name = String(a[..<eq])
        value = String(a[a.index(after: eq)...])
      }
      switch name {
      case "--no-color" where value == nil: noColor = true
      case "--batch" where value == nil: batch = true
      case "--workspace", "--lang", "--playbooks":
        if value == nil {
          guard i + 1 < arguments.count, !arguments[i + 1].hasPrefix("-") else { return nil }
          i += 1
          value = arguments[i]
        }
        switch name {
        case "--workspace": workspace = value
        case "--lang": lang = value
        default: playbooks.append(value!)
        }
      default:
        return nil
      }
      i += 1
    }
  }
}

/// A command that runs inside a session (a typed line or `coach CMD`).
public protocol SessionCommand: ParsableCommand {
  var global: GlobalOptions { get }
  func run(in session: Session) throws(CommandError)
}

struct NewCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "new", abstract: "Create an account plan and open it.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The account's name.") var name: [String]

  func run(in session: Session) throws(CommandError) {
    let joined = name.joined(separator: " ")
    try session.create(joined)
    let plan = try session.requirePlan()
    let l = session.l
    session.say("\(l.t("Created ", "已新建 "))\(plan.name, .bold)\(l.t(" — saved as ", "，保存为 "))plans/\(plan.id).json")
  }
}

struct OpenCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "open", abstract: "Open an account plan.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The plan's name or id.", completion: .custom(PlanCompletion.planIDs)) var name: [String]

  func run(in session: Session) throws(CommandError) {
    try session.open(name.joined(separator: " "))
    let plan = try session.requirePlan()
    session.say("\(session.l.t("Opened", "已打开")) \(plan.name, .bold)\(session.l.period)")
    session.say(session.healthLine(plan))
  }
}

struct CloseCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "close", abstract: "Close the open plan.")
  @OptionGroup var global: GlobalOptions

  func run(in session: Session) throws(CommandError) {
    let plan = try session.requirePlan()
    try session.closeForSwitch()
    session.say("\(session.l.t("Closed", "已关闭")) \(plan.name, .bold)\(session.l.period)")
  }
}

struct UndoCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "undo", abstract: "Undo the last change made in this session.")
  @OptionGroup var global: GlobalOptions
  func run(in session: Session) throws(CommandError) { try session.undo() }
}

struct QuitCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "quit", abstract: "Save and leave.")
  @OptionGroup var global: GlobalOptions
  func run(in session: Session) throws(CommandError) { session.requestQuit() }
}

struct ExitCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "exit", abstract: "Save and leave.")
  @OptionGroup var global: GlobalOptions
  func run(in session: Session) throws(CommandError) { session.requestQuit() }
}

struct HelpCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "help", abstract: "Show the commands.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "A command.") var command: String?

  func run(in session: Session) throws(CommandError) {
    guard let command else { return session.showHelp(.overall) }
    guard HelpCatalog.entry(command) != nil else { throw session.unknownCommand(command) }
    session.showHelp(.command(command))
  }
}

/// Dynamic shell completion of plan ids: the shell runs `coach ---completion …`, which calls
/// this in a fresh process, so it finds the workspace from the command line and environment.
enum PlanCompletion {
  @Sendable static func planIDs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    var workspace: String? = nil
    if let i = words.firstIndex(of: "--workspace"), i + 1 < words.count { workspace = words[i + 1] }
    let paths = WorkspacePaths.resolve(
      workspace: workspace, environment: Platform.environment(),
      currentDirectory: Platform.currentDirectory())
    let ids = (try? PlanRepository(paths: paths).ids()) ?? []
    return ids.filter { $0.hasPrefix(prefix) }
  }
}

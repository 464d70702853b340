/// Where Sales Coach keeps its files (ARCHITECTURE §3), resolved from the command line and the
/// environment. Pure: the environment is passed in.
public struct WorkspacePaths: Equatable, Sendable {
  /// The workspace: plans/, sessions/ and progress.json live here.
  public var root: String
  /// The line-editor history file.
  public var history: String

  public var plans: String { root + "/plans" }
  public var sessions: String { root + "/sessions" }
  public var progress: String { root + "/progress.json" }

  public init(root: String, history: String) {
    self.root = root
    self.history = history
  }

  /// `--workspace DIR`, else `COACH_WORKSPACE`, else `$XDG_DATA_HOME/coach`, else
  /// `~/.local/share/coach`. History: `COACH_HISTORY`, else `$XDG_STATE_HOME/coach/history`, else
  /// `~/.local/state/coach/history`. Relative XDG paths are ignored, as the spec requires.
  public static func resolve(workspace: String?, environment env: [String: String], currentDirectory: String) -> WorkspacePaths {
    let home = nonEmpty(env["HOME"]) ?? "/"
    func absolute(_ p: String) -> String { p.hasPrefix("/") ? p : currentDirectory + "/" + p }
    func xdg(_ key: String, _ fallback: String) -> String {
      if let v = nonEmpty(env[key]), v.hasPrefix("/") { return v }
      return home + "/" + fallback
    }
    let root: String
    if let w = nonEmpty(workspace) ?? nonEmpty(env["COACH_WORKSPACE"]) {
      root = absolute(w)
    } else {
      root = xdg("XDG_DATA_HOME", ".local/share") + "/coach"
    }
    let history = nonEmpty(env["COACH_HISTORY"]).map(absolute) ?? xdg("XDG_STATE_HOME", ".local/state") + "/coach/history"
    return WorkspacePaths(root: trimSlash(root), history: history)
  }

  /// The settings file: `COACH_CONFIG`, else `$XDG_CONFIG_HOME/coach/settings.toml`, else
  /// `~/.config/coach/settings.toml`.
  public static func settingsFile(environment env: [String: String], currentDirectory: String) -> String {
    if let c = nonEmpty(env["COACH_CONFIG"]) { return c.hasPrefix("/") ? c : currentDirectory + "/" + c }
    if let x = nonEmpty(env["XDG_CONFIG_HOME"]), x.hasPrefix("/") { return trimSlash(x) + "/coach/settings.toml" }
    return (nonEmpty(env["HOME"]) ?? "") + "/.config/coach/settings.toml"
  }

  private static func nonEmpty(_ s: String?) -> String? {
    guard let s, !s.isEmpty else { return nil }
    return s
  }

  private static func trimSlash(_ s: String) -> String {
    var s = s
    while s.count > 1, s.hasSuffix("/") { s.removeLast() }
    return s
  }
}

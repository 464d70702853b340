import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Reads and writes the rep's settings file (see `SettingsFile` for the format).
public enum SettingsStore {
  static let limit = 64 * 1024

  /// The settings, with each problem located as `FILE:LINE: message`. A missing file is no
  /// problem (every key has a default); an unreadable one is reported and the defaults used.
  public static func load(_ path: String, l: L10n) -> (settings: UserSettings, problems: [String]) {
    let loaded = read(path)
    return (loaded.settings, loaded.problems(l))
  }

  /// The settings file read once, its problems put into words later: at launch the file is
  /// read before the session's language is known (the file may choose it).
  public struct Loaded {
    public var settings: UserSettings
    let describe: (L10n) -> [String]
    /// Each broken line as `path:line: what is wrong`, in the session's language.
    public func problems(_ l: L10n) -> [String] { describe(l) }
  }

  /// Reads and parses the settings file; a file that does not exist is the defaults.
  public static func read(_ path: String) -> Loaded {
    guard access(path, F_OK) == 0 else { return Loaded(settings: UserSettings(), describe: { _ in [] }) }
    let bytes: [UInt8]
    do { bytes = try Sys.readAll(path, limit: limit) } catch {
      return Loaded(settings: UserSettings(), describe: { l in ["\(path): " + l.t("cannot be read (\(error)); using the defaults", "无法读取（\(error)）；使用默认设置")] })
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return Loaded(settings: UserSettings(), describe: { l in ["\(path): " + l.t("is not UTF-8 text; using the defaults", "不是 UTF-8 文本；使用默认设置")] })
    }
    let (settings, problems) = SettingsFile.parse(text)
    return Loaded(settings: settings, describe: { l in problems.map { "\(path):\($0.line): " + $0.message(l) } })
  }

  /// The file's text, or "" when it does not exist yet.
  public static func text(_ path: String) throws(StoreError) -> String {
    guard access(path, F_OK) == 0 else { return "" }
    let bytes = try Sys.readAll(path, limit: limit)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Replaces the file durably (0600), creating its folder (0700) when needed.
  public static func write(_ text: String, to path: String) throws(StoreError) {
    guard let slash = path.lastIndex(of: "/") else { throw .io(operation: "write", path: path, errno: EINVAL) }
    let directory = slash == path.startIndex ? "/" : String(path[..<slash])
    try Sys.makeDirectories(directory, private: false)
    try DurableFile.write(Array(text.utf8), directory: directory, name: String(path[path.index(after: slash)...]), keepBackup: false)
  }
}

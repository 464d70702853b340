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
    guard access(path, F_OK) == 0 else { return (UserSettings(), []) }
    let bytes: [UInt8]
    do { bytes = try Sys.readAll(path, limit: limit) } catch {
      return (UserSettings(), ["\(path): " + l.t("cannot be read (\(error)); using the defaults", "无法读取（\(error)）；使用默认设置")])
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return (UserSettings(), ["\(path): " + l.t("is not UTF-8 text; using the defaults", "不是 UTF-8 文本；使用默认设置")])
    }
    let (settings, problems) = SettingsFile.parse(text)
    return (settings, problems.map { "\(path):\($0.line): " + $0.message(l) })
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

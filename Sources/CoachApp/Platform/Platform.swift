#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The seam for what coach asks of the operating system outside the workspace files (those go
/// through CoachStore) and the terminal (CoachTerminal): the process's set-up, environment,
/// working directory and executable.
public enum Platform {
  /// Before anything is written: private files (umask 077); a full disk or a closed reader is
  /// an error to report (EFBIG, EPIPE), not a signal that kills coach mid-save.
  public static func prepareProcess() {
    umask(0o077)
    signal(SIGXFSZ, SIG_IGN)
    signal(SIGPIPE, SIG_IGN)
  }

  /// The variables coach reads: looked up one by one rather than copying the whole environment.
  public static let knownVariables = [
    "HOME", "USER", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "COACH_WORKSPACE", "COACH_HISTORY", "COACH_LANG",
    "COACH_PLAYBOOKS", "COACH_CONFIG", "COACH_NOW", "LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR", "TERM", "COLUMNS",
  ]

  public static func environment(_ keys: [String]) -> [String: String] {
    var result: [String: String] = [:]
    for key in keys { if let v = getenv(key) { result[key] = String(cString: v) } }
    return result
  }

  public static func environment() -> [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let pair = String(cString: entry)
      if let eq = pair.firstIndex(of: "=") {
        result[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
      }
      pointer += 1
    }
    return result
  }

  public static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return "/" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The directory holding the running executable (resolving symlinks), for built-in files.
  public static func executableDirectory() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard n > 0 else { return nil }
    let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard let slash = path.lastIndex(of: "/") else { return nil }
    return String(path[..<slash])
  }

  /// `path` with `..`, `.` and symlinks resolved (as it is if it cannot be), so messages name a
  /// built-in file as `/src/coach/playbooks/en/answers.yaml`, not `…/debug/../../../playbooks/…`.
  public static func resolved(_ path: String) -> String {
    guard let p = realpath(path, nil) else { return path }
    defer { free(p) }
    return String(cString: p)
  }

  public static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }
}

extension Platform {
  /// True when two paths name the same folder (same device and inode).
  public static func sameDirectory(_ a: String, _ b: String) -> Bool {
    var x = stat()
    var y = stat()
    guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
    return x.st_dev == y.st_dev && x.st_ino == y.st_ino
  }

  /// A path as the user would like to read it: relative to the working directory when inside
  /// it, `~/…` inside the home folder, otherwise absolute; `..` segments resolved.
  public static func shortPath(_ path: String) -> String {
    let resolved = normalise(path)
    let cwd = currentDirectory()
    if resolved.hasPrefix(cwd + "/") { return String(resolved.dropFirst(cwd.count + 1)) }
    if let home = environment()["HOME"], !home.isEmpty, home != "/", resolved.hasPrefix(home + "/") {
      return "~/" + resolved.dropFirst(home.count + 1)
    }
    return resolved
  }

  static func normalise(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      if part == "." { continue }
      if part == "..", !parts.isEmpty {
        parts.removeLast()
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }
}

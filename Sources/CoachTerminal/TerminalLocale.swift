#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's character locale, which libedit needs to read and show anything beyond ASCII.
///
/// In the "C" locale libedit silently drops non-ASCII input and, worse, loads history without
/// its non-ASCII entries and then saves that loss back to disk. `LANG` is often unset in CI and
/// containers, hence the `C.UTF-8` fallback.
public enum TerminalLocale {
  /// Call first thing at process start, before any line reader exists.
  ///
  /// Runs `setlocale(LC_CTYPE, "")`; if the resulting code set is not UTF-8, tries
  /// `setlocale(LC_CTYPE, "C.UTF-8")`. Only `LC_CTYPE` changes: number and date formatting are
  /// untouched. Returns whether the character locale is UTF-8 now.
  @discardableResult
  public static func setUp() -> Bool {
    setUpReporting().isUTF8
  }

  /// What `setUpReporting` did.
  public struct Outcome: Equatable, Sendable {
    /// Whether the character locale is UTF-8 now.
    public var isUTF8: Bool
    /// The locale the environment asks for (`LC_ALL`, else `LC_CTYPE`, else `LANG`) when it is
    /// not installed here, so another one is used; nil when the requested one is in force (or
    /// none was requested).
    public var missing: String?
    /// The character locale in force now (e.g. `C.UTF-8`).
    public var inUse: String
  }

  /// `setUp()`, saying whether the requested locale was missing, for a one-line notice.
  public static func setUpReporting() -> Outcome {
    let names: [String] = ["LC_ALL", "LC_CTYPE", "LANG"]
    let requested = names.compactMap { (name: String) -> String? in getenv(name).map { String(cString: $0) } }.first { !$0.isEmpty }
    let found = setlocale(LC_CTYPE, "") != nil
    if !isUTF8 {
      _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
    let inUse = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
    return Outcome(isUTF8: isUTF8, missing: found ? nil : requested, inUse: inUse)
  }

  /// Whether the calling thread's character locale uses UTF-8 (`nl_langinfo(CODESET)`).
  /// `LibeditLineReader` reads this when it is created to decide whether it may load and save
  /// history. It honours `uselocale(3)`, which is how tests force a non-UTF-8 locale on one thread.
  public static var isUTF8: Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).lowercased().filter { $0 != "-" && $0 != "_" }
    return name == "utf8"
  }
}

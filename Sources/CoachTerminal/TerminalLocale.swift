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
    _ = setlocale(LC_CTYPE, "")
    if !isUTF8 {
      _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
    return isUTF8
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

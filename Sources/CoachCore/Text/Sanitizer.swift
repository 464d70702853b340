/// The one sanitiser: every string that came from a plan, a playbook or the user passes through
/// it before it reaches the terminal. Control characters and escape sequences are shown as
/// visible text (`\u{1B}`), never emitted, so a hostile answer or playbook cannot move the
/// cursor, retitle the window, write the clipboard or reorder text (CVE-2021-25743 and kin).
public enum Sanitizer {
  /// Renders unsafe characters visibly. With `multiline`, newlines are kept; otherwise they are
  /// shown as `⏎`. Tabs become a single space.
  public static func clean(_ text: String, multiline: Bool = true) -> String {
    // Fast path: nothing to do for ordinary text. On the UTF-8 bytes when they are at hand
    // (measured: the generic walk of `unicodeScalars` here was 3 % of a warm `agenda` over
    // 10,000 plans, every table line and span passing through it).
    let clean = text.utf8.withContiguousStorageIfAvailable { !needsCleaning($0, multiline: multiline) }
    if clean ?? !text.unicodeScalars.contains(where: { isUnsafe($0) || $0 == "\t" || (!multiline && $0 == "\n") }) {
      return text
    }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        if multiline { out.append("\n") } else { out.append("⏎") }
      } else if scalar == "\t" {
        out.append(" ")
      } else if isUnsafe(scalar) {
        out.append(visible(scalar))
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether these UTF-8 bytes hold a scalar that `clean` changes: an unsafe one, a tab, or
  /// (without `multiline`) a line feed.
  static func needsCleaning(_ b: UnsafeBufferPointer<UInt8>, multiline: Bool) -> Bool {
    var i = 0
    let n = b.count
    while i < n {
      if eightPrintableASCII(b, at: i) {
        i += 8
        continue
      }
      let x = b[i]
      if x < 0x80 {
        if x < 0x20 || x == 0x7F {
          if x == 0x0A && multiline {
            i += 1
            continue
          }
          return true
        }
        i += 1
        continue
      }
      let length = x >= 0xF0 ? 4 : x >= 0xE0 ? 3 : 2
      guard i + length <= n else { return true }
      var v = UInt32(x) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
      for k in 1..<length { v = v << 6 | UInt32(b[i + k] & 0x3F) }
      if isUnsafe(value: v) { return true }
      i += length
    }
    return false
  }

  /// True for C0/C1 controls (except newline and tab, handled by the caller), DEL, and the
  /// bidirectional and invisible formatting characters used to disguise text.
  public static func isUnsafe(_ s: Unicode.Scalar) -> Bool { isUnsafe(value: s.value) }

  @inline(__always) static func isUnsafe(value v: UInt32) -> Bool {
    if v < 0x20 { return v != 0x0A && v != 0x09 }
    if v == 0x7F || (0x80...0x9F).contains(v) { return true }
    switch v {
    case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0x061C, 0xFEFF, 0xFFF9...0xFFFB: return true
    default: return false
    }
  }

  private static func visible(_ s: Unicode.Scalar) -> String {
    switch s {
    case "\r": return "\\r"
    default:
      let hex = String(s.value, radix: 16, uppercase: true)
      return "\\u{" + (hex.count < 2 ? "0" : "") + hex + "}"
    }
  }
}

/// The one sanitiser: every string that came from a plan, a playbook or the user passes through
/// it before it reaches the terminal. Control characters and escape sequences are shown as
/// visible text (`\u{1B}`), never emitted, so a hostile answer or playbook cannot move the
/// cursor, retitle the window, write the clipboard or reorder text (CVE-2021-25743 and kin).
public enum Sanitizer {
  /// Renders unsafe characters visibly. With `multiline`, newlines are kept; otherwise they are
  /// shown as `⏎`. Tabs become a single space.
  public static func clean(_ text: String, multiline: Bool = true) -> String {
    // Fast path: nothing to do for ordinary text.
    if !text.unicodeScalars.contains(where: { isUnsafe($0) || $0 == "\t" || (!multiline && $0 == "\n") }) {
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

  /// True for C0/C1 controls (except newline and tab, handled by the caller), DEL, and the
  /// bidirectional and invisible formatting characters used to disguise text.
  public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
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

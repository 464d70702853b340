/// Makes any text safe as HTML element content or a double-quoted attribute value: `& < > " '`
/// become character references, control characters and escape sequences are shown visibly
/// (`Sanitizer`), and noncharacters, which HTML forbids, are shown as `\u{…}` too.
public enum HTMLEscape {
  public static func text(_ raw: String) -> String {
    let clean = Sanitizer.clean(raw)
    var out = ""
    out.reserveCapacity(clean.utf8.count + 16)
    for s in clean.unicodeScalars {
      switch s {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        if isNoncharacter(s) {
          out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
        } else {
          out.unicodeScalars.append(s)
        }
      }
    }
    return out
  }

  static func isNoncharacter(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
  }
}

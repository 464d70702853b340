/// Writes JSON the way plans are kept on disk: UTF-8, two-space indentation, keys sorted by
/// code point, one value per line, a final newline. The same plan always gives the same bytes,
/// so plans diff cleanly in git.
public enum JSONWriter {
  public static func pretty(_ value: JSONValue) -> String {
    var out = ""
    out.reserveCapacity(4096)
    write(value, indent: 0, into: &out)
    out.append("\n")
    return out
  }

  /// One line, no spaces: for JSON output on stdout and for tests.
  public static func compact(_ value: JSONValue) -> String {
    var out = ""
    writeCompact(value, into: &out)
    return out
  }

  static func sortedKeys(_ object: [String: JSONValue]) -> [String] {
    object.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
  }

  private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
    switch value {
    case .array(let items):
      if items.isEmpty { out.append("[]"); return }
      out.append("[\n")
      for (i, item) in items.enumerated() {
        pad(indent + 1, &out)
        write(item, indent: indent + 1, into: &out)
        out.append(i + 1 < items.count ? ",\n" : "\n")
      }
      pad(indent, &out)
      out.append("]")
    case .object(let object):
      if object.isEmpty { out.append("{}"); return }
      out.append("{\n")
      let keys = sortedKeys(object)
      for (i, key) in keys.enumerated() {
        pad(indent + 1, &out)
        writeString(key, into: &out)
        out.append(": ")
        write(object[key]!, indent: indent + 1, into: &out)
        out.append(i + 1 < keys.count ? ",\n" : "\n")
      }
      pad(indent, &out)
      out.append("}")
    default:
      writeScalar(value, into: &out)
    }
  }

  private static func writeCompact(_ value: JSONValue, into out: inout String) {
    switch value {
    case .array(let items):
      out.append("[")
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(",") }
        writeCompact(item, into: &out)
      }
      out.append("]")
    case .object(let object):
      out.append("{")
      for (i, key) in sortedKeys(object).enumerated() {
        if i > 0 { out.append(",") }
        writeString(key, into: &out)
        out.append(":")
        writeCompact(object[key]!, into: &out)
      }
      out.append("}")
    default:
      writeScalar(value, into: &out)
    }
  }

  private static func writeScalar(_ value: JSONValue, into out: inout String) {
    switch value {
    case .null: out.append("null")
    case .bool(let b): out.append(b ? "true" : "false")
    case .number(let n): out.append(formatNumber(n))
    case .string(let s): writeString(s, into: &out)
    case .array, .object: break
    }
  }

  /// Integers print without a decimal point; other numbers in Swift's shortest round-trip form.
  public static func formatNumber(_ n: Double) -> String {
    guard n.isFinite else { return "null" }
    if n.rounded() == n, abs(n) < 1e15 { return String(Int(n)) }
    return n.description
  }

  private static func pad(_ level: Int, _ out: inout String) {
    for _ in 0..<level { out.append("  ") }
  }

  static func writeString(_ s: String, into out: inout String) {
    out.append("\"")
    var needsEscape = false
    for unit in s.utf8 where unit < 0x20 || unit == 0x22 || unit == 0x5C || unit == 0x7F {
      needsEscape = true
      break
    }
    if !needsEscape {
      out.append(s)
    } else {
      for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out.append("\\\"")
        case "\\": out.append("\\\\")
        case "\n": out.append("\\n")
        case "\r": out.append("\\r")
        case "\t": out.append("\\t")
        case "\u{08}": out.append("\\b")
        case "\u{0C}": out.append("\\f")
        default:
          if scalar.value < 0x20 || scalar.value == 0x7F {
            let hex = String(scalar.value, radix: 16)
            out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
          } else {
            out.unicodeScalars.append(scalar)
          }
        }
      }
    }
    out.append("\"")
  }
}

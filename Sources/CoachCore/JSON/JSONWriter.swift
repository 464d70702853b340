/// Writes JSON the way plans are kept on disk: UTF-8, two-space indentation, keys sorted by
/// code point, one value per line, a final newline. The same plan always gives the same bytes,
/// so plans diff cleanly in git.
public enum JSONWriter {
  public static func pretty(_ value: JSONValue) -> String {
    String(decoding: prettyBytes(value), as: UTF8.self)
  }

  /// The pretty form as UTF-8 bytes: what a save writes, without building a String first.
  public static func prettyBytes(_ value: JSONValue) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(16_384)
    write(value, indent: 0, into: &out)
    out.append(0x0A)
    return out
  }

  /// One line, no spaces: for JSON output on stdout and for tests.
  public static func compact(_ value: JSONValue) -> String {
    var out: [UInt8] = []
    writeCompact(value, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  static func sortedKeys(_ object: [String: JSONValue]) -> [String] {
    // Byte order of UTF-8 is code-point order, and much cheaper to compare.
    object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  private static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
    switch value {
    case .array(let items):
      if items.isEmpty {
        out.append(contentsOf: [0x5B, 0x5D])
        return
      }
      out.append(contentsOf: [0x5B, 0x0A])
      for (i, item) in items.enumerated() {
        pad(indent + 1, &out)
        write(item, indent: indent + 1, into: &out)
        if i + 1 < items.count { out.append(0x2C) }
        out.append(0x0A)
      }
      pad(indent, &out)
      out.append(0x5D)
    case .object(let object):
      if object.isEmpty {
        out.append(contentsOf: [0x7B, 0x7D])
        return
      }
      out.append(contentsOf: [0x7B, 0x0A])
      // The members sorted with their values, not the keys alone: looking each value up again
      // by its key hashed every key of the plan once more (callgrind, encoding a 50 KB plan).
      let members = object.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
      for (i, member) in members.enumerated() {
        pad(indent + 1, &out)
        writeString(member.key, into: &out)
        out.append(contentsOf: [0x3A, 0x20])
        write(member.value, indent: indent + 1, into: &out)
        if i + 1 < members.count { out.append(0x2C) }
        out.append(0x0A)
      }
      pad(indent, &out)
      out.append(0x7D)
    default:
      writeScalar(value, into: &out)
    }
  }

  private static func writeCompact(_ value: JSONValue, into out: inout [UInt8]) {
    switch value {
    case .array(let items):
      out.append(0x5B)
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(0x2C) }
        writeCompact(item, into: &out)
      }
      out.append(0x5D)
    case .object(let object):
      out.append(0x7B)
      for (i, key) in sortedKeys(object).enumerated() {
        if i > 0 { out.append(0x2C) }
        writeString(key, into: &out)
        out.append(0x3A)
        writeCompact(object[key]!, into: &out)
      }
      out.append(0x7D)
    default:
      writeScalar(value, into: &out)
    }
  }

  private static func writeScalar(_ value: JSONValue, into out: inout [UInt8]) {
    switch value {
    case .null: out.append(contentsOf: Array("null".utf8))
    case .bool(let b): out.append(contentsOf: Array((b ? "true" : "false").utf8))
    case .number(let n): out.append(contentsOf: Array(formatNumber(n).utf8))
    case .numberText(let text): out.append(contentsOf: Array(text.utf8))
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

  private static func pad(_ level: Int, _ out: inout [UInt8]) {
    for _ in 0..<(level * 2) { out.append(0x20) }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  static func writeString(_ s: String, into out: inout [UInt8]) {
    out.append(0x22)
    var utf8 = s.utf8
    let clean = utf8.withContiguousStorageIfAvailable { buffer -> Bool in
      for b in buffer where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return false }
      out.append(contentsOf: buffer)
      return true
    }
    if clean != true {
      if clean == nil {
        var copy = s
        copy.makeContiguousUTF8()
        utf8 = copy.utf8
      }
      for b in utf8 {
        switch b {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: out.append(contentsOf: [0x5C, 0x72])
        case 0x09: out.append(contentsOf: [0x5C, 0x74])
        case 0x08: out.append(contentsOf: [0x5C, 0x62])
        case 0x0C: out.append(contentsOf: [0x5C, 0x66])
        case _ where b < 0x20 || b == 0x7F:
          out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xF)]])
        default: out.append(b)
        }
      }
    }
    out.append(0x22)
  }
}

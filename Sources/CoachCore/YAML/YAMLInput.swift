// Whole-input checks that run before any parsing: size, UTF-8 validity (for byte input) and
// characters the playbook subset never accepts (control characters, lone carriage returns,
// Unicode line separators, stray byte-order marks). One linear pass each.

enum YAMLInput {
  /// Counts Unicode scalars in `bytes[from..<to]` (the bytes are valid UTF-8).
  @inline(__always)
  static func scalarCount(_ bytes: [UInt8], from: Int, to: Int) -> Int {
    var count = 0
    var i = from
    while i < to {
      if bytes[i] & 0xC0 != 0x80 { count += 1 }
      i += 1
    }
    return count
  }

  static func location(_ bytes: [UInt8], file: String, line: Int, lineStart: Int, offset: Int) -> YAMLLocation {
    YAMLLocation(file: file, line: line, column: 1 + scalarCount(bytes, from: lineStart, to: offset))
  }

  static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// Whether a code point is a control character the subset rejects (C0 other than tab, line
  /// feed and carriage return; DEL; C1).
  static func isForbiddenControl(_ value: UInt32) -> Bool {
    (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (value >= 0x7F && value <= 0x9F)
  }

  /// Checks that `bytes` is well-formed UTF-8 (no overlong forms, surrogates or values above
  /// U+10FFFF). Used for byte input; a Swift `String` is valid by construction.
  static func validateUTF8(_ bytes: [UInt8], from start: Int, file: String) throws(YAMLError) {
    var i = start
    var line = 1
    var lineStart = start
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        if b == 0x0A {
          line += 1
          lineStart = i + 1
        }
        i += 1
        continue
      }
      var need = 0
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch b {
      case 0xC2...0xDF: need = 1
      case 0xE0:
        need = 2
        lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: need = 2
      case 0xED:
        need = 2
        upper = 0x9F
      case 0xF0:
        need = 3
        lower = 0x90
      case 0xF1...0xF3: need = 3
      case 0xF4:
        need = 3
        upper = 0x8F
      default: need = -1
      }
      var ok = need > 0 && i + need < n
      if ok {
        for k in 1...need {
          let c = bytes[i + k]
          let lo: UInt8 = k == 1 ? lower : 0x80
          let hi: UInt8 = k == 1 ? upper : 0xBF
          if c < lo || c > hi {
            ok = false
            break
          }
        }
      }
      if !ok {
        let column = 1 + scalarCount(bytes, from: lineStart, to: i)
        throw YAMLError(
          location: YAMLLocation(file: file, line: line, column: column),
          text: Bilingual(
            "the file is not valid UTF-8 (byte 0x\(String(b, radix: 16, uppercase: true))); save it as UTF-8 text",
            "文件不是有效的 UTF-8（字节 0x\(String(b, radix: 16, uppercase: true))）；请以 UTF-8 编码保存"))
      }
      i += need + 1
    }
  }

  /// Rejects characters the subset never accepts anywhere, reporting the first one.
  static func checkCharacters(_ bytes: [UInt8], from start: Int, file: String) throws(YAMLError) {
    var i = start
    var line = 1
    var lineStart = start
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b >= 0x20 && b < 0x7F {
        i += 1
        continue
      }
      var problem: Bilingual? = nil
      switch b {
      case 0x0A:
        line += 1
        lineStart = i + 1
      case 0x09:
        break
      case 0x0D:
        if i + 1 >= n || bytes[i + 1] != 0x0A {
          problem = Bilingual(
            "found a carriage return (U+000D) that is not followed by a line feed; save the file with LF or CRLF line endings",
            "有一个后面没有换行符的回车符（U+000D）；请以 LF 或 CRLF 换行格式保存文件")
        }
      case 0xC2:
        if i + 1 < n, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F {
          let value = UInt32(bytes[i + 1])
          problem =
            value == 0x85
            ? Bilingual(
              "found the next-line character U+0085, which YAML treats as a line break; use an ordinary line break",
              "有一个下一行字符 U+0085，YAML 会把它当作换行；请改用普通换行")
            : controlCharacter(value)
        }
      case 0xE2:
        if i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
          let value: UInt32 = bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029
          problem = Bilingual(
            "found the Unicode line separator \(hex(value)), which YAML treats as a line break; use an ordinary line break",
            "有一个 Unicode 行分隔符 \(hex(value))，YAML 会把它当作换行；请改用普通换行")
        }
      case 0xEF:
        if i + 2 < n, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF {
          problem = Bilingual(
            "found a byte-order mark (U+FEFF) inside the file; it is only allowed as the very first character — delete it",
            "文件中间有一个字节顺序标记（U+FEFF）；它只能作为文件的第一个字符出现——请删除它")
        } else if i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF {
          let value: UInt32 = bytes[i + 2] == 0xBE ? 0xFFFE : 0xFFFF
          problem = Bilingual("found the non-character \(hex(value)); it is not allowed in playbooks", "有一个非字符码位 \(hex(value))；剧本中不允许出现")
        }
      default:
        if b < 0x20 || b == 0x7F {
          problem = controlCharacter(UInt32(b))
        }
      }
      if let problem {
        throw YAMLError(location: location(bytes, file: file, line: line, lineStart: lineStart, offset: i), text: problem)
      }
      i += 1
    }
  }

  static func controlCharacter(_ value: UInt32) -> Bilingual {
    Bilingual(
      "found the control character \(hex(value)); control characters are not allowed in playbooks (only tabs, line feeds and carriage returns are)",
      "有一个控制字符 \(hex(value))；剧本中不允许出现控制字符（只允许制表符、换行符和回车符）")
  }
}

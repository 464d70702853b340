/// Terminal column widths: East Asian wide and fullwidth characters take two columns,
/// combining marks and invisible formatting none. Tables, wrapping and bars all measure with it.
public enum DisplayWidth {
  public static func of(_ text: some StringProtocol) -> Int {
    // Fast path, scalar by scalar: printable ASCII is one column, the common CJK blocks two,
    // and neither ever joins another scalar into one character. Anything else (a combining
    // mark, an emoji, a variation selector, a control) takes the character-by-character path.
    // Measured: tables and wrapping over 10,000 plan names spent most of their time splitting
    // text into characters (grapheme breaking) here.
    if let fast = text.utf8.withContiguousStorageIfAvailable(simpleWidth) {
      return fast ?? characterWidth(text)
    }
    var width = 0
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v >= 0x20 && v < 0x7F {
        width += 1
      } else if isCommonWide(v) {
        width += 2
      } else {
        return characterWidth(text)
      }
    }
    return width
  }

  /// The width of simple text on its UTF-8 bytes, nil for any other text: printable ASCII
  /// and U+00A0–U+02FF are one column, the common CJK blocks two, and none of them joins
  /// another scalar into one character (a combining mark that would is not simple), so the sum
  /// is what the character walk gives. Measured (callgrind, warm `agenda` over 10,000 plans):
  /// decoding scalars through the generic `unicodeScalars` view was 4 % of the instructions;
  /// the dashes and quotes U+2010–U+2027 and the box drawing and block elements U+2500–U+259F
  /// (one column each; `list`'s bars, every table's rule) took the character walk, a fifth of
  /// a warm `list` over 10,000 plans.
  static func simpleWidth(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    var width = 0
    var i = 0
    let n = b.count
    while i < n {
      if eightPrintableASCII(b, at: i) {
        width += 8
        i += 8
        continue
      }
      let x = b[i]
      if x < 0x80 {
        guard x >= 0x20 && x < 0x7F else { return nil }
        width += 1
        i += 1
      } else if x < 0xE0 {
        // U+00A0–U+02FF: lead bytes C2 (from A0) to CB.
        guard i + 1 < n, x >= 0xC2, x <= 0xCB, x > 0xC2 || b[i + 1] >= 0xA0 else { return nil }
        width += 1
        i += 2
      } else if x < 0xF0, i + 2 < n {
        let v = UInt32(x & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
        if isCommonWide(v) {
          width += 2
        } else if (v >= 0x2010 && v <= 0x2027) || (v >= 0x2500 && v <= 0x259F) {
          width += 1
        } else {
          return nil
        }
        i += 3
      } else {
        return nil
      }
    }
    return width
  }

  /// CJK ideographs (and extension A), Hangul syllables, CJK symbols and punctuation (without
  /// the combining tone marks U+302A–302F), fullwidth forms: two columns, never combining.
  @inline(__always) static func isCommonWide(_ v: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xAC00...0xD7A3).contains(v)
      || ((0x3000...0x303E).contains(v) && !(0x302A...0x302F).contains(v)) || (0xFF01...0xFF60).contains(v)
  }

  /// The width character by character (grapheme clusters).
  static func characterWidth(_ text: some StringProtocol) -> Int {
    var width = 0
    for character in text { width += of(character) }
    return width
  }

  public static func of(_ character: Character) -> Int {
    var width = 0
    var sawEmojiPresentation = false
    for scalar in character.unicodeScalars {
      if scalar.value == 0xFE0F { sawEmojiPresentation = true }
      width = max(width, of(scalar))
    }
    if sawEmojiPresentation { width = 2 }
    return width
  }

  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (0x7F...0x9F).contains(v) { return 0 }
    if v < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if v == 0x200B { return 0 }
    return isWide(v) ? 2 : 1
  }

  /// East Asian Width W and F (Unicode 15), plus emoji presentation ranges.
  static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
      0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
      0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
      0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
      0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
      0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
      0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F320,
      0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA,
      0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440,
      0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A,
      0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC,
      0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC,
      0x1F7E0...0x1F7EB, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
      0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// Pads with spaces on the right to `width` columns (no-op when already wider).
  public static func padRight(_ text: String, to width: Int) -> String {
    let w = of(text)
    return w >= width ? text : text + String(repeating: " ", count: width - w)
  }

  public static func padLeft(_ text: String, to width: Int) -> String {
    let w = of(text)
    return w >= width ? text : String(repeating: " ", count: width - w) + text
  }

  /// Cuts to at most `width` columns, ending with `…` when something was cut.
  public static func truncate(_ text: String, to width: Int) -> String {
    guard of(text) > width else { return text }
    guard width > 1 else { return width == 1 ? "…" : "" }
    var out = ""
    var used = 0
    for character in text {
      let w = of(character)
      if used + w > width - 1 { break }
      out.append(character)
      used += w
    }
    return out + "…"
  }
}

extension Wrap {
  /// `wrapParagraph` for text whose every scalar is its own character and one or two columns
  /// wide — printable ASCII, U+00A0–U+02FF, the general punctuation U+2010–U+2027 (dashes,
  /// curly quotes, `•`, `…`), box drawing and blocks U+2500–U+259F and the common CJK blocks
  /// of `DisplayWidth.isCommonWide` —, done
  /// on the UTF-8 bytes: the same tokens (a run of narrow scalars, one CJK scalar, one space;
  /// closing punctuation glued to what precedes it, opening punctuation to what follows) and
  /// the same lines as the character walk of `tokens`, without making a `String` or hashing a
  /// `Character` per token. Nil for any other text (controls, combining marks, emoji, other
  /// scripts…), which takes the character walk.
  ///
  /// Measured (callgrind, release build, warm `coach agenda` over the benchmark's 10,000 plans,
  /// whose texts mix English and Chinese): `tokens` alone was 23 % of the instructions, its
  /// `Set<Character>` look-ups and `String` comparisons most of that.
  static func simpleLines(_ paragraph: String, width: Int) -> [String]? {
    paragraph.utf8.withContiguousStorageIfAvailable { simpleLines($0, width: width) } ?? nil
  }

  /// The width of the widest token `simpleLines` would lay out (what a table column needs so
  /// that no word of the text is broken), found on the bytes without making any line; nil
  /// for text that is not simple or holds a code span.
  static func simpleLongestToken(_ text: String) -> Int? {
    text.utf8.withContiguousStorageIfAvailable { b -> Int? in
      var state = SimpleWrap(b: b, width: Int.max / 2)
      state.measuring = true
      guard scan(b, into: &state) else { return nil }
      _ = state.finish()
      return state.longest
    } ?? nil
  }

  /// 1 or 2 for a scalar of simple text, 0 for any other.
  @inline(__always) private static func simpleWidth(_ v: UInt32) -> Int {
    if v >= 0x20 && v < 0x7F { return 1 }
    if v >= 0xA0 && v < 0x300 { return 1 }
    if v >= 0x2010 && v <= 0x2027 { return 1 }
    if v >= 0x2500 && v <= 0x259F { return 1 }
    return DisplayWidth.isCommonWide(v) ? 2 : 0
  }

  /// `noBreakBefore` as scalars (each of its characters is one scalar).
  @inline(__always) private static func breaksNotBefore(_ v: UInt32) -> Bool {
    switch v {
    case 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300D, 0x300F, 0x300B, 0x3011, 0x3009, 0x3015, 0xFF5D,
      0x201D, 0x2019, 0x2026, 0x00B7, 0xFF05, 0xFF5E,
      0x2C, 0x2E, 0x3B, 0x3A, 0x3F, 0x21, 0x29, 0x5D, 0x7D, 0x25:
      return true
    default: return false
    }
  }

  /// `noBreakAfter` as scalars.
  @inline(__always) private static func breaksNotAfter(_ v: UInt32) -> Bool {
    switch v {
    case 0x300C, 0x300E, 0x300A, 0x3010, 0x3008, 0x3014, 0xFF5B, 0x201C, 0x2018, 0xFF08, 0x28, 0x5B, 0x7B: return true
    default: return false
    }
  }

  private static func simpleLines(_ b: UnsafeBufferPointer<UInt8>, width: Int) -> [String]? {
    var state = SimpleWrap(b: b, width: width)
    guard scan(b, into: &state) else { return nil }
    return state.finish()
  }

  /// Feeds the scalars of `b` to `state`; false for text that is not simple, or that holds a
  /// code span (`…` is one unbreakable token: see `Wrap.tokens`).
  private static func scan(_ b: UnsafeBufferPointer<UInt8>, into state: inout SimpleWrap) -> Bool {
    let n = b.count
    var backquotes = 0
    var i = 0
    while i < n {
      let x = b[i]
      if x < 0x80 {
        // ASCII first: most of what is wrapped.
        if x == 0x20 {
          state.space(at: i)
        } else if x > 0x20 && x < 0x7F {
          if x == 0x60 {
            backquotes += 1
            if backquotes == 2 { return false }
          }
          state.narrow(i, i + 1, UInt32(x))
        } else {
          return false
        }
        i += 1
        continue
      }
      let v: UInt32
      let length: Int
      if x >= 0xC0 && x < 0xE0 && i + 1 < n {
        v = UInt32(x & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
        length = 2
      } else if x >= 0xE0 && x < 0xF0 && i + 2 < n {
        v = UInt32(x & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
        length = 3
      } else {
        return false
      }
      switch simpleWidth(v) {
      case 1: state.narrow(i, i + length, v)
      case 2: state.wide(i, i + length, v)
      default: return false
      }
      i += length
    }
    return true
  }

  /// The state of `simpleLines`: the line being filled (always a run of the paragraph's own
  /// bytes: spaces between two tokens on one line are all kept, or the second would not have
  /// fitted), the pending token (the last of `tokens`, not a space) and the run of narrow
  /// scalars being read. A struct of plain fields rather than nested functions sharing
  /// captured variables, which were not inlined (callgrind: 200 instructions a token).
  private struct SimpleWrap {
    let b: UnsafeBufferPointer<UInt8>
    let width: Int
    var lines: [String] = []
    var lineStart = -1
    var lineEnd = 0
    var lineWidth = 0
    var pendingStart = -1
    var pendingEnd = 0
    var pendingWidth = 0
    var glueNext = false
    var runStart = 0
    var runEnd = 0
    var runWidth = 0
    var runFirst: UInt32 = 0
    var runLast: UInt32 = 0
    /// Only measuring: `longest` is kept and no line is made.
    var measuring = false
    var longest = 0

    init(b: UnsafeBufferPointer<UInt8>, width: Int) {
      self.b = b
      self.width = width
    }

    mutating func emit(trimming: Bool) {
      var end = lineEnd
      if trimming { while end > lineStart, b[end - 1] == 0x20 { end -= 1 } }
      lines.append(String(decoding: UnsafeBufferPointer(rebasing: b[lineStart..<end]), as: UTF8.self))
      lineStart = -1
      lineWidth = 0
    }

    /// One token onto the lines, as `walkedLines` lays it out.
    mutating func layOut(_ start: Int, _ end: Int, _ w: Int) {
      if measuring {
        longest = max(longest, w)
        return
      }
      if lineWidth + w > width && lineWidth > 0 { emit(trimming: true) }
      if w > width {
        // A single token longer than the line: hard-break it by characters (scalars here).
        var j = start
        while j < end {
          let x = b[j]
          let length = x < 0x80 ? 1 : x < 0xE0 ? 2 : 3
          let cw = length == 3 && DisplayWidth.isCommonWide(UInt32(x & 0x0F) << 12 | UInt32(b[j + 1] & 0x3F) << 6 | UInt32(b[j + 2] & 0x3F)) ? 2 : 1
          if lineWidth + cw > width && lineWidth > 0 { emit(trimming: false) }
          if lineStart < 0 { lineStart = j }
          lineEnd = j + length
          lineWidth += cw
          j += length
        }
      } else {
        if lineStart < 0 { lineStart = start }
        lineEnd = end
        lineWidth += w
      }
    }

    /// A raw token (a run or one CJK scalar): glued to the pending one, or laying it out.
    mutating func raw(_ start: Int, _ end: Int, _ w: Int, first: UInt32, last: UInt32) {
      if pendingStart >= 0 && (glueNext || Wrap.breaksNotBefore(first)) {
        pendingEnd = end
        pendingWidth += w
      } else {
        if pendingStart >= 0 { layOut(pendingStart, pendingEnd, pendingWidth) }
        pendingStart = start
        pendingEnd = end
        pendingWidth = w
      }
      glueNext = Wrap.breaksNotAfter(last)
    }

    mutating func flushRun() {
      if runWidth > 0 {
        raw(runStart, runEnd, runWidth, first: runFirst, last: runLast)
        runWidth = 0
      }
    }

    mutating func narrow(_ start: Int, _ end: Int, _ v: UInt32) {
      if runWidth == 0 {
        runStart = start
        runFirst = v
      }
      runEnd = end
      runWidth += 1
      runLast = v
    }

    mutating func wide(_ start: Int, _ end: Int, _ v: UInt32) {
      flushRun()
      raw(start, end, 2, first: v, last: v)
    }

    mutating func space(at i: Int) {
      flushRun()
      if pendingStart >= 0 {
        layOut(pendingStart, pendingEnd, pendingWidth)
        pendingStart = -1
      }
      if lineWidth > 0 && lineWidth + 1 <= width {
        lineEnd = i + 1
        lineWidth += 1
      }
      glueNext = false
    }

    mutating func finish() -> [String] {
      flushRun()
      if pendingStart >= 0 { layOut(pendingStart, pendingEnd, pendingWidth) }
      if lineStart >= 0 { emit(trimming: true) }
      return lines
    }
  }
}

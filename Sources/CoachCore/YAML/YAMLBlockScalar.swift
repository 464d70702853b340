// Block scalars: literal `|` and folded `>`, with chomping (`-` strip, `+` keep, default clip)
// and an optional indentation digit. The line handling follows PyYAML's scanner step by step
// so both read the same text, including blank lines that carry trailing spaces.

extension YAMLParser {
  /// Parses a block scalar whose indicator is at `p`; consumes its lines and leaves the parser
  /// on the next content line.
  mutating func parseBlockScalar(at p: Int, parentIndent: Int) throws(YAMLError) -> YAMLNode {
    let scalarLocation = location(p)
    let folded = bytes[p] == YAMLByte.gt
    let symbol = folded ? ">" : "|"
    var chomp = 0  // -1 strip, 0 clip, +1 keep
    var chompSet = false
    var explicit = 0
    var i = p + 1
    for _ in 0..<2 where i < lineEnd {
      let b = bytes[i]
      if (b == YAMLByte.plus || b == YAMLByte.dash) && !chompSet {
        chomp = b == YAMLByte.plus ? 1 : -1
        chompSet = true
      } else if b > YAMLByte.zero && b <= YAMLByte.nine && explicit == 0 {
        explicit = Int(b - YAMLByte.zero)
      } else if b == YAMLByte.zero && explicit == 0 {
        throw fail(i, "a block scalar's indentation digit must be 1 to 9", "块标量的缩进数字必须是 1 到 9")
      } else {
        break
      }
      i += 1
    }
    if i < lineEnd && bytes[i] != YAMLByte.space {
      if bytes[i] == YAMLByte.tab { throw tabError(i) }
      let found = excerpt(p)
      throw fail(
        p,
        "found '\(found)': '\(symbol)' starts a block scalar and may only be followed by '-' or '+' (and an indentation digit) before the end of the line; if this is text starting with '\(symbol)', put it in quotes",
        "这里是 '\(found)'：'\(symbol)' 表示块标量的开始，它后面到行末只能跟 '-' 或 '+'（以及一个缩进数字）；如果这是以 '\(symbol)' 开头的文本，请加上引号")
    }
    let q = try skipSpaces(i)
    if q < lineEnd && bytes[q] != YAMLByte.hash {
      throw fail(
        q, "found text after '\(symbol)' on the same line; the text of a block scalar starts on the next line, indented",
        "'\(symbol)' 后面同一行还有文本；块标量的文本要从下一行开始，并且缩进")
    }

    let minIndent = max(parentIndent + 1, 1)
    var out: [UInt8] = []
    var breaks = 0
    var lastBreak = false
    let blockIndent: Int
    nextLine()
    if explicit > 0 {
      blockIndent = minIndent + explicit - 1
      while !eof && isBlockBlank(blockIndent) {
        if hasBreak { breaks += 1 }
        nextLine()
      }
    } else {
      // Leading lines holding only spaces, then the first text line, set the indentation.
      var maxIndent = 0
      while !eof && lineStart + indent == lineEnd {
        maxIndent = max(maxIndent, indent)
        if hasBreak { breaks += 1 }
        nextLine()
      }
      if !eof {
        if indent >= minIndent && indent < maxIndent {
          throw fail(
            lineStart + indent,
            "a blank line at the start of this block scalar has \(maxIndent) spaces, more than its first line of text (\(indent)); remove the trailing spaces from the blank line",
            "这个块标量开头的空行有 \(maxIndent) 个空格，比第一行文本的缩进（\(indent)）还多；请删除空行中多余的空格")
        }
        maxIndent = max(maxIndent, indent)
      }
      blockIndent = max(minIndent, maxIndent)
    }

    while !eof && isBlockContent(blockIndent) {
      for _ in 0..<breaks { out.append(YAMLByte.lf) }
      let first = lineStart + blockIndent
      let leadingNonSpace = bytes[first] != YAMLByte.space && bytes[first] != YAMLByte.tab
      out.append(contentsOf: bytes[first..<lineEnd])
      lastBreak = hasBreak
      breaks = 0
      nextLine()
      while !eof && isBlockBlank(blockIndent) {
        if hasBreak { breaks += 1 }
        nextLine()
      }
      guard !eof && isBlockContent(blockIndent) else { break }
      let nextFirst = bytes[lineStart + blockIndent]
      if folded && lastBreak && leadingNonSpace && nextFirst != YAMLByte.space && nextFirst != YAMLByte.tab {
        if breaks == 0 { out.append(YAMLByte.space) }
      } else if lastBreak {
        out.append(YAMLByte.lf)
      }
    }
    if chomp != -1 && lastBreak { out.append(YAMLByte.lf) }
    if chomp == 1 { for _ in 0..<breaks { out.append(YAMLByte.lf) } }

    let result = try node(.scalar(String(decoding: out, as: UTF8.self)), scalarLocation)
    try skipToContent()
    try checkNothingNested(parentIndent: parentIndent, plain: false)
    return result
  }

  /// A line of the block: at least `blockIndent` spaces and something after them.
  @inline(__always)
  func isBlockContent(_ blockIndent: Int) -> Bool {
    indent >= blockIndent && lineEnd - lineStart > blockIndent
  }

  /// A blank line inside the block: only spaces, no more than `blockIndent` of them.
  @inline(__always)
  func isBlockBlank(_ blockIndent: Int) -> Bool {
    lineStart + indent == lineEnd && indent <= blockIndent
  }
}

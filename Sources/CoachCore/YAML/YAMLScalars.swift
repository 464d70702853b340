// Keys and one-line values: plain, single- and double-quoted scalars, and the indicator
// characters the subset rejects.

struct YAMLScannedKey {
  var text: String
  /// Offset of the key's first character (its opening quote, if quoted).
  var start: Int
  /// Offset of the `:` that ends the key.
  var colon: Int
}

extension YAMLParser {
  /// If a `key:` starts at `p` on the current line, returns it; otherwise nil (the line holds
  /// a value, or starts with an indicator that `checkValueStart` reports).
  mutating func scanKey(at p: Int) throws(YAMLError) -> YAMLScannedKey? {
    let c = bytes[p]
    if c == YAMLByte.dquote || c == YAMLByte.squote {
      let (value, after) = try scanQuoted(at: p)
      let q = try skipSpaces(after)
      guard q < lineEnd, bytes[q] == YAMLByte.colon, isBlankOrEnd(q + 1) else { return nil }
      try checkKeyLength(p, q)
      return YAMLScannedKey(text: value, start: p, colon: q)
    }
    switch c {
    case YAMLByte.dash, YAMLByte.question, YAMLByte.colon:
      if isBlankOrEnd(p + 1) { return nil }
    case YAMLByte.comma, YAMLByte.lbracket, YAMLByte.rbracket, YAMLByte.lbrace, YAMLByte.rbrace, YAMLByte.hash, YAMLByte.amp,
      YAMLByte.star, YAMLByte.bang, YAMLByte.pipe, YAMLByte.gt, YAMLByte.percent, YAMLByte.at, YAMLByte.backtick:
      return nil
    default:
      break
    }
    var i = p
    while i < lineEnd {
      let b = bytes[i]
      if b == YAMLByte.colon {
        if isBlankOrEnd(i + 1) { break }
      } else if b == YAMLByte.space {
        if i + 1 < lineEnd && bytes[i + 1] == YAMLByte.hash { return nil }
      } else if b == YAMLByte.tab {
        throw tabError(i)
      }
      i += 1
    }
    if i >= lineEnd { return nil }
    var e = i
    while e > p && bytes[e - 1] == YAMLByte.space { e -= 1 }
    let key = text(p, e)
    if key == "<<" {
      throw fail(
        p, "found the merge key '<<': anchors and aliases are not supported in playbooks — write the text out (repeat the entries instead of merging them)",
        "这里有合并键 '<<'：剧本不支持锚点和别名——请把内容完整写出来（重复写出这些条目，而不是合并）")
    }
    try checkKeyLength(p, i)
    return YAMLScannedKey(text: key, start: p, colon: i)
  }

  /// PyYAML only finds a key whose `:` is at most 1024 characters after the key's start.
  mutating func checkKeyLength(_ start: Int, _ colon: Int) throws(YAMLError) {
    guard colon - start > 1024 else { return }
    let count = YAMLInput.scalarCount(bytes, from: start, to: colon)
    if count > 1024 {
      throw fail(
        start, "this key is \(count) characters long; keys may be at most 1024 characters (YAML readers cannot find the ':' of a longer key) — shorten it",
        "这个键长 \(count) 个字符；键最多 1024 个字符（键再长，YAML 读取器就找不到它的 ':'）——请缩短它")
    }
  }

  /// Reports the indicator characters that cannot start a value in the subset. Returns
  /// normally for anything that can (quotes, `[`, `|`, `>` and plain text).
  mutating func checkValueStart(_ p: Int, afterKey: Bool) throws(YAMLError) {
    let c = bytes[p]
    switch c {
    case YAMLByte.lbrace:
      throw fail(
        p, "flow mappings ('{...}') are not supported in playbooks; write the mapping as indented 'key: value' lines (or quote the text if it is not a mapping)",
        "剧本不支持行内映射（'{...}'）；请把映射写成缩进的 'key: value' 行（如果这是文本而不是映射，请加上引号）")
    case YAMLByte.amp, YAMLByte.star:
      let anchor = c == YAMLByte.amp
      let mark = anchor ? "&" : "*"
      throw fail(
        p,
        "found \(anchor ? "an anchor ('&')" : "an alias ('*')"): anchors and aliases are not supported in playbooks — write the text out (if this is text that starts with '\(mark)', put it in quotes)",
        "这里有\(anchor ? "锚点（'&'）" : "别名（'*'）")：剧本不支持锚点和别名——请把内容完整写出来（如果这是以 '\(mark)' 开头的文本，请加上引号）")
    case YAMLByte.bang:
      throw fail(
        p, "tags ('!x', '!!str') are not supported in playbooks; remove the tag (every value is read as text anyway), or put the text in quotes if it starts with '!'",
        "剧本不支持标签（'!x'、'!!str'）；请删除标签（所有值本来就按文本读取）；如果文本以 '!' 开头，请加上引号")
    case YAMLByte.percent:
      if p == lineStart {
        throw fail(p, "directives ('%YAML', '%TAG') are not supported in playbooks; remove this line", "剧本不支持指令（'%YAML'、'%TAG'）；请删除这一行")
      }
      throw quoteIt(p, "%")
    case YAMLByte.at: throw quoteIt(p, "@")
    case YAMLByte.backtick: throw quoteIt(p, "`")
    case YAMLByte.comma: throw quoteIt(p, ",")
    case YAMLByte.rbracket: throw quoteIt(p, "]")
    case YAMLByte.rbrace: throw quoteIt(p, "}")
    case YAMLByte.pipe, YAMLByte.gt: throw quoteIt(p, c == YAMLByte.pipe ? "|" : ">")
    case YAMLByte.question:
      if isBlankOrEnd(p + 1) {
        throw fail(
          p, "complex keys ('? ') are not supported in playbooks; write 'key: value' with a plain or quoted key",
          "剧本不支持复杂键（'? '）；请写成 'key: value'，键用不加引号或带引号的文本")
      }
    case YAMLByte.colon:
      if isBlankOrEnd(p + 1) {
        throw fail(p, "found ':' with no key before it; write 'key: value', or put the text in quotes", "':' 前面没有键；请写成 'key: value'，或者给文本加上引号")
      }
    case YAMLByte.dash:
      if afterKey && isBlankOrEnd(p + 1) {
        throw fail(
          p, "a sequence item ('- ') cannot start on the same line as its key; put the items on the following lines, each starting with '- '",
          "列表项（'- '）不能和它的键写在同一行；请把各项写在下面的行里，每项以 '- ' 开头")
      }
    default:
      break
    }
  }

  mutating func quoteIt(_ p: Int, _ indicator: String) -> YAMLError {
    let example = excerpt(p)
    return fail(
      p, "a plain value cannot start with '\(indicator)' (YAML reserves it there); put the whole value in quotes, e.g. \"\(example)\"",
      "不加引号的值不能以 '\(indicator)' 开头（YAML 在这个位置保留了它）；请给整个值加上引号，例如 \"\(example)\"")
  }

  /// Parses a value that starts at `p` on the current line and ends on it (or, for a block
  /// scalar, on the lines below it). Leaves the parser on the next content line.
  mutating func parseValue(at p: Int, parentIndent: Int, depth: Int, afterKey: Bool) throws(YAMLError) -> YAMLNode {
    let c = bytes[p]
    if c == YAMLByte.dquote || c == YAMLByte.squote {
      let valueLocation = location(p)
      let (value, after) = try scanQuoted(at: p)
      try finishLine(after, Bilingual("the closing quote", "结尾的引号"), afterKey: afterKey)
      let result = try node(.scalar(value), valueLocation)
      try nextContentLine()
      try checkNothingNested(parentIndent: parentIndent, plain: false)
      return result
    }
    if c == YAMLByte.lbracket {
      let (result, after) = try parseFlowSequence(at: p, depth: depth + 1)
      try finishLine(after, Bilingual("the closing ']'", "结尾的 ']' "), afterKey: afterKey)  // the space sets the quote apart from 后面
      try nextContentLine()
      try checkNothingNested(parentIndent: parentIndent, plain: false)
      return result
    }
    if c == YAMLByte.pipe || c == YAMLByte.gt {
      return try parseBlockScalar(at: p, parentIndent: parentIndent)
    }
    try checkValueStart(p, afterKey: afterKey)
    let valueLocation = location(p)
    var i = p
    while i < lineEnd {
      let b = bytes[i]
      if b == YAMLByte.space {
        if i + 1 < lineEnd && bytes[i + 1] == YAMLByte.hash { break }
      } else if b == YAMLByte.colon {
        if isBlankOrEnd(i + 1) {
          let atEnd = i + 1 >= lineEnd
          throw fail(
            i,
            "found \(atEnd ? "':' at the end of a plain value" : "': ' inside a plain value"), where YAML would read a key; put the whole value in quotes (or, for a nested mapping, start it on the next line, indented)",
            "\(atEnd ? "不加引号的值末尾有 ':'" : "不加引号的值中间有 ': '")，YAML 会把它读成键；请给整个值加上引号（如果要写嵌套映射，请从下一行开始并缩进）")
        }
      } else if b == YAMLByte.tab {
        throw tabError(i)
      }
      i += 1
    }
    var e = i
    while e > p && bytes[e - 1] == YAMLByte.space { e -= 1 }
    let value = text(p, e)
    try checkSpecialPlain(value, p)
    let result = try node(.scalar(value), valueLocation)
    try nextContentLine()
    try checkNothingNested(parentIndent: parentIndent, plain: true)
    return result
  }

  /// PyYAML's safe loader refuses the plain values `=` and `<<` (they are YAML "value" and
  /// "merge" markers).
  mutating func checkSpecialPlain(_ value: String, _ p: Int) throws(YAMLError) {
    if value == "=" || value == "<<" {
      throw fail(p, "the plain value '\(value)' has a special meaning in YAML; put it in quotes", "不加引号的值 '\(value)' 在 YAML 中有特殊含义；请加上引号")
    }
  }

  /// After a quoted value or flow sequence: only spaces and a comment may follow.
  mutating func finishLine(_ after: Int, _ what: Bilingual, afterKey: Bool) throws(YAMLError) {
    let q = try skipSpaces(after)
    if q >= lineEnd || bytes[q] == YAMLByte.hash { return }
    if bytes[q] == YAMLByte.colon && isBlankOrEnd(q + 1) {
      if afterKey {
        throw fail(
          q,
          "found ': ' after \(what.en); a value on the same line as its key cannot itself be a mapping — put the whole value in quotes, or start the nested mapping on the next line",
          "\(what.zh)后面有 ': '；和键写在同一行的值本身不能是映射——请给整个值加上引号，或者从下一行开始写嵌套映射")
      }
      throw fail(q, "found ': ' after \(what.en); only plain or quoted text can be a key", "\(what.zh)后面有 ': '；只有不加引号或带引号的文本才能作为键")
    }
    let extra = excerpt(q)
    throw fail(
      q, "unexpected text '\(extra)' after \(what.en); the whole value must be inside the quotes or brackets (a comment needs a '#')",
      "\(what.zh)后面多出了文本 '\(extra)'；整个值必须写在引号或方括号之内（注释要以 '#' 开头）")
  }

  // MARK: Quoted scalars

  mutating func scanQuoted(at p: Int) throws(YAMLError) -> (String, Int) {
    bytes[p] == YAMLByte.squote ? try scanSingleQuoted(at: p) : try scanDoubleQuoted(at: p)
  }

  mutating func unterminated(_ p: Int, _ quote: String) -> YAMLError {
    fail(
      p, "unterminated quoted text: there is no closing \(quote) on this line; quoted text must end on the line where it starts (for longer text use a block scalar, '|' or '>')",
      "引号没有闭合：这一行没有结尾的 \(quote)；带引号的文本必须在开始的那一行结束（较长的文本请用块标量，'|' 或 '>'）")
  }

  mutating func scanSingleQuoted(at p: Int) throws(YAMLError) -> (String, Int) {
    var i = p + 1
    var out: [UInt8] = []
    var runStart = i
    var escaped = false
    while true {
      guard i < lineEnd else { throw unterminated(p, "'") }
      if bytes[i] == YAMLByte.squote {
        if i + 1 < lineEnd && bytes[i + 1] == YAMLByte.squote {
          out.append(contentsOf: bytes[runStart...i])
          i += 2
          runStart = i
          escaped = true
          continue
        }
        if !escaped { return (text(p + 1, i), i + 1) }
        out.append(contentsOf: bytes[runStart..<i])
        return (String(decoding: out, as: UTF8.self), i + 1)
      }
      i += 1
    }
  }

  mutating func scanDoubleQuoted(at p: Int) throws(YAMLError) -> (String, Int) {
    var i = p + 1
    var out: [UInt8] = []
    var runStart = i
    var escaped = false
    while true {
      guard i < lineEnd else { throw unterminated(p, "\"") }
      let b = bytes[i]
      if b == YAMLByte.dquote {
        if !escaped { return (text(p + 1, i), i + 1) }
        out.append(contentsOf: bytes[runStart..<i])
        return (String(decoding: out, as: UTF8.self), i + 1)
      }
      if b != YAMLByte.backslash {
        i += 1
        continue
      }
      escaped = true
      out.append(contentsOf: bytes[runStart..<i])
      guard i + 1 < lineEnd else {
        throw fail(
          i, "a backslash at the end of a line (a line continuation) is not supported; keep double-quoted text on one line, or use a block scalar ('|' or '>')",
          "不支持行末的反斜杠（续行）；请把双引号文本写在一行内，或改用块标量（'|' 或 '>'）")
      }
      switch bytes[i + 1] {
      case YAMLByte.backslash:
        out.append(YAMLByte.backslash)
        i += 2
      case YAMLByte.dquote:
        out.append(YAMLByte.dquote)
        i += 2
      case YAMLByte.slash:
        out.append(YAMLByte.slash)
        i += 2
      case 0x6E:
        out.append(YAMLByte.lf)
        i += 2  // n
      case 0x74:
        out.append(YAMLByte.tab)
        i += 2  // t
      case 0x75, 0x55:  // u, U
        let digits = bytes[i + 1] == 0x75 ? 4 : 8
        let value = try hexEscape(at: i, digits: digits)
        appendUTF8(value, to: &out)
        i += 2 + digits
      default:
        var e = i + 2
        while e < lineEnd && bytes[e] & 0xC0 == 0x80 { e += 1 }
        let escape = text(i, e)
        throw fail(
          i,
          "unsupported escape '\(escape)' in double-quoted text; the allowed escapes are \\\\ \\\" \\n \\t \\/ \\uXXXX and \\UXXXXXXXX (in single quotes a backslash is an ordinary character)",
          "双引号文本中有不支持的转义 '\(escape)'；允许的转义有 \\\\ \\\" \\n \\t \\/ \\uXXXX 和 \\UXXXXXXXX（在单引号中，反斜杠是普通字符）")
      }
      runStart = i
    }
  }

  mutating func hexEscape(at i: Int, digits: Int) throws(YAMLError) -> UInt32 {
    let name = digits == 4 ? "\\u" : "\\U"
    var value: UInt32 = 0
    for k in 0..<digits {
      let j = i + 2 + k
      guard j < lineEnd else { throw hexDigits(i, name, digits) }
      let d = bytes[j]
      let digit: UInt32
      switch d {
      case 0x30...0x39: digit = UInt32(d - 0x30)
      case 0x41...0x46: digit = UInt32(d - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(d - 0x61 + 10)
      default: throw hexDigits(i, name, digits)
      }
      value = value << 4 | digit
    }
    if value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) {
      let escape = text(i, i + 2 + digits)
      throw fail(i, "'\(escape)' is not a valid Unicode character", "'\(escape)' 不是有效的 Unicode 字符")
    }
    if YAMLInput.isForbiddenControl(value) || value == 0x0D {
      let escape = text(i, i + 2 + digits)
      throw fail(
        i, "'\(escape)' is the control character \(YAMLInput.hex(value)); control characters are not allowed in playbooks (use \\n for a line break, \\t for a tab)",
        "'\(escape)' 是控制字符 \(YAMLInput.hex(value))；剧本中不允许出现控制字符（换行请用 \\n，制表符请用 \\t）")
    }
    return value
  }

  mutating func hexDigits(_ i: Int, _ name: String, _ digits: Int) -> YAMLError {
    fail(i, "'\(name)' must be followed by exactly \(digits) hexadecimal digits", "'\(name)' 后面必须正好跟 \(digits) 位十六进制数字")
  }

  func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
    if v < 0x80 {
      out.append(UInt8(v))
    } else if v < 0x800 {
      out.append(UInt8(0xC0 | (v >> 6)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
      out.append(UInt8(0xE0 | (v >> 12)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    } else {
      out.append(UInt8(0xF0 | (v >> 18)))
      out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    }
  }
}

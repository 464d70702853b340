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
      throw fail(p, "found the merge key '<<': anchors and aliases are not supported in playbooks — write the text out (repeat the entries instead of merging them)")
    }
    try checkKeyLength(p, i)
    return YAMLScannedKey(text: key, start: p, colon: i)
  }

  /// PyYAML only finds a key whose `:` is at most 1024 characters after the key's start.
  mutating func checkKeyLength(_ start: Int, _ colon: Int) throws(YAMLError) {
    guard colon - start > 1024 else { return }
    let count = YAMLInput.scalarCount(bytes, from: start, to: colon)
    if count > 1024 {
      throw fail(start, "this key is \(count) characters long; keys may be at most 1024 characters (YAML readers cannot find the ':' of a longer key) — shorten it")
    }
  }

  /// Reports the indicator characters that cannot start a value in the subset. Returns
  /// normally for anything that can (quotes, `[`, `|`, `>` and plain text).
  mutating func checkValueStart(_ p: Int, afterKey: Bool) throws(YAMLError) {
    let c = bytes[p]
    switch c {
    case YAMLByte.lbrace:
      throw fail(p, "flow mappings ('{...}') are not supported in playbooks; write the mapping as indented 'key: value' lines (or quote the text if it is not a mapping)")
    case YAMLByte.amp, YAMLByte.star:
      let kind = c == YAMLByte.amp ? "an anchor ('&')" : "an alias ('*')"
      throw fail(p, "found \(kind): anchors and aliases are not supported in playbooks — write the text out (if this is text that starts with '\(c == YAMLByte.amp ? "&" : "*")', put it in quotes)")
    case YAMLByte.bang:
      throw fail(p, "tags ('!x', '!!str') are not supported in playbooks; remove the tag (every value is read as text anyway), or put the text in quotes if it starts with '!'")
    case YAMLByte.percent:
      if p == lineStart {
        throw fail(p, "directives ('%YAML', '%TAG') are not supported in playbooks; remove this line")
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
        throw fail(p, "complex keys ('? ') are not supported in playbooks; write 'key: value' with a plain or quoted key")
      }
    case YAMLByte.colon:
      if isBlankOrEnd(p + 1) {
        throw fail(p, "found ':' with no key before it; write 'key: value', or put the text in quotes")
      }
    case YAMLByte.dash:
      if afterKey && isBlankOrEnd(p + 1) {
        throw fail(p, "a sequence item ('- ') cannot start on the same line as its key; put the items on the following lines, each starting with '- '")
      }
    default:
      break
    }
  }

  mutating func quoteIt(_ p: Int, _ indicator: String) -> YAMLError {
    fail(p, "a plain value cannot start with '\(indicator)' (YAML reserves it there); put the whole value in quotes, e.g. \"\(excerpt(p))\"")
  }

  /// Parses a value that starts at `p` on the current line and ends on it (or, for a block
  /// scalar, on the lines below it). Leaves the parser on the next content line.
  mutating func parseValue(at p: Int, parentIndent: Int, depth: Int, afterKey: Bool) throws(YAMLError) -> YAMLNode {
    let c = bytes[p]
    if c == YAMLByte.dquote || c == YAMLByte.squote {
      let valueLocation = location(p)
      let (value, after) = try scanQuoted(at: p)
      try finishLine(after, "the closing quote", afterKey: afterKey)
      let result = try node(.scalar(value), valueLocation)
      try nextContentLine()
      try checkNothingNested(parentIndent: parentIndent, plain: false)
      return result
    }
    if c == YAMLByte.lbracket {
      let (result, after) = try parseFlowSequence(at: p, depth: depth + 1)
      try finishLine(after, "the closing ']'", afterKey: afterKey)
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
          let found = i + 1 >= lineEnd ? "':' at the end of a plain value" : "': ' inside a plain value"
          throw fail(i, "found \(found), where YAML would read a key; put the whole value in quotes (or, for a nested mapping, start it on the next line, indented)")
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
      throw fail(p, "the plain value '\(value)' has a special meaning in YAML; put it in quotes")
    }
  }

  /// After a quoted value or flow sequence: only spaces and a comment may follow.
  mutating func finishLine(_ after: Int, _ what: String, afterKey: Bool) throws(YAMLError) {
    let q = try skipSpaces(after)
    if q >= lineEnd || bytes[q] == YAMLByte.hash { return }
    if bytes[q] == YAMLByte.colon && isBlankOrEnd(q + 1) {
      if afterKey {
        throw fail(q, "found ': ' after \(what); a value on the same line as its key cannot itself be a mapping — put the whole value in quotes, or start the nested mapping on the next line")
      }
      throw fail(q, "found ': ' after \(what); only plain or quoted text can be a key")
    }
    throw fail(q, "unexpected text '\(excerpt(q))' after \(what); the whole value must be inside the quotes or brackets (a comment needs a '#')")
  }

  // MARK: Quoted scalars

  mutating func scanQuoted(at p: Int) throws(YAMLError) -> (String, Int) {
    bytes[p] == YAMLByte.squote ? try scanSingleQuoted(at: p) : try scanDoubleQuoted(at: p)
  }

  mutating func unterminated(_ p: Int, _ quote: String) -> YAMLError {
    fail(p, "unterminated quoted text: there is no closing \(quote) on this line; quoted text must end on the line where it starts (for longer text use a block scalar, '|' or '>')")
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
        throw fail(i, "a backslash at the end of a line (a line continuation) is not supported; keep double-quoted text on one line, or use a block scalar ('|' or '>')")
      }
      switch bytes[i + 1] {
      case YAMLByte.backslash: out.append(YAMLByte.backslash); i += 2
      case YAMLByte.dquote: out.append(YAMLByte.dquote); i += 2
      case YAMLByte.slash: out.append(YAMLByte.slash); i += 2
      case 0x6E: out.append(YAMLByte.lf); i += 2  // n
      case 0x74: out.append(YAMLByte.tab); i += 2  // t
      case 0x75, 0x55:  // u, U
        let digits = bytes[i + 1] == 0x75 ? 4 : 8
        let value = try hexEscape(at: i, digits: digits)
        appendUTF8(value, to: &out)
        i += 2 + digits
      default:
        var e = i + 2
        while e < lineEnd && bytes[e] & 0xC0 == 0x80 { e += 1 }
        throw fail(i, "unsupported escape '\(text(i, e))' in double-quoted text; the allowed escapes are \\\\ \\\" \\n \\t \\/ \\uXXXX and \\UXXXXXXXX (in single quotes a backslash is an ordinary character)")
      }
      runStart = i
    }
  }

  mutating func hexEscape(at i: Int, digits: Int) throws(YAMLError) -> UInt32 {
    let name = digits == 4 ? "\\u" : "\\U"
    var value: UInt32 = 0
    for k in 0..<digits {
      let j = i + 2 + k
      guard j < lineEnd else {
        throw fail(i, "'\(name)' must be followed by exactly \(digits) hexadecimal digits")
      }
      let d = bytes[j]
      let digit: UInt32
      switch d {
      case 0x30...0x39: digit = UInt32(d - 0x30)
      case 0x41...0x46: digit = UInt32(d - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(d - 0x61 + 10)
      default: throw fail(i, "'\(name)' must be followed by exactly \(digits) hexadecimal digits")
      }
      value = value << 4 | digit
    }
    if value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) {
      throw fail(i, "'\(text(i, i + 2 + digits))' is not a valid Unicode character")
    }
    if YAMLInput.isForbiddenControl(value) || value == 0x0D {
      throw fail(i, "'\(text(i, i + 2 + digits))' is the control character \(YAMLInput.hex(value)); control characters are not allowed in playbooks (use \\n for a line break, \\t for a tab)")
    }
    return value
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

// A parser for the strict YAML subset playbooks are written in. Everything it accepts is read
// the same way by PyYAML's `yaml.safe_load` (apart from scalar typing: every scalar here is a
// String, and an empty value is "" where PyYAML gives None). Everything else is rejected with a
// located error in plain English and Chinese. The parser works line by line on the UTF-8 bytes; recursion
// only happens per nesting level and is bounded by `YAMLLimits.maxDepth`.

public enum YAML {
  /// Parses one playbook document. `file` is used only in locations and error messages.
  /// An empty document (only blank lines and comments) is an empty mapping at line 1.
  public static func parse(_ text: String, file: String, limits: YAMLLimits = .standard) throws(YAMLError) -> YAMLNode {
    let size = text.utf8.count
    if size > limits.maxBytes {
      throw tooLarge(size: size, file: file, limits: limits)
    }
    return try parseChecked(Array(text.utf8), file: file, limits: limits)
  }

  /// Parses UTF-8 bytes (for example a file read by the store). Invalid UTF-8 is an error.
  public static func parse(utf8 bytes: [UInt8], file: String, limits: YAMLLimits = .standard) throws(YAMLError) -> YAMLNode {
    if bytes.count > limits.maxBytes {
      throw tooLarge(size: bytes.count, file: file, limits: limits)
    }
    try YAMLInput.validateUTF8(bytes, from: 0, file: file)
    return try parseChecked(bytes, file: file, limits: limits)
  }

  private static func tooLarge(size: Int, file: String, limits: YAMLLimits) -> YAMLError {
    YAMLError(
      location: YAMLLocation(file: file, line: 1, column: 1),
      text: Bilingual(
        "the file is \(size) bytes, more than the limit of \(limits.maxBytes) bytes; split it into smaller playbooks",
        "文件大小为 \(size) 字节，超过 \(limits.maxBytes) 字节的上限；请把它拆分成几个较小的剧本文件"))
  }

  private static func parseChecked(_ bytes: [UInt8], file: String, limits: YAMLLimits) throws(YAMLError) -> YAMLNode {
    let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    try YAMLInput.checkCharacters(bytes, from: start, file: file)
    var parser = YAMLParser(bytes: bytes, start: start, file: file, limits: limits)
    return try parser.parseDocument()
  }
}

/// ASCII bytes the parser looks at.
enum YAMLByte {
  static let tab: UInt8 = 0x09, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, space: UInt8 = 0x20
  static let bang: UInt8 = 0x21, dquote: UInt8 = 0x22, hash: UInt8 = 0x23, percent: UInt8 = 0x25
  static let amp: UInt8 = 0x26, squote: UInt8 = 0x27, star: UInt8 = 0x2A, plus: UInt8 = 0x2B
  static let comma: UInt8 = 0x2C, dash: UInt8 = 0x2D, dot: UInt8 = 0x2E, slash: UInt8 = 0x2F
  static let zero: UInt8 = 0x30, nine: UInt8 = 0x39, colon: UInt8 = 0x3A
  static let gt: UInt8 = 0x3E, question: UInt8 = 0x3F, at: UInt8 = 0x40
  static let lbracket: UInt8 = 0x5B, backslash: UInt8 = 0x5C, rbracket: UInt8 = 0x5D
  static let backtick: UInt8 = 0x60, lbrace: UInt8 = 0x7B, pipe: UInt8 = 0x7C, rbrace: UInt8 = 0x7D
}

struct YAMLParser {
  let bytes: [UInt8]
  let file: String
  let limits: YAMLLimits
  var nodeCount = 0

  // The current line: bytes[lineStart..<lineEnd] without its CR/LF. `indent` counts the
  // leading spaces. `hasBreak` is false only for a last line without a final line break.
  var lineNo = 1
  var lineStart = 0
  var lineEnd = 0
  var nextStart = 0
  var hasBreak = false
  var indent = 0
  var eof = false

  // Column cache so that many locations on one long line cost linear time overall.
  var cacheLineStart = -1
  var cacheOffset = 0
  var cacheColumn = 1

  init(bytes: [UInt8], start: Int, file: String, limits: YAMLLimits) {
    self.bytes = bytes
    self.file = file
    self.limits = limits
    loadLine(at: start, number: 1)
  }

  // MARK: Lines

  mutating func loadLine(at start: Int, number: Int) {
    lineStart = start
    lineNo = number
    var i = start
    let n = bytes.count
    while i < n && bytes[i] != YAMLByte.lf { i += 1 }
    hasBreak = i < n
    nextStart = hasBreak ? i + 1 : n
    lineEnd = i > start && bytes[i - 1] == YAMLByte.cr ? i - 1 : i
    var j = start
    while j < lineEnd && bytes[j] == YAMLByte.space { j += 1 }
    indent = j - start
  }

  /// Moves to the next physical line, or to end of input.
  mutating func nextLine() {
    if hasBreak { loadLine(at: nextStart, number: lineNo + 1) } else { eof = true }
  }

  /// Skips blank and comment-only lines, starting with the current one.
  mutating func skipToContent() throws(YAMLError) {
    while !eof {
      let j = lineStart + indent
      if j < lineEnd {
        let b = bytes[j]
        if b == YAMLByte.tab { throw fail(j, "tabs are not allowed for indentation; use spaces", "缩进不能使用制表符（Tab），请改用空格") }
        if b != YAMLByte.hash { return }
      }
      nextLine()
    }
  }

  /// Moves past the current line to the next line with content.
  mutating func nextContentLine() throws(YAMLError) {
    nextLine()
    try skipToContent()
  }

  /// Whether the current line is a `---` or `...` document marker.
  var atDocumentMarker: Bool {
    guard !eof, indent == 0, lineEnd - lineStart >= 3 else { return false }
    let b = bytes[lineStart]
    guard b == YAMLByte.dash || b == YAMLByte.dot, bytes[lineStart + 1] == b, bytes[lineStart + 2] == b else { return false }
    return lineEnd - lineStart == 3 || bytes[lineStart + 3] == YAMLByte.space || bytes[lineStart + 3] == YAMLByte.tab
  }

  @inline(__always)
  func isBlankOrEnd(_ i: Int) -> Bool {
    i >= lineEnd || bytes[i] == YAMLByte.space || bytes[i] == YAMLByte.tab
  }

  /// Whether a `- ` sequence item starts at `p`.
  @inline(__always)
  func isSequenceItem(_ p: Int) -> Bool {
    p < lineEnd && bytes[p] == YAMLByte.dash && isBlankOrEnd(p + 1)
  }

  /// Skips spaces on the current line; a tab is an error.
  mutating func skipSpaces(_ start: Int) throws(YAMLError) -> Int {
    var i = start
    while i < lineEnd && bytes[i] == YAMLByte.space { i += 1 }
    if i < lineEnd && bytes[i] == YAMLByte.tab { throw tabError(i) }
    return i
  }

  mutating func tabError(_ i: Int) -> YAMLError {
    var j = lineStart
    while j < i && bytes[j] == YAMLByte.space { j += 1 }
    if j == i { return fail(i, "tabs are not allowed for indentation; use spaces", "缩进不能使用制表符（Tab），请改用空格") }
    return fail(
      i, "found a tab character; use spaces here (tabs are allowed only inside quoted text, block scalars and comments)",
      "这里有一个制表符（Tab），请改用空格（只有带引号的文本、块标量和注释中才允许使用制表符）")
  }

  // MARK: Locations, errors, nodes

  mutating func location(_ offset: Int) -> YAMLLocation {
    if cacheLineStart != lineStart || offset < cacheOffset {
      cacheLineStart = lineStart
      cacheOffset = lineStart
      cacheColumn = 1
    }
    cacheColumn += YAMLInput.scalarCount(bytes, from: cacheOffset, to: offset)
    cacheOffset = offset
    return YAMLLocation(file: file, line: lineNo, column: cacheColumn)
  }

  mutating func fail(_ offset: Int, _ en: String, _ zh: String) -> YAMLError {
    YAMLError(location: location(offset), text: Bilingual(en, zh))
  }

  mutating func node(_ value: YAMLValue, _ location: YAMLLocation) throws(YAMLError) -> YAMLNode {
    nodeCount += 1
    if nodeCount > limits.maxNodes {
      throw YAMLError(
        location: location,
        text: Bilingual(
          "the file has more than \(limits.maxNodes) values; split it into smaller playbooks",
          "文件中的值超过 \(limits.maxNodes) 个；请把它拆分成几个较小的剧本文件"))
    }
    return YAMLNode(value, at: location)
  }

  mutating func checkDepth(_ depth: Int, _ offset: Int) throws(YAMLError) {
    let maxDepth = min(limits.maxDepth, YAMLLimits.depthCeiling)
    if depth > maxDepth {
      throw fail(offset, "nesting is deeper than \(maxDepth) levels; flatten the structure", "嵌套超过 \(maxDepth) 层；请减少嵌套层级")
    }
  }

  func text(_ from: Int, _ to: Int) -> String {
    String(decoding: bytes[from..<to], as: UTF8.self)
  }

  /// A short quotation of the text at `i` for error messages.
  func excerpt(_ i: Int) -> String {
    var j = i
    var count = 0
    while j < lineEnd && count < 20 {
      j += 1
      while j < lineEnd && bytes[j] & 0xC0 == 0x80 { j += 1 }
      count += 1
    }
    return text(i, j) + (j < lineEnd ? "…" : "")
  }

  // MARK: Document

  mutating func parseDocument() throws(YAMLError) -> YAMLNode {
    let emptyLocation = YAMLLocation(file: file, line: 1, column: 1)
    try skipToContent()
    if !eof && atDocumentMarker {
      if bytes[lineStart] == YAMLByte.dot {
        throw fail(
          lineStart, "found '...' (end of document); remove it — a playbook file holds exactly one document",
          "这里有 '...'（文档结束标记），请删除它——一个剧本文件只能包含一个文档")
      }
      let rest = try skipSpaces(lineStart + 3)
      if rest < lineEnd && bytes[rest] != YAMLByte.hash {
        throw fail(
          rest, "found content on the '---' line; put the document's content on the lines after '---'",
          "'---' 这一行后面还有内容；请把文档内容写在 '---' 之后的行里")
      }
      try nextContentLine()
    }
    if eof { return try node(.mapping([]), emptyLocation) }
    if atDocumentMarker { throw secondDocument() }
    let root = try parseBlockNode(at: lineStart + indent, parentIndent: -1, depth: 0)
    if !eof {
      if atDocumentMarker { throw secondDocument() }
      throw fail(
        lineStart + indent, "inconsistent indentation: this line is indented by \(indent) spaces, less than the lines before it at the top level",
        "缩进不一致：这一行缩进了 \(indent) 个空格，比前面顶层的行还少")
    }
    return root
  }

  mutating func secondDocument() -> YAMLError {
    let marker = text(lineStart, lineStart + 3)
    return fail(
      lineStart, "found '\(marker)', which starts or ends a YAML document; a playbook file holds exactly one document, so remove it (or split the file)",
      "这里有 '\(marker)'，它表示 YAML 文档的开始或结束；一个剧本文件只能包含一个文档，请删除它（或把文件拆开）")
  }

  // MARK: Block structure

  /// Parses the node that starts at `p` on the current line (a sequence, a mapping or a
  /// scalar). Its column is its indentation. `parentIndent` is the column of the enclosing
  /// collection (-1 at the top level); `depth` is that collection's nesting depth.
  mutating func parseBlockNode(at p: Int, parentIndent: Int, depth: Int) throws(YAMLError) -> YAMLNode {
    let column = p - lineStart  // everything before p is spaces or "- ", so bytes == scalars
    if isSequenceItem(p) {
      return try parseSequence(at: p, column: column, depth: depth + 1, indentless: false)
    }
    if let key = try scanKey(at: p) {
      return try parseMapping(first: key, column: column, depth: depth + 1)
    }
    return try parseValue(at: p, parentIndent: parentIndent, depth: depth, afterKey: false)
  }

  mutating func parseMapping(first: YAMLScannedKey, column n: Int, depth: Int) throws(YAMLError) -> YAMLNode {
    try checkDepth(depth, first.start)
    let mappingLocation = location(first.start)
    var entries: [YAMLEntry] = []
    var seen: [String: Int] = [:]
    var key = first
    while true {
      let keyLocation = location(key.start)
      if let firstLine = seen[key.text] {
        throw fail(
          key.start, "duplicate key '\(key.text)' (already used on line \(firstLine)); each key may appear only once in a mapping",
          "键 '\(key.text)' 重复（第 \(firstLine) 行已经用过）；同一个映射中每个键只能出现一次")
      }
      seen[key.text] = lineNo
      let q = try skipSpaces(key.colon + 1)
      let value: YAMLNode
      if q >= lineEnd || bytes[q] == YAMLByte.hash {
        let emptyLocation = location(key.colon + 1)
        try nextContentLine()
        if !eof && !atDocumentMarker && indent > n {
          value = try parseBlockNode(at: lineStart + indent, parentIndent: n, depth: depth)
        } else if !eof && indent == n && isSequenceItem(lineStart + n) {
          value = try parseSequence(at: lineStart + n, column: n, depth: depth + 1, indentless: true)
        } else {
          value = try node(.scalar(""), emptyLocation)
        }
      } else {
        value = try parseValue(at: q, parentIndent: n, depth: depth, afterKey: true)
      }
      entries.append(YAMLEntry(key: key.text, keyLocation: keyLocation, value: value))

      if eof || atDocumentMarker || indent < n { break }
      let p = lineStart + indent
      if indent > n { throw misindented(p, expected: n) }
      if isSequenceItem(p) {
        throw fail(
          p, "found a sequence item ('- ') where a mapping key was expected; at this indentation the block holds 'key: value' entries — indent the list under its key",
          "这里应为映射的键，却出现了列表项（'- '）；这一缩进层级的内容是 'key: value' 条目——请把列表缩进到它所属的键下面")
      }
      guard let next = try scanKey(at: p) else {
        try checkValueStart(p, afterKey: false)
        let found = excerpt(p)
        throw fail(
          p,
          "expected a mapping entry ('key: value') here but found '\(found)'; a key is plain or quoted text followed by ': ' — add the key, or indent the line if it belongs to the value above",
          "这里应为映射条目（'key: value'），实际是 '\(found)'；键是不加引号或带引号的文本，后面跟 ': '——请补上键；如果这一行属于上面的值，请增加缩进")
      }
      key = next
    }
    return try node(.mapping(entries), mappingLocation)
  }

  mutating func parseSequence(at start: Int, column n: Int, depth: Int, indentless: Bool) throws(YAMLError) -> YAMLNode {
    try checkDepth(depth, start)
    let sequenceLocation = location(start)
    var items: [YAMLNode] = []
    var p = start
    while true {
      let q = try skipSpaces(p + 1)
      let item: YAMLNode
      if q >= lineEnd || bytes[q] == YAMLByte.hash {
        let emptyLocation = location(p + 1)
        try nextContentLine()
        if !eof && !atDocumentMarker && indent > n {
          item = try parseBlockNode(at: lineStart + indent, parentIndent: n, depth: depth)
        } else {
          item = try node(.scalar(""), emptyLocation)
        }
      } else {
        item = try parseBlockNode(at: q, parentIndent: n, depth: depth)
      }
      items.append(item)

      if eof || atDocumentMarker || indent < n { break }
      p = lineStart + indent
      if indent > n { throw misindented(p, expected: n) }
      if !isSequenceItem(p) {
        if indentless { break }
        let found = excerpt(p)
        throw fail(
          p, "expected a sequence item ('- ') at this indentation but found '\(found)'; every entry of a list starts with '- '",
          "这一缩进层级应为列表项（'- '），实际是 '\(found)'；列表的每一项都以 '- ' 开头")
      }
    }
    return try node(.sequence(items), sequenceLocation)
  }

  mutating func misindented(_ p: Int, expected: Int) -> YAMLError {
    fail(
      p, "inconsistent indentation: this line is indented by \(indent) spaces, but the block it continues is indented by \(expected); line it up with the entries it belongs to",
      "缩进不一致：这一行缩进了 \(indent) 个空格，而它所接续的块缩进为 \(expected) 个空格；请与同属一组的条目对齐")
  }

  /// After a value written on one line: the next content line must not be indented deeper than
  /// the collection holding that value (PyYAML would read it as a continuation).
  mutating func checkNothingNested(parentIndent: Int, plain: Bool) throws(YAMLError) {
    guard !eof, !atDocumentMarker, indent > parentIndent else { return }
    let p = lineStart + indent
    if plain {
      throw fail(
        p,
        "this line is indented more than the value above it, so YAML would read it as a continuation of that plain value; multi-line plain values are not supported — keep the value on one line, quote it, or use a block scalar ('|' or '>')",
        "这一行比上面的值缩进得更多，YAML 会把它当作上面那个不加引号的值的延续；不支持跨行的不加引号的值——请把值写在一行内、加上引号，或改用块标量（'|' 或 '>'）")
    }
    throw fail(
      p,
      "unexpected indentation: this line is indented more than the value above it, but that value is complete, so nothing can be nested under it; line it up with the entries it belongs to",
      "多余的缩进：这一行比上面的值缩进得更多，但那个值已经完整，下面不能再嵌套内容；请与同属一组的条目对齐")
  }
}

/// Where a JSON document is broken: 1-based line and column (column in characters), and what is
/// wrong in both languages (the app shows the session's).
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public var text: Bilingual
  /// The English message.
  public var message: String { text.en }
  public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 parser over UTF-8 bytes. It rejects what a hand-edited or damaged plan
/// can contain (trailing commas, comments, invalid UTF-8, raw control characters, duplicate
/// keys, nesting deeper than `maxDepth`) with the line and column of the first problem.
///
/// It walks the bytes through an `UnsafeBufferPointer` (no bounds checks or array retains per
/// byte), scans a string to its closing quote before making one `String` of it, and reads a
/// plain integer from its digits without making a `String` first. Measured on a release build
/// over the benchmark's plans (4–5 KB): perf had parsing at 24 % of a cold `agenda` over 10,000
/// plans, a third of it validating strings through unspecialised generic code and a third
/// hashing keys twice into growing dictionaries; with these paths a cold `coach list` over
/// 1,000 plans runs 1.456 instead of 1.662 billion instructions (callgrind, −12 %). The
/// results, and every error with its line and column, are the same as before
/// (`JSONParserFastPathTests` compares them with the earlier parser).
public struct JSONParser {
  public static let defaultMaxDepth = 512

  public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
    try parse(bytes: Array(text.utf8), maxDepth: maxDepth)
  }

  public static func parse(bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
    let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
      var parser = JSONParser(bytes: buffer, maxDepth: maxDepth)
      return Result { () throws(JSONSyntaxError) in try parser.document() }
    }
    return try result.get()
  }

  /// Valid only during `parse(bytes:)`.
  private let bytes: UnsafeBufferPointer<UInt8>
  private let maxDepth: Int
  private var index = 0
  private var depth = 0
  /// The keys and values of the objects and lists being read, innermost last: each object or
  /// list gathers its members on top and takes them off when it ends, so the storage is made
  /// once per document. Two new arrays per object, grown member by member, were a seventh of
  /// parsing (callgrind, cold `agenda` over 1,000 of the benchmark's plans).
  private var keyStack: [String] = []
  private var valueStack: [JSONValue] = []

  private init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
    self.bytes = bytes
    self.maxDepth = maxDepth
  }

  private mutating func document() throws(JSONSyntaxError) -> JSONValue {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    skipSpace()
    guard index < bytes.count else { throw fail("the file is empty; expected a JSON object", "文件是空的；应为一个 JSON 对象") }
    let value = try parseValue()
    skipSpace()
    guard index == bytes.count else {
      let here = describeHere()
      throw fail("unexpected \(here.en) after the end of the document", "文档已经结束，后面却还有\(here.zh)")
    }
    return value
  }

  // MARK: values

  private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
    guard index < bytes.count else { throw fail("the document ends too early; expected a value", "文档提前结束；此处应为一个值") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default:
      throw unexpected("expected a value (object, list, text, number, true, false or null)", "此处应为一个值（对象、列表、文本、数字、true、false 或 null）")
    }
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > maxDepth { throw fail("nesting is deeper than \(maxDepth) levels", "嵌套超过 \(maxDepth) 层") }
  }

  private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    index += 1
    skipSpace()
    if peek(UInt8(ascii: "}")) {
      index += 1
      depth -= 1
      return .object([:])
    }
    // Keys and values are gathered first and the dictionary built once at its size: looking
    // each key up and then inserting it into a growing dictionary hashed it twice and resized
    // the table (perf, cold `agenda` over 10,000 plans: dictionary work was a third of
    // parsing). A duplicate is found by comparing with the keys so far (objects of a plan have
    // a few keys), through a set once there are many; String equality is the dictionary's.
    let keyBase = keyStack.count
    let valueBase = valueStack.count
    var seen: Set<String>? = nil
    while true {
      skipSpace()
      guard peek(UInt8(ascii: "\"")) else {
        throw peek(UInt8(ascii: "}")) ? fail("trailing comma before }", "} 前面有多余的逗号") : unexpected("expected a key in double quotes", "此处应为带双引号的键")
      }
      let keyStart = index
      let key = try parseString()
      let duplicate: Bool
      if seen != nil {
        duplicate = !seen!.insert(key).inserted
      } else {
        duplicate = keyStack[keyBase...].contains(key)
        if keyStack.count - keyBase == 16 {
          var all = Set(keyStack[keyBase...])
          all.insert(key)
          seen = all
        }
      }
      if duplicate { throw fail("duplicate key \"\(key)\"", "键 \"\(key)\" 重复", at: keyStart) }
      skipSpace()
      guard peek(UInt8(ascii: ":")) else { throw unexpected("expected : after the key", "键后面应为 :") }
      index += 1
      skipSpace()
      keyStack.append(key)
      let value = try parseValue()
      valueStack.append(value)
      skipSpace()
      if peek(UInt8(ascii: ",")) {
        index += 1
        continue
      }
      if peek(UInt8(ascii: "}")) {
        index += 1
        depth -= 1
        let count = keyStack.count - keyBase
        var object = [String: JSONValue](minimumCapacity: count)
        for i in 0..<count { object[keyStack[keyBase + i]] = valueStack[valueBase + i] }
        keyStack.removeLast(count)
        valueStack.removeLast(count)
        return .object(object)
      }
      throw unexpected("expected , or }", "此处应为 , 或 }")
    }
  }

  private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    index += 1
    skipSpace()
    if peek(UInt8(ascii: "]")) {
      index += 1
      depth -= 1
      return .array([])
    }
    let base = valueStack.count
    while true {
      skipSpace()
      if peek(UInt8(ascii: "]")) { throw fail("trailing comma before ]", "] 前面有多余的逗号") }
      let item = try parseValue()
      valueStack.append(item)
      skipSpace()
      if peek(UInt8(ascii: ",")) {
        index += 1
        continue
      }
      if peek(UInt8(ascii: "]")) {
        index += 1
        depth -= 1
        let items = Array(valueStack[base...])
        valueStack.removeLast(items.count)
        return .array(items)
      }
      throw unexpected("expected , or ]", "此处应为 , 或 ]")
    }
  }

  private mutating func parseString() throws(JSONSyntaxError) -> String {
    index += 1  // opening quote
    // Most strings (keys, ids, dates, prose) hold no escape: find the closing quote and make
    // one String of the run; anything else (an escape, a control character, the end of the
    // file) goes the general way below from the start, with its errors.
    let start = index
    var end = start
    var ascii: UInt8 = 0
    while end < bytes.count {
      let byte = bytes[end]
      if byte == UInt8(ascii: "\"") {
        if ascii < 0x80 {
          index = end + 1
          return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        var result = ""
        try appendRun(&result, from: start, to: end)
        index = end + 1
        return result
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      ascii |= byte
      end += 1
    }
    var result = ""
    var runStart = index
    while true {
      guard index < bytes.count else { throw notClosed(at: runStart - 1) }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        try appendRun(&result, from: runStart, to: index)
        index += 1
        return result
      }
      if byte == UInt8(ascii: "\\") {
        try appendRun(&result, from: runStart, to: index)
        try parseEscape(into: &result)
        runStart = index
        continue
      }
      if byte < 0x20 {
        throw fail("a control character (U+\(hex4(UInt32(byte)))) inside text must be escaped", "文本中的控制字符（U+\(hex4(UInt32(byte)))）必须转义")
      }
      index += 1
    }
  }

  private mutating func appendRun(_ result: inout String, from start: Int, to end: Int) throws(JSONSyntaxError) {
    guard start < end else { return }
    let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
    guard let text = String(validating: slice, as: UTF8.self) else {
      throw fail("the text is not valid UTF-8", "文本不是有效的 UTF-8", at: firstInvalidUTF8(in: start..<end))
    }
    result += text
  }

  private func firstInvalidUTF8(in range: Range<Int>) -> Int {
    var i = range.lowerBound
    while i < range.upperBound {
      let b = bytes[i]
      let length: Int
      switch b {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return i
      }
      if i + length > range.upperBound { return i }
      if length > 1, String(validating: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]), as: UTF8.self) == nil { return i }
      i += length
    }
    return range.lowerBound
  }

  private mutating func parseEscape(into result: inout String) throws(JSONSyntaxError) {
    index += 1
    guard index < bytes.count else { throw notClosed() }
    let c = bytes[index]
    index += 1
    switch c {
    case UInt8(ascii: "\""): result.append("\"")
    case UInt8(ascii: "\\"): result.append("\\")
    case UInt8(ascii: "/"): result.append("/")
    case UInt8(ascii: "b"): result.append("\u{08}")
    case UInt8(ascii: "f"): result.append("\u{0C}")
    case UInt8(ascii: "n"): result.append("\n")
    case UInt8(ascii: "r"): result.append("\r")
    case UInt8(ascii: "t"): result.append("\t")
    case UInt8(ascii: "u"):
      let unit = try hexUnit()
      if (0xD800...0xDBFF).contains(unit) {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
          throw fail("a \\u escape starts a surrogate pair that is not completed", "\\u 转义开始了一个代理对，但没有写完整")
        }
        index += 2
        let low = try hexUnit()
        guard (0xDC00...0xDFFF).contains(low) else { throw fail("a \\u escape has an invalid low surrogate", "\\u 转义中的低位代理无效") }
        let scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        result.unicodeScalars.append(Unicode.Scalar(scalar)!)
      } else if let scalar = Unicode.Scalar(unit) {
        result.unicodeScalars.append(scalar)
      } else {
        throw fail("a \\u escape names a lone surrogate (U+\(hex4(unit)))", "\\u 转义给出了一个孤立的代理码位（U+\(hex4(unit))）")
      }
    default:
      index -= 2
      let escape = Character(Unicode.Scalar(c))
      throw fail(
        "\\\(escape) is not a valid escape; use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX",
        "\\\(escape) 不是有效的转义；请使用 \\\" \\\\ \\/ \\b \\f \\n \\r \\t 或 \\uXXXX")
    }
  }

  private mutating func hexUnit() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw fourHexDigits() }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let c = bytes[index]
      let digit: UInt32
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
      default: throw fourHexDigits()
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }

  private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
    let start = index
    let negative = peek(UInt8(ascii: "-"))
    if negative { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else { throw fail("a number needs digits after -", "负号 - 后面需要数字") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count, isDigit(bytes[index]) { throw fail("numbers must not have leading zeros", "数字不能有前导零") }
    } else {
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    // A plain integer of at most 15 characters (with its sign) is exact in a Double and writes
    // back the same: its value from the digits, as Double(text) gives it (-0 stays -0.0).
    let digitsEnd = index
    if index - start <= 15, index == bytes.count || !(bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
      var magnitude = 0
      for i in (negative ? start + 1 : start)..<digitsEnd { magnitude = magnitude * 10 + Int(bytes[i] &- UInt8(ascii: "0")) }
      return .number(negative ? -Double(magnitude) : Double(magnitude))
    }
    if peek(UInt8(ascii: ".")) {
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else { throw fail("a number needs digits after the decimal point", "小数点后面需要数字") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard index < bytes.count, isDigit(bytes[index]) else { throw fail("a number needs digits in its exponent", "数字的指数部分需要数字") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    guard let value = Double(text), value.isFinite else { throw fail("the number \(text) is out of range", "数字 \(text) 超出范围", at: start) }
    // Short plain integers are exact in a Double and write back the same; anything else keeps
    // its text when writing the Double would change it (precision or spelling).
    let plainShortInteger = index - start <= 15 && !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
    if plainShortInteger || JSONWriter.formatNumber(value) == text { return .number(value) }
    return .numberText(text)
  }

  private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
    let count = word.utf8CodeUnitCount
    let matches =
      index + count <= bytes.count
      && word.withUTF8Buffer { buffer in
        (0..<count).allSatisfy { bytes[index + $0] == buffer[$0] }
      }
    guard matches else { throw unexpected("expected a value", "此处应为一个值") }
    index += count
  }

  // MARK: helpers

  private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
  private func peek(_ b: UInt8) -> Bool { index < bytes.count && bytes[index] == b }

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  private func describeHere() -> Bilingual {
    guard index < bytes.count else { return Bilingual("end of file", "文件末尾") }
    let b = bytes[index]
    if b >= 0x21 && b < 0x7F {
      let c = "'\(Character(Unicode.Scalar(b)))'"
      return Bilingual(c, "字符 " + c)
    }
    let hex = String(b, radix: 16, uppercase: true)
    return Bilingual("byte 0x\(hex)", "字节 0x\(hex)")
  }

  /// "unexpected 'x'; expected …" at the current position.
  private func unexpected(_ en: String, _ zh: String) -> JSONSyntaxError {
    let here = describeHere()
    return fail("unexpected \(here.en); \(en)", "\(zh)，却遇到了\(here.zh)")
  }

  private func notClosed(at offset: Int? = nil) -> JSONSyntaxError {
    fail("text is not closed: a \" is missing", "文本没有结束：缺少一个 \"", at: offset)
  }

  private func fourHexDigits() -> JSONSyntaxError {
    fail("a \\u escape needs four hex digits", "\\u 转义需要四位十六进制数字")
  }

  private func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
  }

  /// Builds the error with the line and column of `offset` (default: the current position).
  /// Counting happens only here, so the fast path never tracks lines.
  private func fail(_ en: String, _ zh: String, at offset: Int? = nil) -> JSONSyntaxError {
    let target = min(offset ?? index, bytes.count)
    var line = 1
    var lineStart = 0
    for i in 0..<target where bytes[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    // Column in characters: count UTF-8 lead bytes between the line start and the target.
    var column = 1
    for i in lineStart..<target where bytes[i] & 0xC0 != 0x80 { column += 1 }
    return JSONSyntaxError(line: line, column: column, text: Bilingual(en, zh))
  }
}

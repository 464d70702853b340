import CoachTestSupport
import Testing

@testable import CoachCore

/// `JSONParser`'s fast paths (strings without escapes made in one piece, plain integers read
/// from their digits, bytes walked through a buffer) against the parser as it was before them
/// (`JSONReferenceParser`): the same value, and for broken input the same error at the same
/// line and column, in both languages.
@Suite struct JSONParserFastPathTests {
  /// Both parsers' answers for the same bytes.
  func same(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
    let fast = Result { () throws(JSONSyntaxError) in try JSONParser.parse(bytes: bytes) }
    let slow = Result { () throws(JSONSyntaxError) in try JSONReferenceParser.parse(bytes: bytes) }
    switch (fast, slow) {
    case (.success(let a), .success(let b)):
      #expect(a == b, "\(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
      // == says -0.0 == 0.0: the numbers must be the same bits too.
      #expect(numberBits(a) == numberBits(b), sourceLocation: sourceLocation)
    case (.failure(let a), .failure(let b)):
      #expect(a == b, "\(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
    default:
      Issue.record("fast \(fast), reference \(slow) for \(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
    }
  }

  /// Every number of a value as its bit pattern, in document order (keys sorted).
  func numberBits(_ value: JSONValue) -> [UInt64] {
    switch value {
    case .number(let n): return [n.bitPattern]
    case .array(let items): return items.flatMap(numberBits)
    case .object(let o): return o.keys.sorted().flatMap { numberBits(o[$0]!) }
    default: return []
    }
  }

  func same(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    same(Array(text.utf8), sourceLocation: sourceLocation)
  }

  static let documents: [String] = [
    #"{"name": "华东电力集团", "zh": "「客户」说：“价格太高了。”", "mixed": "ACME 华东 — café ☕ 😀"}"#,
    #"{"a": "x\"\\\/\b\f\n\r\t\u00e9\u4E2D\ud83d\ude00", "b": "plain", "c": "\u0000"}"#,
    #"{"esc at start": "\nx", "esc at end": "x\n", "only": "\\", "empty": ""}"#,
    #"[0, -0, 1, -1, 9, 10, 123456789012345, -12345678901234, 1234567890123456, -123456789012345]"#,
    #"[9007199254740993, 9007199254740992, 0.1, 1.0, 1.50, -0.0, 1e3, 1E-3, 2.5e+10, 0e0, -0e-0]"#,
    #"[1.7976931348623157e308, 5e-324, 4.9e-324, 123456789012345.5, 99999999999999.9]"#,
    #"{"n": 15, "m": -7, "list": [1,2,3], "deep": {"x": {"y": [true, false, null]}}}"#,
    "\u{FEFF}{\"bom\": 1}",
    "  \n\t{ \"spaced\" :\r\n [ 1 , 2 ] }  \n",
    #"{"k\u00e9y": 1, "kéy2": "中\u6587"}"#,
    #"["a", "b", ["c", ["d"]], {"e": "f"}]"#,
    "\"top-level text\"",
    "42",
    "-0",
    "true",
  ]

  @Test(arguments: documents) func agreesOnGoodDocuments(_ text: String) {
    same(text)
  }

  static let broken: [String] = [
    "", " ", "{", "[", "\"", "\"abc", "\"ab\\", "\"中文", "{\"a\": \"x\ny\"}", "{\"a\": \"中\u{01}\"}",
    "{\"a\": \"x\\q\"}", "{\"a\": \"\\u12\"}", "{\"a\": \"\\u12G4\"}", "{\"a\": \"\\ud800\"}", "{\"a\": \"\\ud800\\u0041\"}",
    "{\"a\": \"\\udc00\"}", "{\"a\": 01}", "{\"a\": -}", "{\"a\": -a}", "{\"a\": 1.}", "{\"a\": 1.e5}", "{\"a\": 1e}",
    "{\"a\": 1e+}", "{\"a\": 1e999}", "{\"a\": -1e999}", "{\"a\": 1, \"a\": 2}", "{\"中\": 1, \"中\": 2}", "{\"a\": 1,}",
    "[1, 2,]", "[1 2]", "{\"a\" 1}", "{a: 1}", "{\"a\": tru}", "{\"a\": nul}", "{} x", "[] ]", "{\"a\": 1}\n\n  ,",
    "[1234567890123456789012345678901234567890]", "[-]", "[+1]", "[.5]", "[0x10]", "[1, 2, 3",
    "{\"名称\": \"华东\", \"a\": [1, 2,]}", "{\"a\":\n  [\"x\",\n   \"中文\"\n   \"y\"]}",
  ]

  @Test(arguments: broken) func agreesOnBrokenDocuments(_ text: String) {
    same(text)
  }

  @Test func agreesOnDuplicateKeysInSmallAndLargeObjects() {
    // Up to 16 keys are compared one by one, beyond through a set; "é" and "e\u{301}" are the
    // same key to a dictionary, so to both parsers.
    func object(_ count: Int, duplicateOf: Int?, at: Int, decomposed: Bool = false) -> String {
      var keys = (0..<count).map { "k\($0)é" }
      if let duplicateOf { keys[at] = decomposed ? "k\(duplicateOf)e\u{301}" : keys[duplicateOf] }
      return "{" + keys.enumerated().map { "\"\($1)\": [\($0), \"v\"]" }.joined(separator: ", ") + "}"
    }
    for count in [1, 2, 15, 16, 17, 18, 40] {
      same(object(count, duplicateOf: nil, at: 0))
      for at in [1, 15, 16, 17, 30] where at < count {
        same(object(count, duplicateOf: 0, at: at))
        same(object(count, duplicateOf: at - 1, at: at, decomposed: true))
      }
    }
  }

  @Test func agreesOnInvalidUTF8() {
    let cases: [[UInt8]] = [
      Array("{\"a\": \"ab".utf8) + [0xFF] + Array("c\"}".utf8),
      Array("{\"a\": \"中".utf8) + [0xE4, 0xB8] + Array("\"}".utf8),
      Array("{\"a\": \"x".utf8) + [0xC0, 0x80] + Array("\"}".utf8),
      Array("{\"a\": \"x".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8),
      Array("{\"a\": \"x".utf8) + [0xF5, 0x80, 0x80, 0x80] + Array("\"}".utf8),
      Array("{\"a\": \"\\n".utf8) + [0x80] + Array("\"}".utf8),
      Array("{\"a\": \"".utf8) + [0xFF] + Array("\n\"}".utf8),
      Array("{\"a".utf8) + [0xFE] + Array("\": 1}".utf8),
      [0xEF, 0xBB], [0xEF, 0xBB, 0xBF], [0xFF],
    ]
    for bytes in cases { same(bytes) }
  }

  @Test func agreesOnEveryCutOfAPlan() {
    // Every prefix of a document with each kind of value: each cut ends in a different place.
    let text = #"{"id": "acme", "名称": "华东\u7535力", "n": [0, -12, 3.25, 1e2, 123456789012345678], "ok": true, "x": null, "s": "a\"b"}"#
    let bytes = Array(text.utf8)
    for cut in 0...bytes.count { same(Array(bytes[..<cut])) }
  }

  @Test func agreesOnGeneratedNumbers() {
    // Integers at the edge of the fast path (15 characters with the sign) and beyond it.
    var generator = SplitMix(seed: 17)
    for _ in 0..<400 {
      let digits = 1 + Int(generator.next() % 18)
      var text = generator.next() % 2 == 0 ? "-" : ""
      text += String(1 + generator.next() % 9)
      for _ in 1..<digits { text += String(generator.next() % 10) }
      switch generator.next() % 4 {
      case 0: text += "." + String(generator.next() % 1000)
      case 1: text += "e" + String(generator.next() % 30)
      default: break
      }
      same("[" + text + "]")
    }
  }
}

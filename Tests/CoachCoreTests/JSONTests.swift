import CoachTestSupport
import Testing

@testable import CoachCore

@Suite struct JSONParserTests {
  @Test func parsesEveryKindOfValue() throws {
    let v = try JSONParser.parse(#"{"a": [1, -2.5, 3e2, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00", "c": {}}"#)
    #expect(v["a"] == [1, -2.5, .numberText("3e2"), true, false, nil])
    #expect(v["a"]?.array?[2].number == 300 && v["a"]?.array?[2].int == 300)
    #expect(v["b"] == .string("x\"\\/\né😀"))
    #expect(v["c"] == .object([:]))
  }

  @Test func keepsChineseText() throws {
    let v = try JSONParser.parse(#"{"名称": "华东电力集团"}"#)
    #expect(v["名称"] == "华东电力集团")
  }

  @Test(arguments: [
    ("{\n  \"a\": 1,\n}", 3, 1, "trailing comma"),
    ("{\"a\": 1 \"b\": 2}", 1, 9, "expected , or }"),
    ("[1, 2", 1, 6, "expected , or ]"),
    ("{\"a\": tru}", 1, 7, "expected a value"),
    ("{\"a\": \"x\ny\"}", 1, 9, "control character"),
    ("{\"a\": 01}", 1, 8, "leading zeros"),
    ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key"),
    ("", 1, 1, "empty"),
    ("{} x", 1, 4, "after the end"),
    ("{\"a\": \"\\x\"}", 1, 8, "not a valid escape"),
    ("{\"a\": \"abc", 1, 7, "not closed"),
  ])
  func reportsLineAndColumn(text: String, line: Int, column: Int, phrase: String) {
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    do { _ = try JSONParser.parse(text) } catch {
      #expect(error.line == line, "\(error)")
      #expect(error.column == column, "\(error)")
      #expect(error.message.contains(phrase), "\(error)")
      #expect(Untranslated.problem(error.text) == nil)
    }
  }

  @Test func syntaxErrorsAreSaidInChineseToo() {
    func zh(_ text: String) -> String {
      do {
        _ = try JSONParser.parse(text)
        return "accepted"
      } catch { return "\(error.line):\(error.column): " + error.text.zh }
    }
    #expect(zh("{\n  \"a\": 1,\n}") == "3:1: } 前面有多余的逗号")
    #expect(zh("{\"a\": 1 \"b\": 2}") == "1:9: 此处应为 , 或 }，却遇到了字符 '\"'")
    #expect(zh("[1, 2") == "1:6: 此处应为 , 或 ]，却遇到了文件末尾")
    #expect(zh("{\"a\": 1, \"a\": 2}") == "1:10: 键 \"a\" 重复")
    #expect(zh("") == "1:1: 文件是空的；应为一个 JSON 对象")
    #expect(zh("{\"a\": \"\\x\"}") == "1:8: \\x 不是有效的转义；请使用 \\\" \\\\ \\/ \\b \\f \\n \\r \\t 或 \\uXXXX")
  }

  @Test func columnsCountCharactersNotBytes() {
    do {
      _ = try JSONParser.parse("{\"名称\": x}")
      Issue.record("accepted a bare word as a value")
    } catch {
      #expect(error.line == 1)
      #expect(error.column == 8)
    }
  }

  @Test func rejectsInvalidUTF8WithItsPosition() {
    let bytes: [UInt8] = Array("{\"a\": \"ok".utf8) + [0xFF, 0xFE] + Array("\"}".utf8)
    do {
      _ = try JSONParser.parse(bytes: bytes)
      Issue.record("accepted invalid UTF-8")
    } catch {
      #expect(error.message.contains("UTF-8"))
      #expect(error.column == 10)
    }
  }

  @Test func capsNesting() throws {
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
    let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
    _ = try JSONParser.parse(ok)
  }

  @Test func writerIsSortedIndentedAndStable() throws {
    let v: JSONValue = ["zeta": 1, "alpha": ["b": true, "a": nil], "中": "文", "list": [1, 2.5, "x"], "empty": [], "obj": [:]]
    let text = JSONWriter.pretty(v)
    #expect(
      text == """
        {
          "alpha": {
            "a": null,
            "b": true
          },
          "empty": [],
          "list": [
            1,
            2.5,
            "x"
          ],
          "obj": {},
          "zeta": 1,
          "中": "文"
        }

        """)
    #expect(try JSONParser.parse(text) == v)
  }

  @Test func writerEscapesControlCharacters() throws {
    let s = "bell\u{07} esc\u{1B}[31m tab\t nl\n quote\" back\\ del\u{7F}"
    let text = JSONWriter.compact(.string(s))
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    #expect(try JSONParser.parse(text) == .string(s))
  }

  @Test func numbersRoundTrip() throws {
    for n in [0.0, -1, 42, 1_234_567_890_123, 0.1, 1.5e-7, 1e300, -2.25] {
      #expect(try JSONParser.parse(JSONWriter.compact(.number(n))) == .number(n))
    }
    #expect(JSONWriter.formatNumber(3) == "3")
  }

  @Test func randomMutationsNeverCrash() {
    var rng = SplitMix(seed: 7)
    let sample = Array(#"{"a": [1, 2, {"b": "c\u00e9"}], "d": true, "e": null, "f": -1.5e3}"#.utf8)
    for _ in 0..<3000 {
      var bytes = sample
      for _ in 0..<Int(rng.next() % 4 + 1) {
        let i = Int(rng.next() % UInt64(bytes.count))
        switch rng.next() % 3 {
        case 0: bytes[i] = UInt8(rng.next() % 256)
        case 1: bytes.remove(at: i)
        default: bytes.insert(UInt8(rng.next() % 256), at: i)
        }
        if bytes.isEmpty { bytes = [0x7B] }
      }
      _ = try? JSONParser.parse(bytes: bytes)
    }
  }
}

/// A tiny deterministic generator for randomized tests.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

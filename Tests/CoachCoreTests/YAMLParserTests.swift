import CoachCore
import CoachTestSupport
import Testing

/// One document the parser must reject, with the exact location and a key phrase of the message.
struct YAMLRejectCase: Sendable, CustomTestStringConvertible {
  var name: String
  var text: String
  var line: Int
  var column: Int
  var phrase: String
  var testDescription: String { name }

  init(_ name: String, _ text: String, _ line: Int, _ column: Int, _ phrase: String) {
    self.name = name
    self.text = text
    self.line = line
    self.column = column
    self.phrase = phrase
  }
}

@Suite struct YAMLParserTests {
  // MARK: Helpers

  static let file = "test.yaml"

  static func parse(_ text: String, limits: YAMLLimits = .standard) throws(YAMLError) -> YAMLNode {
    try YAML.parse(text, file: file, limits: limits)
  }

  /// The error parsing `text` throws, or nil if it parses.
  static func error(_ text: String, limits: YAMLLimits = .standard) -> YAMLError? {
    do {
      _ = try YAML.parse(text, file: file, limits: limits)
      return nil
    } catch {
      return error
    }
  }

  static func loc(_ line: Int, _ column: Int) -> YAMLLocation {
    YAMLLocation(file: file, line: line, column: column)
  }

  /// A compact JSON rendering (Python `json.dumps` layout), used for whole-value assertions.
  /// With `ascii`, non-ASCII characters are escaped exactly as `json.dumps` does by default.
  static func json(_ node: YAMLNode, ascii: Bool = false) -> String {
    switch node.value {
    case .scalar(let text):
      return quote(text, ascii: ascii)
    case .sequence(let items):
      return "[" + items.map { json($0, ascii: ascii) }.joined(separator: ", ") + "]"
    case .mapping(let entries):
      return "{" + entries.map { quote($0.key, ascii: ascii) + ": " + json($0.value, ascii: ascii) }.joined(separator: ", ") + "}"
    }
  }

  static func quote(_ text: String, ascii: Bool) -> String {
    func hex4(_ v: UInt32) -> String {
      let digits = String(v, radix: 16)
      return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        let v = scalar.value
        if v < 0x20 || (ascii && v >= 0x7F) {
          if v > 0xFFFF {
            let u = v - 0x10000
            out += hex4(0xD800 + (u >> 10)) + hex4(0xDC00 + (u & 0x3FF))
          } else {
            out += hex4(v)
          }
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// The JSON text of a parse, for whole-value assertions.
  static func parsed(_ text: String) throws -> String {
    json(try parse(text))
  }

  /// Converts line endings to CRLF.
  static func crlf(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\n" { scalars.append("\r") }
      scalars.append(scalar)
    }
    return String(scalars)
  }

  /// Replaces the JSON token `null` (outside strings) by `""`: PyYAML gives None for an empty
  /// value, this parser gives the empty string.
  static func nullAsEmpty(_ json: String) -> String {
    var out = ""
    var inString = false
    var escaped = false
    var scalars = Array(json.unicodeScalars)[...]
    while let c = scalars.first {
      if inString {
        out.unicodeScalars.append(c)
        if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
        scalars = scalars.dropFirst()
      } else if c == "\"" {
        inString = true
        out.unicodeScalars.append(c)
        scalars = scalars.dropFirst()
      } else if scalars.starts(with: "null".unicodeScalars) {
        out += "\"\""
        scalars = scalars.dropFirst(4)
      } else {
        out.unicodeScalars.append(c)
        scalars = scalars.dropFirst()
      }
    }
    return out
  }

  /// Deterministic random numbers (SplitMix64).
  struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Not a speed test (speed is `make bench`'s job, measured against a baseline): a hang guard.
  /// Each input is at most 1 MB, so anything worse than linear takes hours, far past this bound,
  /// while a loaded 2-core machine running a debug build stays far below it.
  static let hangGuardSeconds = 20.0

  static func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }

  // MARK: Documents and mappings

  @Test func emptyDocumentsAreEmptyMappingsAtLineOne() throws {
    for text in ["", "\n\n", "# only a comment\n", "---\n", "  \n# one\n   # two", "\u{FEFF}", "--- # start\n# end\n"] {
      let node = try Self.parse(text)
      #expect(node == YAMLNode(.mapping([]), at: Self.loc(1, 1)), "\(text.debugDescription)")
    }
  }

  @Test func blockMappingsNestByIndentation() throws {
    let text = """
      id: price-objection
      owner:
        name: Dana
        contact:
          email: dana@example.com
      title: Price
      """
    #expect(try Self.parsed(text) == #"{"id": "price-objection", "owner": {"name": "Dana", "contact": {"email": "dana@example.com"}}, "title": "Price"}"#)
    // The whole document may be indented, as long as it is consistent.
    #expect(try Self.parsed("  a: 1\n  b:\n      c: 2\n") == #"{"a": "1", "b": {"c": "2"}}"#)
  }

  @Test func keyStyles() throws {
    let text = """
      id: 1
      walkAway: 2
      in-depth-interview: 3
      'single quoted': 4
      "double quoted": 5
      spaced key   : 6
      x:y: 7
      C#: 8
      -dash: 9
      '': 10
      "a\\tb": 11
      'it''s': 12
      """
    #expect(
      try Self.parsed(text)
        == #"{"id": "1", "walkAway": "2", "in-depth-interview": "3", "single quoted": "4", "double quoted": "5", "spaced key": "6", "x:y": "7", "C#": "8", "-dash": "9", "": "10", "a\tb": "11", "it's": "12"}"#
    )
  }

  @Test func sequencesUnderTheirKeyOrAtTheKeyColumn() throws {
    let indented = "steps:\n  - one\n  - two\nnext: x\n"
    let sameColumn = "steps:\n- one\n- two\nnext: x\n"
    let expected = #"{"steps": ["one", "two"], "next": "x"}"#
    #expect(try Self.parsed(indented) == expected)
    #expect(try Self.parsed(sameColumn) == expected)
    #expect(try Self.parsed("- a\n- b\n") == #"["a", "b"]"#)
    #expect(try Self.parsed("-\n  - a\n  - b\n-\n- c\n") == #"[["a", "b"], "", "c"]"#)
    #expect(try Self.parsed("- - a\n  - b\n- - - c\n") == #"[["a", "b"], [["c"]]]"#)
  }

  @Test func mappingsInsideSequenceItems() throws {
    let text = """
      walkAway:
        - condition: Discount above 20%
          action: Escalate
        -   id: spaced
            note: keys align with the first key
        -
          id: next-line
      steps:
      - id: a
        questions:
        - q1
        - q2
        after: x
      - id: b
      """
    #expect(
      try Self.parsed(text)
        == #"{"walkAway": [{"condition": "Discount above 20%", "action": "Escalate"}, {"id": "spaced", "note": "keys align with the first key"}, {"id": "next-line"}], "steps": [{"id": "a", "questions": ["q1", "q2"], "after": "x"}, {"id": "b"}]}"#
    )
  }

  @Test func emptyValuesAreEmptyStrings() throws {
    let text = "a:\nb:   # comment\nc: ''\nd: \"\"\nlist:\n  -\n  - # note\n  - x\ne:\n"
    #expect(try Self.parsed(text) == #"{"a": "", "b": "", "c": "", "d": "", "list": ["", "", "x"], "e": ""}"#)
    let node = try Self.parse("a:\nb: x\n")
    #expect(node["a"]?.location == Self.loc(1, 3))  // just after the ':'
    #expect(node["a"]?.isEmptyScalar == true)
  }

  // MARK: Scalars

  @Test func plainScalars() throws {
    let text = """
      plain: some text with  two spaces
      trailing: value with trailing spaces\u{20}\u{20}\u{20}
      comment: value   # a comment
      hash: C# and F#
      url: https://example.com:8080/a?b=c#frag
      colon: x:y
      dash: -1
      question: ?maybe
      leading-colon: :x
      indicators inside: a & b * c ! d % e @ f ` g | h > i [j] {k} l, m
      quote inside: it's "fine"
      cjk: 价格异议，先确认：再提问
      dots: ...
      dashes: ---
      """
    #expect(
      try Self.parsed(text)
        == #"{"plain": "some text with  two spaces", "trailing": "value with trailing spaces", "comment": "value", "hash": "C# and F#", "url": "https://example.com:8080/a?b=c#frag", "colon": "x:y", "dash": "-1", "question": "?maybe", "leading-colon": ":x", "indicators inside": "a & b * c ! d % e @ f ` g | h > i [j] {k} l, m", "quote inside": "it's \"fine\"", "cjk": "价格异议，先确认：再提问", "dots": "...", "dashes": "---"}"#
    )
    // A value may sit alone on the next, deeper line.
    #expect(try Self.parsed("a:\n  value\nb:\n  'quoted'\n") == #"{"a": "value", "b": "quoted"}"#)
    // A document may be a single scalar.
    #expect(try Self.parsed("just text\n") == #""just text""#)
  }

  @Test func singleQuotedScalars() throws {
    #expect(try Self.parsed(#"a: 'it''s # not a comment: really'"#) == #"{"a": "it's # not a comment: really"}"#)
    #expect(try Self.parsed(#"a: '  spaces kept  '   # comment"#) == #"{"a": "  spaces kept  "}"#)
    #expect(try Self.parsed(#"a: 'back\slash \n stays'"#) == #"{"a": "back\\slash \\n stays"}"#)
    #expect(try Self.parsed("a: 'tab\tinside'") == #"{"a": "tab\tinside"}"#)
    #expect(try Self.parsed("a: ''''") == #"{"a": "'"}"#)
  }

  @Test func doubleQuotedEscapes() throws {
    let node = try Self.parse(#"a: "q\" b\\ n\n t\t s\/ e\u00e9 cjk\u4EF7 emoji\U0001F600 end""#)
    #expect(node["a"]?.scalar == "q\" b\\ n\n t\t s/ eé cjk价 emoji😀 end")
    #expect(try Self.parsed(##"a: "# not a comment""##) == ##"{"a": "# not a comment"}"##)
    #expect(try Self.parsed(##"a: "x"#c"##) == #"{"a": "x"}"#)
    #expect(try Self.parsed(#"a: "\u0009\u000a""#) == #"{"a": "\t\n"}"#)
  }

  // MARK: Block scalars

  @Test func literalBlockScalars() throws {
    let text = """
      clip: |
        line one
          indented
        line three


      strip: |-
        no newline

      keep: |+
        kept


      leading: |

        after a blank line
      comment-like: |
        # this is text
        key: value is text too
      empty: |
      last: end
      """
    #expect(
      try Self.parsed(text)
        == ##"{"clip": "line one\n  indented\nline three\n", "strip": "no newline", "keep": "kept\n\n\n", "leading": "\nafter a blank line\n", "comment-like": "# this is text\nkey: value is text too\n", "empty": "", "last": "end"}"##
    )
  }

  @Test func literalBlockScalarEdgeCases() throws {
    // No final line break: clip keeps none (as PyYAML does).
    #expect(try Self.parsed("a: |\n  x") == #"{"a": "x"}"#)
    #expect(try Self.parsed("a: |+\n  x") == #"{"a": "x"}"#)
    // Blank lines with more spaces than the indentation keep the extra spaces.
    #expect(try Self.parsed("a: |\n  x\n    \n  y\n") == #"{"a": "x\n  \ny\n"}"#)
    #expect(try Self.parsed("a: |\n  x\n \n") == #"{"a": "x\n"}"#)
    // Tabs after the indentation are content.
    #expect(try Self.parsed("a: |\n  x\ty\n  \tz\n") == #"{"a": "x\ty\n\tz\n"}"#)
    // The header may carry a comment; chomping before or after an indentation digit.
    #expect(try Self.parsed("a: |-  # note\n  x\n") == #"{"a": "x"}"#)
    #expect(try Self.parsed("a: |2\n    x\n") == #"{"a": "  x\n"}"#)
    #expect(try Self.parsed("a: |-2\n   x\n") == #"{"a": " x"}"#)
    #expect(try Self.parsed("a: |2-\n   x\n") == #"{"a": " x"}"#)
    #expect(try Self.parsed("a: |+\n\n\nb: 1") == #"{"a": "\n\n", "b": "1"}"#)
    // A block scalar may be a document on its own.
    #expect(try Self.parsed("|\n text\n") == #""text\n""#)
  }

  @Test func foldedBlockScalars() throws {
    let text = """
      folded: >
        folded lines
        join with spaces

        a blank line becomes a newline
          more-indented lines
          stay as they are
        back to folding


        two blank lines become two newlines
      strip: >-
        one
        two
      keep: >+
        kept

      list-like: >
        - a
        - b

      """
    #expect(
      try Self.parsed(text)
        == #"{"folded": "folded lines join with spaces\na blank line becomes a newline\n  more-indented lines\n  stay as they are\nback to folding\n\ntwo blank lines become two newlines\n", "strip": "one two", "keep": "kept\n\n", "list-like": "- a - b\n"}"#
    )
    #expect(try Self.parsed("a: >\n  x\n\n   y\n  z\n") == #"{"a": "x\n\n y\nz\n"}"#)
    #expect(try Self.parsed("a: >\n  x\n   \n  y\n") == #"{"a": "x\n \ny\n"}"#)
    #expect(try Self.parsed("a: >\n  x\n\n\n") == #"{"a": "x\n"}"#)
    #expect(try Self.parsed("a: >\n\n  x\n") == #"{"a": "\nx\n"}"#)
  }

  @Test func blockScalarsInSequencesAndNestedMappings() throws {
    let text = """
      - |
        item text
      - >-
        folded
        item
      - a: |
          in a mapping in a list
        b: x
      - - |
          nested
      -
        |
        on its own line

      """
    #expect(try Self.parsed(text) == #"["item text\n", "folded item", {"a": "in a mapping in a list\n", "b": "x"}, ["nested\n"], "on its own line\n"]"#)
  }

  // MARK: Flow sequences and comments

  @Test func flowSequencesOfScalars() throws {
    #expect(try Self.parsed(#"a: [a, b, "c, d"]"#) == #"{"a": ["a", "b", "c, d"]}"#)
    #expect(try Self.parsed("a: []\nb: [ ]\nc: [x,]\nd: [ x , 'y' ,\"z\" ]  # note\n") == #"{"a": [], "b": [], "c": ["x"], "d": ["x", "y", "z"]}"#)
    #expect(try Self.parsed("a: [x y, C#, a:b, http://x, -, -1, 'q]', \"[x]\"]") == #"{"a": ["x y", "C#", "a:b", "http://x", "-", "-1", "q]", "[x]"]}"#)
    #expect(try Self.parsed("- [a]\n- [b, c]\n") == #"[["a"], ["b", "c"]]"#)
    #expect(try Self.parsed("[价格, 异议]") == #"["价格", "异议"]"#)
  }

  @Test func commentsAreIgnoredOutsideQuotesAndBlocks() throws {
    let text = """
      # leading comment
      a: 1 # trailing
        # indented comment
      b:
      # comment between key and nested value
        c: x#y
      #
      list:
        - one   # after an item
      # at column one
        - two
      """
    #expect(try Self.parsed(text) == #"{"a": "1", "b": {"c": "x#y"}, "list": ["one", "two"]}"#)
  }

  @Test func documentStartMarkerOnce() throws {
    #expect(try Self.parsed("---\na: 1\n") == #"{"a": "1"}"#)
    #expect(try Self.parsed("# comment\n--- # start\n\na: 1\n") == #"{"a": "1"}"#)
    let error = try #require(Self.error("---\na: 1\n---\nb: 2\n"))
    #expect(error.location == Self.loc(3, 1))
    #expect(error.message.contains("exactly one document"))
  }

  // MARK: Encodings, line endings, locations

  @Test func crlfLineEndingsReadLikeLF() throws {
    let text = "# Windows\nname: CRLF file\ntext: |\n  first\n  second\nfolded: >\n  a\n  b\n\n  c\nlist:\n  - one\n  - 'two'\nempty:\n"
    let lf = try Self.parse(text)
    let crlf = try Self.parse(Self.crlf(text))
    #expect(crlf == lf)
    #expect(Self.json(crlf) == #"{"name": "CRLF file", "text": "first\nsecond\n", "folded": "a b\nc\n", "list": ["one", "two"], "empty": ""}"#)
    // A CRLF file without a final line break.
    #expect(try Self.parsed("a: 1\r\nb: |\r\n  x") == #"{"a": "1", "b": "x"}"#)
  }

  @Test func byteOrderMarkIsSkipped() throws {
    let node = try Self.parse("\u{FEFF}id: x\nname: y\n")
    #expect(Self.json(node) == #"{"id": "x", "name": "y"}"#)
    #expect(node.entries?.first?.keyLocation == Self.loc(1, 1))
    #expect(node["id"]?.location == Self.loc(1, 5))
    let error = try #require(Self.error("\u{FEFF}a: b: c\n"))
    #expect(error.location == Self.loc(1, 5))
  }

  @Test func cjkKeysValuesAndColumns() throws {
    let text = """
      名称: 价格异议
      描述: |
        客户说：“太贵了。”
        先确认，再提问。
      步骤:
        - 名称: 确认
          话术: "我理解您的顾虑。"
        - 名称: 探询
          问题: [您在和谁比较？, 预算周期是什么？]
      """
    let node = try Self.parse(text)
    #expect(Self.json(node) == #"{"名称": "价格异议", "描述": "客户说：“太贵了。”\n先确认，再提问。\n", "步骤": [{"名称": "确认", "话术": "我理解您的顾虑。"}, {"名称": "探询", "问题": ["您在和谁比较？", "预算周期是什么？"]}]}"#)
    #expect(node["名称"]?.location == Self.loc(1, 5))  // columns count characters, not bytes
    let steps = try #require(node["步骤"]?.items)
    #expect(steps[0].entries?[1].keyLocation == Self.loc(7, 5))
    #expect(steps[0]["话术"]?.location == Self.loc(7, 9))
    let questions = try #require(steps[1]["问题"]?.items)
    #expect(questions[1].location == Self.loc(9, 19))
    let error = try #require(Self.error("名称: 价格: 异议\n"))
    #expect(error.location == Self.loc(1, 7))
  }

  @Test func nodeAndKeyLocations() throws {
    let text = "id: x\nsteps:\n  - a\n  - key: v\n    other: 'w'\ntags: [p, q]\ntext: >\n  folded\nempty:\n"
    let node = try Self.parse(text)
    #expect(node.location == Self.loc(1, 1))
    let entries = try #require(node.entries)
    #expect(entries.map(\.keyLocation) == [Self.loc(1, 1), Self.loc(2, 1), Self.loc(6, 1), Self.loc(7, 1), Self.loc(9, 1)])
    #expect(node["id"]?.location == Self.loc(1, 5))
    let steps = try #require(node["steps"])
    #expect(steps.location == Self.loc(3, 3))
    #expect(steps.items?[0].location == Self.loc(3, 5))
    #expect(steps.items?[1].location == Self.loc(4, 5))
    #expect(steps.items?[1].entries?[1].keyLocation == Self.loc(5, 5))
    #expect(steps.items?[1]["other"]?.location == Self.loc(5, 12))
    #expect(node["tags"]?.location == Self.loc(6, 7))
    #expect(node["tags"]?.items?[1].location == Self.loc(6, 11))
    #expect(node["text"]?.location == Self.loc(7, 7))
    #expect(node["empty"]?.location == Self.loc(9, 7))
  }

  @Test func convenienceAccessors() throws {
    let node = try Self.parse("a: x\nb: [1, 2]\nc:\n  d: y\n")
    #expect(node["a"]?.scalar == "x")
    #expect(node["a"]?.items == nil)
    #expect(node["b"]?.items?.map(\.scalar) == ["1", "2"])
    #expect(node["c"]?["d"]?.scalar == "y")
    #expect(node["c"]?.entries?.map(\.key) == ["d"])
    #expect(node["missing"] == nil)
    #expect(node["a"]?["x"] == nil)
    #expect(node.entry("b")?.keyLocation == Self.loc(2, 1))
    #expect(node.scalar == nil)
  }

  @Test func errorDescriptionIsFileLineColumnMessage() throws {
    let error = try #require(Self.error("a: 1\nb: @x\n"))
    #expect(error.description == "test.yaml:2:4: " + error.message)
    #expect(YAMLLocation(file: "p.yaml", line: 3, column: 7).description == "p.yaml:3:7")
  }

  // MARK: Rejections

  static let rejectCases: [YAMLRejectCase] = [
    .init("tab indentation", "a:\n\tb: 1\n", 2, 1, "tabs are not allowed for indentation; use spaces"),
    .init("tab after spaces in indentation", "a:\n  \tb: 1\n", 2, 3, "tabs are not allowed for indentation; use spaces"),
    .init("tab on a blank line", "a: 1\n \t\nb: 2\n", 2, 2, "tabs are not allowed for indentation"),
    .init("tab between key and value", "a:\tb\n", 1, 3, "found a tab character"),
    .init("tab after a value", "a: b\t# note\n", 1, 5, "found a tab character"),
    .init("tab inside a plain value", "a: b\tc\n", 1, 5, "use spaces"),
    .init("anchor", "a: &base value\n", 1, 4, "anchors and aliases are not supported in playbooks — write the text out"),
    .init("alias", "a: 1\nb: *a\n", 2, 4, "anchors and aliases are not supported in playbooks — write the text out"),
    .init("anchor on a sequence item", "- &x a\n", 1, 3, "anchors and aliases are not supported"),
    .init("merge key", "base: x\n<<: y\n", 2, 1, "anchors and aliases are not supported in playbooks — write the text out"),
    .init("tag", "a: !!str 5\n", 1, 4, "tags"),
    .init("local tag", "- !custom x\n", 1, 3, "tags"),
    .init("directive", "%YAML 1.2\n---\na: 1\n", 1, 1, "directives"),
    .init("flow mapping", "a: {b: 1}\n", 1, 4, "flow mappings"),
    .init("flow mapping inside a flow sequence", "a: [x, {b: 1}]\n", 1, 8, "flow mappings"),
    .init("nested flow sequence", "a: [x, [y]]\n", 1, 8, "nested flow collections are not supported"),
    .init("flow sequence across lines", "a: [x,\n  y]\n", 1, 4, "not closed"),
    .init("comment inside a flow sequence", "a: [x #y]\n", 1, 4, "not closed"),
    .init("empty flow item", "a: [x,, y]\n", 1, 7, "empty item"),
    .init("flow item with ': '", "a: [x: y]\n", 1, 6, "put the item in quotes"),
    .init("flow item starting with '?'", "a: [?x]\n", 1, 5, "put the item in quotes"),
    .init("complex key", "? a\n: b\n", 1, 1, "complex keys"),
    .init("colon without a key", ": b\n", 1, 1, "no key"),
    .init("'@' at the start of a value", "a: @home\n", 1, 4, "cannot start with '@'"),
    .init("backtick at the start of a value", "a: `cmd`\n", 1, 4, "put the whole value in quotes"),
    .init("'|' used as text", "a: |x\n", 1, 4, "put it in quotes"),
    .init("'>' used as text", "a: >= 5\n", 1, 4, "put it in quotes"),
    .init("'%' at the start of a value", "a: %50\n", 1, 4, "cannot start with '%'"),
    .init("',' at the start of a value", "a: ,x\n", 1, 4, "put the whole value in quotes"),
    .init("key: value: more", "a: b: c\n", 1, 5, "put the whole value in quotes"),
    .init("value ending in ':'", "a: note:\n", 1, 8, "put the whole value in quotes"),
    .init("text after a closing quote", "a: 'x' y\n", 1, 8, "after the closing quote"),
    .init("mapping after a quoted value", "a: 'x': y\n", 1, 7, "put the whole value in quotes"),
    .init("sequence on the key's line", "a: - b\n", 1, 4, "cannot start on the same line as its key"),
    .init("flow sequence as a key", "[a]: b\n", 1, 4, "only plain or quoted text can be a key"),
    .init("inconsistent indentation", "a:\n    b: 1\n  c: 2\n", 3, 3, "inconsistent indentation"),
    .init("inconsistent indentation in a list", "-   a: 1\n  b: 2\n", 2, 3, "inconsistent indentation"),
    .init("top level less indented", "  a: 1\nb: 2\n", 2, 1, "inconsistent indentation"),
    .init("sequence item where a key was expected", "a: 1\n- b\n", 2, 1, "where a mapping key was expected"),
    .init("key where a sequence item was expected", "- a\nb: 1\n", 2, 1, "expected a sequence item"),
    .init("key inside an indented list", "a:\n  - b\n  c: d\n", 3, 3, "expected a sequence item"),
    .init("text where a key was expected", "a: 1\nplain text\n", 2, 1, "expected a mapping entry"),
    .init("nested under a quoted value", "a: 'x'\n  b: c\n", 2, 3, "unexpected indentation"),
    .init("nested under a flow sequence", "- [x]\n  - y\n", 2, 3, "unexpected indentation"),
    .init("multi-line plain value", "a: b\n  c\n", 2, 3, "multi-line plain values are not supported"),
    .init("multi-line plain item", "- one\n  two\n", 2, 3, "multi-line plain values are not supported"),
    .init("multi-line top-level scalar", "one\ntwo\n", 2, 1, "multi-line plain values are not supported"),
    .init("unterminated single quote", "a: 'abc\n", 1, 4, "unterminated quoted text"),
    .init("quote continued on the next line", "a: \"abc\n  def\"\n", 1, 4, "unterminated quoted text"),
    .init("unterminated quoted key", "'a: b\n", 1, 1, "unterminated quoted text"),
    .init("unsupported escape", "a: \"x\\qy\"\n", 1, 6, "unsupported escape '\\q'"),
    .init("hex escape", "a: \"\\x41\"\n", 1, 5, "unsupported escape"),
    .init("short unicode escape", "a: \"\\u12G4\"\n", 1, 5, "exactly 4 hexadecimal digits"),
    .init("surrogate escape", "a: \"\\uD800\"\n", 1, 5, "not a valid Unicode character"),
    .init("escaped control character", "a: \"\\u001B\"\n", 1, 5, "U+001B"),
    .init("line continuation escape", "a: \"abc\\\n  def\"\n", 1, 8, "line continuation"),
    .init("control character", "a: b\u{1B}c\n", 1, 5, "U+001B"),
    .init("NUL", "a: 1\nb: \u{0}\n", 2, 4, "U+0000"),
    .init("DEL", "a: x\u{7F}\n", 1, 5, "U+007F"),
    .init("C1 control", "a: x\u{90}\n", 1, 5, "U+0090"),
    .init("next-line character", "a: x\u{85}y\n", 1, 5, "U+0085"),
    .init("line separator", "a: x\u{2028}y\n", 1, 5, "U+2028"),
    .init("lone carriage return", "a: 1\rb: 2\n", 1, 5, "U+000D"),
    .init("control character after CJK", "名称: 价格\u{7}\n", 1, 7, "U+0007"),
    .init("byte-order mark inside", "a: x\u{FEFF}y\n", 1, 5, "U+FEFF"),
    .init("second document", "a: 1\n---\nb: 2\n", 2, 1, "exactly one document"),
    .init("document end marker", "a: 1\n...\n", 2, 1, "exactly one document"),
    .init("content on the --- line", "--- a: 1\n", 1, 5, "after '---'"),
    .init("duplicate key", "a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key 'a' (already used on line 1)"),
    .init("duplicate key, one quoted", "- name: x\n  'name': y\n", 2, 3, "duplicate key 'name'"),
    .init("duplicate CJK key", "名称: 价格\n名称: 异议\n", 2, 1, "duplicate key '名称'"),
    .init("block scalar text on the header line", "a: | text\n", 1, 6, "starts on the next line"),
    .init("block scalar indentation digit 0", "a: |0\n  x\n", 1, 5, "1 to 9"),
    .init("block scalar blank line with more spaces", "a: |\n     \n  x\n", 3, 3, "remove the trailing spaces"),
    .init("block scalar line indented less", "a: |\n    x\n  y\n", 3, 3, "unexpected indentation"),
    .init("block scalar not indented", "a: |\nx\n", 2, 1, "expected a mapping entry"),
    .init("key longer than 1024 characters", String(repeating: "k", count: 1025) + ": v\n", 1, 1, "at most 1024 characters"),
    .init("plain '='", "a: =\n", 1, 4, "put it in quotes"),
    .init("plain '<<' item", "- <<\n", 1, 3, "put it in quotes"),
  ]

  @Test(arguments: rejectCases)
  func rejects(_ c: YAMLRejectCase) throws {
    let error = try #require(Self.error(c.text), "expected an error")
    #expect(error.location == Self.loc(c.line, c.column), "\(error)")
    #expect(error.message.contains(c.phrase), "\(error.message)")
  }

  /// Every rejection is also said in Chinese: no English sentence is left outside quotes.
  @Test(arguments: rejectCases)
  func rejectsInChineseToo(_ c: YAMLRejectCase) throws {
    let error = try #require(Self.error(c.text), "expected an error")
    #expect(Untranslated.problem(error.text) == nil)
    #expect(error.description(in: .en) == error.description)
  }

  /// Rejections the cases above do not reach, and the limits: said in Chinese too.
  @Test func otherRejectionsAndLimitsAreSaidInChineseToo() throws {
    let texts = [
      "...\n", "--- a: 1\n", "a: [x, ?y]\n", "a: [x, [y]]\n", "a: [x, {y}]\n", "a: [x]: y\n", "a: [x y: z]\n", "a: [x, - y]\n",
      "a: [\"x\" y]\n", "a: \"\\u12\"\n", "a: \"x\\\n", "a: \"x\": y\n", "a: {x: 1}\n", "a: \u{FFFE}\n",
    ]
    for text in texts {
      let error = try #require(Self.error(text), "accepted «\(text)»")
      #expect(Untranslated.problem(error.text) == nil, "«\(text)»")
    }
    var invalid = Array("a: x\n".utf8)
    invalid.insert(0xFF, at: 3)
    let bytes = try #require(throws: YAMLError.self) { try YAML.parse(utf8: invalid, file: Self.file) }
    #expect(Untranslated.problem(bytes.text) == nil)
    let limits = [YAMLLimits(maxBytes: 4), YAMLLimits(maxDepth: 1), YAMLLimits(maxNodes: 1)]
    for limit in limits {
      let error = try #require(Self.error("a:\n  b: [1, 2]\n", limits: limit))
      #expect(Untranslated.problem(error.text) == nil, "\(error)")
    }
  }

  @Test func chineseMessagesKeepTheLocationAndTheSyntax() throws {
    let tab = try #require(Self.error("a:\n\tb: 1\n"))
    #expect(tab.description(in: .zh) == "test.yaml:2:1: 缩进不能使用制表符（Tab），请改用空格")
    let duplicate = try #require(Self.error("name: a\nlist: [x]\nname: b\n"))
    #expect(duplicate.description(in: .zh) == "test.yaml:3:1: 键 'name' 重复（第 1 行已经用过）；同一个映射中每个键只能出现一次")
    let unclosed = try #require(Self.error("a: \"price\n"))
    #expect(
      unclosed.description(in: .zh)
        == "test.yaml:1:4: 引号没有闭合：这一行没有结尾的 \"；带引号的文本必须在开始的那一行结束（较长的文本请用块标量，'|' 或 '>'）")
    let colon = try #require(Self.error("a: note: b\n"))
    #expect(colon.description(in: .zh) == "test.yaml:1:8: 不加引号的值中间有 ': '，YAML 会把它读成键；请给整个值加上引号（如果要写嵌套映射，请从下一行开始并缩进）")
  }

  @Test func byteInputValidatesUTF8() throws {
    let text = "名称: 价格异议\nlist: [a, b]\n"
    #expect(try YAML.parse(utf8: Array(text.utf8), file: Self.file) == Self.parse(text))
    var bytes = Array("a: 1\n名称: x\u{FF}y\n".utf8)  // U+00FF is C3 BF; break it
    let index = try #require(bytes.firstIndex(of: 0xC3))
    bytes[index + 1] = 0x41
    let invalid = Bilingual("the file is not valid UTF-8 (byte 0xC3); save it as UTF-8 text", "文件不是有效的 UTF-8（字节 0xC3）；请以 UTF-8 编码保存")
    #expect(throws: YAMLError(location: Self.loc(2, 6), text: invalid)) {
      try YAML.parse(utf8: bytes, file: Self.file)
    }
    let overlong: [UInt8] = [0x61, 0x3A, 0x20, 0xC0, 0xAF]
    #expect(throws: YAMLError.self) { try YAML.parse(utf8: overlong, file: Self.file) }
    let truncated: [UInt8] = [0x61, 0x3A, 0x20, 0xE4, 0xBB]
    #expect(throws: YAMLError.self) { try YAML.parse(utf8: truncated, file: Self.file) }
  }

  // MARK: Limits

  @Test func sizeLimitIsCheckedFirst() throws {
    let limits = YAMLLimits(maxBytes: 16)
    #expect(try Self.parse("a: 0123456789ab\n", limits: limits).entries?.count == 1)  // exactly 16 bytes
    let tooBig = "\u{1B}: 0123456789abc\n"  // 17 bytes, and a control character that is not reached
    let error = try #require(Self.error(tooBig, limits: limits))
    #expect(error.location == Self.loc(1, 1))
    #expect(error.message.contains("17 bytes, more than the limit of 16 bytes"))
    let bytesError = try #require(throws: YAMLError.self) { try YAML.parse(utf8: Array(tooBig.utf8), file: Self.file, limits: limits) }
    #expect(bytesError == error)
  }

  @Test func depthLimit() throws {
    let deepest = String(repeating: "- ", count: 32) + "x"
    #expect(try Self.parse(deepest).items?.count == 1)
    let error = try #require(Self.error(String(repeating: "- ", count: 33) + "x"))
    #expect(error.location == Self.loc(1, 65))
    #expect(error.message.contains("deeper than 32 levels"))
    // Mappings nested by indentation, and a flow sequence, each count as a level.
    var nested = ""
    for level in 0..<4 { nested += String(repeating: " ", count: level * 2) + "k\(level):\n" }
    nested += String(repeating: " ", count: 8) + "v: [x]\n"
    #expect(try Self.parse(nested, limits: YAMLLimits(maxDepth: 6)).entries?.count == 1)
    let flowError = try #require(Self.error(nested, limits: YAMLLimits(maxDepth: 5)))
    #expect(flowError.location == Self.loc(5, 12))
    let mappingError = try #require(Self.error(nested, limits: YAMLLimits(maxDepth: 4)))
    #expect(mappingError.location == Self.loc(5, 9))
    // A huge maxDepth is capped, so deep input still cannot exhaust the stack.
    let huge = YAMLLimits(maxDepth: Int.max)
    let ceiling = YAMLLimits.depthCeiling
    #expect(try Self.parse(String(repeating: "- ", count: ceiling) + "x", limits: huge).items?.count == 1)
    let capped = try #require(Self.error(String(repeating: "- ", count: 100_000) + "x", limits: huge))
    #expect(capped.location == Self.loc(1, 2 * ceiling + 1))
    #expect(capped.message.contains("deeper than \(ceiling) levels"))
    var indented = ""
    for level in 0...ceiling { indented += String(repeating: " ", count: level) + "k:\n" }
    #expect(Self.error(indented, limits: huge)?.location == Self.loc(ceiling + 1, ceiling + 1))
  }

  @Test func nodeLimit() throws {
    let text = "a: [1, 2, 3]\nb: x\n"  // 3 items + 1 sequence + 1 scalar + 1 root mapping = 6 nodes
    #expect(try Self.parse(text, limits: YAMLLimits(maxNodes: 6)).entries?.count == 2)
    let error = try #require(Self.error(text, limits: YAMLLimits(maxNodes: 4)))
    #expect(error.location == Self.loc(2, 4))  // the fifth node, "x"
    #expect(error.message.contains("more than 4 values"))
  }

  @Test func hostileInputsEndWithoutHanging() throws {
    let megabyte = YAMLLimits.standard.maxBytes
    let inputs: [(String, String)] = [
      ("100,000 nested '- '", String(repeating: "- ", count: 100_000) + "x"),
      ("nested '- ' filling 1 MB", String(repeating: "- ", count: megabyte / 2)),
      ("1 MB plain line", "a: " + String(repeating: "x", count: megabyte - 3)),
      ("1 MB unterminated quote", "a: \"" + String(repeating: "x", count: megabyte - 4)),
      ("1 MB of key: value: pairs", String(repeating: "a: ", count: megabyte / 3)),
      ("1 MB of colons", String(repeating: ":", count: megabyte)),
      ("1 MB of '#'", String(repeating: "#", count: megabyte)),
      ("1 MB of CJK", "名称: " + String(repeating: "价", count: (megabyte - 8) / 3)),
      ("50,000 '['", String(repeating: "[", count: 50_000)),
      ("50,000 '[' after a key", "a: " + String(repeating: "[", count: 50_000)),
      ("huge flow sequence", "a: [" + String(repeating: "x,", count: (megabyte - 5) / 2) + "]"),
      ("nested by indentation", (0..<600).map { String(repeating: " ", count: $0) + "-" }.joined(separator: "\n")),
      ("many blank lines", String(repeating: "\n", count: megabyte)),
      ("many duplicate keys", String(repeating: "a: 1\n", count: megabyte / 5)),
      ("many block scalar lines", "a: |\n" + String(repeating: "  text text text\n", count: (megabyte - 5) / 17)),
      ("one byte over", String(repeating: "a", count: megabyte + 1)),
    ]
    let clock = ContinuousClock()
    for (name, text) in inputs {
      #expect(text.utf8.count <= megabyte + 1, "\(name)")
      let elapsed = clock.measure { _ = Self.error(text) }
      #expect(Self.seconds(elapsed) < Self.hangGuardSeconds, "\(name) took \(elapsed)")
    }
    #expect(Self.error(String(repeating: "- ", count: 100_000) + "x")?.message.contains("deeper than") == true)
    #expect(Self.error(String(repeating: "[", count: 50_000))?.location == Self.loc(1, 2))
    #expect(Self.error("a: [" + String(repeating: "x,", count: 300_000) + "]")?.message.contains("more than 200000 values") == true)
  }

  // MARK: Robustness

  static let sample = """
    # Sample playbook used for mutation testing.
    ---
    id: price-objection
    名称: 价格异议
    tags: [pricing, "late stage", 'Q&A']
    summary: >
      Use when the buyer says the price is too high.
      Ask before you answer.

      Never discount first.
    steps:
      - id: acknowledge
        say: 'Acknowledge it: "I hear you."'
        why: |-
          Buyers who feel heard
            negotiate in good faith.
      - id: explore   # questions
        questions:
        - What are you comparing us to?
        - "Is it the total, or the timing?\\n"
        -
      - - nested
        - [a, b]
    walkAway:
    - condition: Discount above 20%
      action: Escalate
    empty:
    """

  @Test func randomizedMutationsNeverCrash() {
    var random = SeededRandom(state: 0x5EED_CAFE)
    let base = Array(Self.sample.utf8)
    let inserts: [[UInt8]] = [
      [0x20], [0x20, 0x20], [0x09], [0x0A], [0x0D, 0x0A], [0x0D], [0x2D, 0x20], [0x3A, 0x20], [0x3A], [0x23], [0x27], [0x22],
      [0x5B], [0x5D], [0x7B], [0x2C], [0x7C], [0x3E], [0x26], [0x2A], [0x21], [0x3F, 0x20], [0x25], [0x40], [0x5C], [0x1B],
      [0x2D, 0x2D, 0x2D, 0x0A], [0xE4, 0xBB, 0xB7], [0xC2, 0x85], [0xEF, 0xBB, 0xBF], [0xE4], [0x78],
    ]
    var parsedCount = 0
    for _ in 0..<3000 {
      var bytes = base
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        let at = Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0 where at < bytes.count:
          bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...8, using: &random)))
        case 1, 2:
          bytes.insert(contentsOf: inserts[Int.random(in: 0..<inserts.count, using: &random)], at: at)
        case 3 where at < bytes.count:
          bytes[at] = inserts[Int.random(in: 0..<inserts.count, using: &random)][0]
        case 4:
          let other = Int.random(in: 0...bytes.count, using: &random)
          let range = min(at, other)..<max(at, other)
          if range.count < 200 { bytes.insert(contentsOf: bytes[range], at: range.upperBound) }
        default:
          bytes.removeSubrange(at...)
        }
      }
      let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
      for input in [0, 1] {
        do {
          if input == 0 {
            _ = try YAML.parse(String(decoding: bytes, as: UTF8.self), file: Self.file)
          } else {
            _ = try YAML.parse(utf8: bytes, file: Self.file)
          }
          parsedCount += 1
        } catch {
          #expect(error.location.file == Self.file)
          #expect(error.location.line >= 1 && error.location.line <= lines)
          #expect(error.location.column >= 1)
          #expect(!error.message.isEmpty)
        }
      }
    }
    #expect(parsedCount > 100)  // the mutations should not all be errors
  }

  @Test func randomBytesNeverCrash() {
    var random = SeededRandom(state: 42)
    let alphabet = Array(" \n\n-:#'\"[]{},|>&*!?%@`\\\tab名".utf8)
    for round in 0..<2000 {
      let count = Int.random(in: 0..<200, using: &random)
      let bytes: [UInt8] = (0..<count).map { _ in
        round % 2 == 0 ? UInt8.random(in: 0...255, using: &random) : alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
      }
      _ = try? YAML.parse(utf8: bytes, file: Self.file)
      _ = try? YAML.parse(String(decoding: bytes, as: UTF8.self), file: Self.file)
    }
  }

  /// A realistic playbook of about `bytes` bytes: many objections, mixed English and Chinese.
  static func realisticPlaybook(bytes: Int) -> String {
    var text = "# Generated playbook\nid: big-playbook\ntitle: \"Key account negotiation\"\nobjections:\n"
    var n = 0
    while text.utf8.count < bytes {
      n += 1
      text += """
          - id: objection-\(n)
            名称: 价格异议 \(n)
            triggers: [too expensive, "over budget", 太贵了, 'not now']
            summary: >
              The buyer says the price is too high for case \(n).
              Acknowledge first, then ask what they compare us to.

              Never discount before you understand the objection.
            steps:
              - say: 'Acknowledge it: "I hear you."'   # keep it short
                why: |
                  Buyers who feel heard negotiate in good faith.
                  客户感到被理解时更愿意合作。
              - ask: What are you comparing us to?
                follow-up:
                - Is it the total, or the timing of payments?
                - Who else is involved in the decision?
            walkAway:
            - condition: Discount above 20% is requested
              action: Escalate to your manager
            weight: \(n % 5)

        """
    }
    return text
  }

  @Test func realisticPlaybookParsesWithoutHanging() throws {
    let text = Self.realisticPlaybook(bytes: 300_000)
    let clock = ContinuousClock()
    var node: YAMLNode?
    let elapsed = try clock.measure { node = try Self.parse(text) }
    #expect(node?["objections"]?.items?.count ?? 0 > 300)
    #expect(Self.seconds(elapsed) < Self.hangGuardSeconds, "took \(elapsed)")
  }

  // MARK: Cross-check with PyYAML

  /// Each document with the output of
  /// `python3 -c 'import yaml,json,sys; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))'`
  /// (PyYAML 6.0.3), pasted verbatim. PyYAML gives None (`null`) for an empty value where this
  /// parser gives "", so `null` is compared as `""`. The documents use no unquoted numbers,
  /// booleans or dates, which PyYAML would convert.
  static let crossCheck: [(name: String, text: String, python: String)] = [
    (
      "English playbook",
      #"""
      # Price objection playbook (English)
      ---
      id: price-objection
      version: "3"
      title: Handling a price objection
      tags: [pricing, objections, "late stage"]
      owner:
        name: Dana O'Brien
        email: dana@example.com
      summary: >
        Use this when the buyer says the price is too high.
        Stay calm and ask questions first.

        Never discount before you understand the objection.
      steps:
        - id: acknowledge
          say: 'Acknowledge it: "I hear you."'
          why: |
            Buyers who feel heard
            negotiate in good faith.
        - id: explore
          questions:
          - What are you comparing us to?
          - "Is it the total, or the timing of payments?"
          - Who else is involved in the decision?   # stakeholder map
        - id: reframe
          say: "Let's look at cost per seat:\n  total ÷ seats."
          notes:
      walkAway:
        - condition: Discount above 20% is requested
          action: Escalate to your manager
      skills: [C#, 'Q&A', "a, b"]
      links:
        - https://example.com/playbooks/price?tab=1#top

      """#,
      #"{"id": "price-objection", "version": "3", "title": "Handling a price objection", "tags": ["pricing", "objections", "late stage"], "owner": {"name": "Dana O'Brien", "email": "dana@example.com"}, "summary": "Use this when the buyer says the price is too high. Stay calm and ask questions first.\nNever discount before you understand the objection.\n", "steps": [{"id": "acknowledge", "say": "Acknowledge it: \"I hear you.\"", "why": "Buyers who feel heard\nnegotiate in good faith.\n"}, {"id": "explore", "questions": ["What are you comparing us to?", "Is it the total, or the timing of payments?", "Who else is involved in the decision?"]}, {"id": "reframe", "say": "Let's look at cost per seat:\n  total \u00f7 seats.", "notes": null}], "walkAway": [{"condition": "Discount above 20% is requested", "action": "Escalate to your manager"}], "skills": ["C#", "Q&A", "a, b"], "links": ["https://example.com/playbooks/price?tab=1#top"]}"#
    ),
    (
      "Chinese playbook",
      #"""
      # 价格异议应对手册
      id: 价格异议
      名称: 价格异议
      描述: |-
        客户说：“太贵了。”
        先确认，再提问。
      步骤:
        - 名称: 确认
          话术: 我理解您的顾虑。
        - 名称: 探询
          问题: [您在和谁比较？, 预算周期是什么？]
      标签:
      - 定价
      - 谈判 # 注释

      """#,
      #"{"id": "\u4ef7\u683c\u5f02\u8bae", "\u540d\u79f0": "\u4ef7\u683c\u5f02\u8bae", "\u63cf\u8ff0": "\u5ba2\u6237\u8bf4\uff1a\u201c\u592a\u8d35\u4e86\u3002\u201d\n\u5148\u786e\u8ba4\uff0c\u518d\u63d0\u95ee\u3002", "\u6b65\u9aa4": [{"\u540d\u79f0": "\u786e\u8ba4", "\u8bdd\u672f": "\u6211\u7406\u89e3\u60a8\u7684\u987e\u8651\u3002"}, {"\u540d\u79f0": "\u63a2\u8be2", "\u95ee\u9898": ["\u60a8\u5728\u548c\u8c01\u6bd4\u8f83\uff1f", "\u9884\u7b97\u5468\u671f\u662f\u4ec0\u4e48\uff1f"]}], "\u6807\u7b7e": ["\u5b9a\u4ef7", "\u8c08\u5224"]}"#
    ),
    (
      "block scalars",
      #"""
      literal: |
        line one
          indented
        line three

      literal_strip: |-
        no trailing newline

      literal_keep: |+
        keep the blank lines


      folded: >
        folded lines
        join with spaces

        a blank line becomes a newline
          more-indented lines
          stay as they are
        back to folding
      folded_strip: >-
        one
        two
      folded_keep: >+
        kept

      indicator: |2
          two extra spaces
      empty_block: |
      in_list:
        - |
          item text
        - >-
          folded
          item
      last: end

      """#,
      #"{"literal": "line one\n  indented\nline three\n", "literal_strip": "no trailing newline", "literal_keep": "keep the blank lines\n\n\n", "folded": "folded lines join with spaces\na blank line becomes a newline\n  more-indented lines\n  stay as they are\nback to folding\n", "folded_strip": "one two", "folded_keep": "kept\n\n", "indicator": "  two extra spaces\n", "empty_block": "", "in_list": ["item text\n", "folded item"], "last": "end"}"#
    ),
    (
      "scalar edge cases",
      #"""
      plain: plain text with  two spaces
      trailing: value with trailing spaces\#("   ")
      comment: value # a comment
      hash: C# and F#
      url: http://example.com:8080/path
      colon_inside: "key: value"
      single: 'it''s'
      double: "tab\there \"quoted\" back\\slash \u00e9 \U0001F600 a\/b"
      dash: -x
      question: ?maybe
      empty:
      empty_comment:   # nothing here
      empty_quoted: ''
      nested_empty:
        -
        - ""
      flow_empty: []
      seq_same_column:
      - a
      - b: c
        d: e
      - - x
        - y

      """#,
      #"{"plain": "plain text with  two spaces", "trailing": "value with trailing spaces", "comment": "value", "hash": "C# and F#", "url": "http://example.com:8080/path", "colon_inside": "key: value", "single": "it's", "double": "tab\there \"quoted\" back\\slash \u00e9 \ud83d\ude00 a/b", "dash": "-x", "question": "?maybe", "empty": null, "empty_comment": null, "empty_quoted": "", "nested_empty": [null, ""], "flow_empty": [], "seq_same_column": ["a", {"b": "c", "d": "e"}, ["x", "y"]]}"#
    ),
    (
      "BOM and CRLF",
      "\u{FEFF}" + crlf("# Windows file\nname: CRLF file\ntext: |\n  first\n  second\nfolded: >\n  a\n  b\nlist:\n  - one\n  - two\n"),
      #"{"name": "CRLF file", "text": "first\nsecond\n", "folded": "a b\n", "list": ["one", "two"]}"#
    ),
    (
      "top-level list indented by four",
      #"""
      # A list of objections at the top level, indented by four spaces.
      -   id: timing
          stakeholders:
              -   role: CFO
                  concern: budget cycle
              -   role: 采购
                  concern: "供应商资质"
          responses: []

      -   id: competitor
          # a comment between keys
          compare: [price, support, 'roadmap']
          script: >-
              Ask what they value most,
              then map it to our strengths.

      """#,
      #"[{"id": "timing", "stakeholders": [{"role": "CFO", "concern": "budget cycle"}, {"role": "\u91c7\u8d2d", "concern": "\u4f9b\u5e94\u5546\u8d44\u8d28"}], "responses": []}, {"id": "competitor", "compare": ["price", "support", "roadmap"], "script": "Ask what they value most, then map it to our strengths."}]"#
    ),
  ]

  @Test func crossCheckWithPyYAML() throws {
    for document in Self.crossCheck {
      let node = try Self.parse(document.text)
      #expect(Self.json(node, ascii: true) == Self.nullAsEmpty(document.python), "\(document.name)")
    }
  }
}

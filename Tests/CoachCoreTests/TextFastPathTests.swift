import Testing

@testable import CoachCore

/// The byte-level fast paths of wrapping, widths, sanitising and table lines must give exactly
/// what the character walks they stand in for give.
@Suite struct TextFastPathTests {
  /// Characters of simple text (see `Wrap.simpleLines`): Latin, Latin-1, the dashes and quotes,
  /// CJK and its punctuation, every glue rule's characters.
  static let simple: [Character] = Array(
    "aZ09 ,.;:?!()[]{}%-/'\"#  éñ¿¡ßÅ·\u{A0}\u{AD}—–‘’“”…•─█░中文客户价格太高了设备停机，。、；：？！（）「」『』《》【】〈〉〔〕｛｝％～　한국ｆｕｌｌ")
  /// Characters that are not simple: the walk by characters must take them.
  static let other: [Character] = ["\u{301}", "e\u{301}", "😀", "👍🏽", "\t", "\r", "\r\n", "\u{200B}", "\u{600}", "ℵ", "🇨🇳", "\u{7F}", "\u{85}", "Ω"]

  /// A deterministic generator (no clock, no system randomness).
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    mutating func text(_ alphabet: [Character], length: Int) -> String {
      var s = ""
      for _ in 0..<length {
        // Spaces and runs of letters more often than single marks, like real sentences.
        switch next(6) {
        case 0: s.append(" ")
        case 1: s += "word"
        default: s.append(alphabet[next(alphabet.count)])
        }
      }
      return s
    }
  }

  @Test func simpleLinesAreTheLinesOfTheCharacterWalk() {
    var g = Generator(state: 17)
    for round in 0..<600 {
      let text = g.text(Self.simple, length: 1 + g.next(60))
      for width in [2, 3, 4, 5, 7, 8, 10, 13, 20, 31, 60] {
        let fast = Wrap.simpleLines(text, width: width)
        #expect(fast != nil, "round \(round): ‘\(text)’ is simple text")
        let walked = Wrap.walkedLines(text, width: width)
        #expect(fast == walked, "round \(round), width \(width): ‘\(text)’")
        #expect(fast.map { $0.map { Array($0.utf8) } } == walked.map { Array($0.utf8) })
      }
    }
  }

  @Test func textThatIsNotSimpleTakesTheCharacterWalk() {
    var g = Generator(state: 5)
    for _ in 0..<200 {
      let text = g.text(Self.simple, length: g.next(20)) + String(Self.other[g.next(Self.other.count)]) + g.text(Self.simple, length: g.next(20))
      #expect(Wrap.simpleLines(text, width: 8) == nil, "‘\(text)’")
      #expect(Array(text.utf8).withUnsafeBufferPointer { DisplayWidth.simpleWidth($0) } == nil, "‘\(text)’")
    }
  }

  @Test func everySimpleScalarIsACharacterOfItsOwnWithTheWidthOfTheWalk() {
    var ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x2FF, 0x2010...0x2027, 0x2500...0x259F, 0x3000...0x303E, 0x3400...0x4DBF]
    ranges.append(0x4E00...0x9FFF)
    ranges += [0xAC00...0xD7A3, 0xFF01...0xFF60]
    for range in ranges {
      for v in range {
        guard let scalar = Unicode.Scalar(v) else { continue }
        let s = String(Character(scalar))
        let bytes = Array(s.utf8)
        let fast = bytes.withUnsafeBufferPointer { DisplayWidth.simpleWidth($0) }
        if (0x302A...0x302F).contains(v) {
          #expect(fast == nil)
          continue
        }
        #expect(fast == DisplayWidth.characterWidth(s), "U+\(String(v, radix: 16))")
        #expect(("a" + s + s + "中" + s + "a").count == 6, "U+\(String(v, radix: 16)) joins a neighbour")
      }
    }
  }

  @Test func widthsOfGeneratedTextAgreeWithTheCharacterWalk() {
    var g = Generator(state: 99)
    for _ in 0..<500 {
      let text = g.text(Self.simple + Self.other, length: g.next(30))
      #expect(DisplayWidth.of(text) == DisplayWidth.characterWidth(text), "‘\(text)’")
      let sub = text.dropFirst(min(2, text.count))
      #expect(DisplayWidth.of(sub) == DisplayWidth.characterWidth(sub))
    }
  }

  @Test func bytesNeedCleaningExactlyWhenAScalarDoes() {
    var v: UInt32 = 0
    while v < 0x11000 {
      if let scalar = Unicode.Scalar(v) {
        let s = "a" + String(scalar) + "中"
        for multiline in [true, false] {
          let expected = s.unicodeScalars.contains { Sanitizer.isUnsafe($0) || $0 == "\t" || (!multiline && $0 == "\n") }
          let fast = Array(s.utf8).withUnsafeBufferPointer { Sanitizer.needsCleaning($0, multiline: multiline) }
          #expect(fast == expected, "U+\(String(v, radix: 16))")
        }
      }
      v += 1
    }
    #expect(Sanitizer.clean("a\u{1B}[31mb") == "a\\u{1B}[31mb")
    #expect(Sanitizer.clean("line\nnext", multiline: false) == "line⏎next")
    #expect(Sanitizer.clean("line\nnext") == "line\nnext")
  }

  @Test(arguments: ["", " ", "   ", "a", "a  ", "中文  ", "é ", "—  ", "\u{600} ", "\u{600}  ", "x\u{600}  ", "a b  ", "👍🏽  ", "e\u{301} "])
  func tableLinesAreTrimmedAsByCharacters(_ line: String) {
    var expected = line
    while expected.hasSuffix(" ") { expected.removeLast() }
    let trimmed = TextTable.trimmedRight(Array(line.utf8))
    #expect(Array(trimmed.utf8) == Array(expected.utf8))
  }

  /// The table as `render` made it before its lines were put together on the bytes.
  static func referenceRender(_ table: TextTable, width: Int) -> StyledText {
    let columns = table.columns
    let cleanRows = table.rows.map { $0.map { Sanitizer.clean($0, multiline: false) } }
    // The sizing is the table's own (its rules are tested in TextTests); the lines are compared.
    let widths = table.columnWidths(cleanRows, width: width)
    func cell(_ text: String, width: Int, alignment: TextTable.Alignment, last: Bool) -> String {
      let t = DisplayWidth.of(text) > width ? DisplayWidth.truncate(text, to: width) : text
      switch alignment {
      case .left: return last ? t : DisplayWidth.padRight(t, to: width)
      case .right: return DisplayWidth.padLeft(t, to: width)
      }
    }
    func trimRight(_ s: String) -> String {
      var s = s
      while s.hasSuffix(" ") { s.removeLast() }
      return s
    }
    var out = StyledText()
    let header = columns.enumerated().map { i, c in cell(c.title, width: widths[i], alignment: c.alignment, last: i == columns.count - 1) }
    out.append(trimRight(header.joined(separator: "  ")), .bold)
    out.append("\n")
    out.append(trimRight(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")), .dim)
    for (r, row) in cleanRows.enumerated() {
      let wrapped = columns.indices.map { i -> [String] in
        let text = i < row.count ? row[i] : ""
        return text.isEmpty ? [""] : Wrap.lines(text, width: widths[i], minimum: 2)
      }
      let height = wrapped.map(\.count).max() ?? 1
      for lineIndex in 0..<height {
        let parts = columns.indices.map { i in
          cell(lineIndex < wrapped[i].count ? wrapped[i][lineIndex] : "", width: widths[i], alignment: columns[i].alignment, last: i == columns.count - 1)
        }
        out.append("\n")
        out.append(trimRight(parts.joined(separator: "  ")), r < table.rowStyles.count ? table.rowStyles[r] : .plain)
      }
    }
    return out
  }

  @Test func tablesOfGeneratedCellsRenderAsCellByCell() {
    var g = Generator(state: 3)
    for round in 0..<60 {
      var t = TextTable(columns: [
        .init("Tier"), .init("Account", minWidth: 8), .init("What", minWidth: 12), .init("N", alignment: .right), .init("Owner", minWidth: 2),
      ])
      for row in 0..<8 {
        // Empty cells, cells of spaces, a prepended mark before the padding, hostile text.
        let cells = [
          g.text(Self.simple, length: g.next(3)), g.text(Self.simple + Self.other, length: g.next(12)),
          g.text(Self.simple, length: g.next(50)) + (row == 3 ? "\u{600}" : ""), String(g.next(100_000)),
          g.next(3) == 0 ? "" : g.text(Self.simple + Self.other + ["\n", "\u{1B}"], length: g.next(8)),
        ]
        t.add(cells, style: row % 2 == 0 ? .plain : .bad)
      }
      for width in [10, 20, 33, 40, 80, 200] {
        let fast = t.render(width: width)
        let expected = Self.referenceRender(t, width: width)
        #expect(fast == expected, "round \(round), width \(width)")
        #expect(fast.spans.map { Array($0.text.utf8) } == expected.spans.map { Array($0.text.utf8) })
      }
    }
  }
}

/// The other shortcuts of the views across plans: word tests, lower-casing, dates, indenting.
@Suite struct ViewFastPathTests {
  @Test func eightBytesArePrintableASCIIExactlyWhenEachIs() {
    var g = TextFastPathTests.Generator(state: 11)
    let interesting: [UInt8] = [0x00, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x41, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xC2, 0xE2, 0xFF]
    for round in 0..<20_000 {
      var bytes = (0..<8).map { _ in UInt8(0x20 + g.next(0x5F)) }
      if round % 2 == 1 { bytes[g.next(8)] = interesting[g.next(interesting.count)] }
      if round % 5 == 0 { bytes[g.next(8)] = UInt8(g.next(256)) }
      let expected = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
      #expect(bytes.withUnsafeBufferPointer { eightPrintableASCII($0, at: 0) } == expected, "\(bytes)")
    }
    #expect(Array("1234567".utf8).withUnsafeBufferPointer { eightPrintableASCII($0, at: 0) } == false)
  }

  @Test(arguments: ["", "acme", "Contoso Logistics 1012", "ÅSA Logistik", "华东电力 ACME", "İstanbul", "ẞ", "MIXED case 9", "ＡＣＭＥ 华东", "Σ华Σ"])
  func planNamesAreLowerCasedAsLowercasedDoes(_ name: String) {
    #expect(Array(Agenda.lowercased(name).utf8) == Array(name.lowercased().utf8))
  }

  @Test func cjkHasNoCaseSoNamesWithItAreLowerCasedOnTheirBytes() {
    for v in UInt32(0x3000)...0x9FFF {
      let s = "AbC" + String(Character(Unicode.Scalar(v)!)) + "Z"
      #expect(Array(Agenda.lowercased(s).utf8) == Array(s.lowercased().utf8), "U+\(String(v, radix: 16))")
    }
  }

  @Test func daysAreWrittenAsThePaddedPiecesWroteThem() {
    for days in stride(from: -800_000, through: 3_000_000, by: 997) + [-719_162, -354_000, 0, 20_000, 2_932_896] {
      let day = CalendarDay(daysSinceEpoch: days)
      let c = day.components
      #expect(day.description == pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2))
    }
  }

  @Test func tablesIndentedAsTheyAreRenderedAreTheTablesIndentedAfterwards() {
    var g = TextFastPathTests.Generator(state: 23)
    for _ in 0..<30 {
      var t = TextTable(columns: [.init("Tier"), .init("Account\nname", minWidth: 8), .init("What", minWidth: 12), .init("N", alignment: .right)])
      for row in 0..<5 {
        t.add(
          [
            g.text(TextFastPathTests.simple, length: g.next(3)), g.text(TextFastPathTests.simple + ["\n"], length: g.next(12)),
            g.text(TextFastPathTests.simple, length: g.next(40)), String(g.next(1000)),
          ], style: row == 2 ? .warn : .plain)
      }
      for indent in ["", "  ", "中 "] {
        for width in [20, 60] { #expect(t.render(width: width, indent: indent) == t.render(width: width).indented(indent)) }
      }
    }
    #expect(TextTable(columns: [.init("A")]).render(width: 30, indent: "  ") == TextTable(columns: [.init("A")]).render(width: 30).indented("  "))
  }
}

/// The byte pre-check of `Wrap.hasNumberAndUnit` answers as the plain definition does: an ASCII
/// digit directly followed by one of the units.
@Suite struct NumberAndUnitPrecheckTests {
  static func plain(_ s: String) -> Bool {
    let chars = Array(s)
    for i in chars.indices.dropLast() where chars[i].isASCII && chars[i].isNumber {
      let rest = String(chars[(i + 1)..<min(chars.count, i + 3)])
      if Wrap.units.contains(where: { rest.hasPrefix($0) }) { return true }
    }
    return false
  }

  @Test(arguments: [
    "24小时内解决", "响应 2 小时", "3天", "第2级", "level 2 within 24 h", "Respond to issue 4 by 20:15 UTC", "2026年3月", "约 1,200,000 CNY",
    "12个月", "1个", "5次回访", "9", "", "小时 3", "a3b天", "３天", "x9级y",
  ])
  func agreesWithThePlainDefinition(_ text: String) {
    #expect(Wrap.hasNumberAndUnit(text) == Self.plain(text), "\(text)")
  }
}

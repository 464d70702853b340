import Testing

@testable import CoachCore

@Suite struct SanitizerTests {
  @Test func rendersEscapesVisibly() {
    let hostile = "ok\u{1B}]0;pwned\u{07} \u{1B}[2J \u{9B}31m cr\rx \u{202E}evil \u{7F}"
    let clean = Sanitizer.clean(hostile)
    #expect(!clean.unicodeScalars.contains { Sanitizer.isUnsafe($0) })
    #expect(clean.contains("\\u{1B}]0;pwned\\u{07}"))
    #expect(clean.contains("\\u{9B}"))
    #expect(clean.contains("\\r"))
    #expect(clean.contains("\\u{202E}"))
  }

  @Test func keepsOrdinaryTextAndNewlines() {
    #expect(Sanitizer.clean("价格异议\nsecond line") == "价格异议\nsecond line")
    #expect(Sanitizer.clean("one\ntwo", multiline: false) == "one⏎two")
    #expect(Sanitizer.clean("a\tb") == "a b")
  }

  @Test func styledTextSanitisesEverySpanButKeepsItsOwnColour() {
    let t: StyledText = "plan \("x\u{1B}[31m", .bold)"
    let coloured = t.rendered(colour: true)
    #expect(coloured == "plan \u{1B}[1mx\\u{1B}[31m\u{1B}[0m")
    #expect(t.rendered(colour: false) == "plan x\\u{1B}[31m")
  }
}

@Suite struct WidthAndWrapTests {
  @Test func countsWideCharactersAsTwo() {
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("价格异议") == 8)
    #expect(DisplayWidth.of("ｆｕｌｌ") == 8)
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("👍") == 2)
    #expect(DisplayWidth.of("한국") == 4)
  }

  @Test func padsAndTruncatesByColumns() {
    #expect(DisplayWidth.padRight("中文", to: 6) == "中文  ")
    #expect(DisplayWidth.truncate("华东电力集团有限公司", to: 9) == "华东电力…")
    #expect(DisplayWidth.of(DisplayWidth.truncate("华东电力集团有限公司", to: 9)) <= 9)
  }

  @Test func wrapsLatinAtSpacesAndChineseAnywhere() {
    #expect(Wrap.lines("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    let zh = Wrap.lines("客户需求挖掘是大客户开发的核心环节，需要专业能力。", width: 12)
    #expect(zh.allSatisfy { DisplayWidth.of($0) <= 12 })
    #expect(zh.joined() == "客户需求挖掘是大客户开发的核心环节，需要专业能力。")
    #expect(!zh.contains { $0.hasPrefix("，") || $0.hasPrefix("。") })
  }

  @Test func tablesAlignChineseColumns() {
    var t = TextTable(columns: [.init("Name"), .init("Role")])
    t.add(["王总", "Final"])
    t.add(["Alexander", "财务决策者"])
    let lines = t.render(width: 80).plain.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    let roleColumn = lines.map { line -> Int in
      let prefix = line.prefix { $0 != "F" && $0 != "财" && $0 != "R" }
      return DisplayWidth.of(prefix)
    }
    #expect(Set([roleColumn[0], roleColumn[2], roleColumn[3]]).count == 1)
  }

  @Test func figuresAreNeverSplitWhenATableIsNarrowed() {
    var t = TextTable(columns: [.init("Term"), .init("Best", alignment: .right), .init("Walk-away", alignment: .right), .init("Better")])
    t.add(["Price", "1,200,000", "≈1,050,000", "higher is better for us"])
    for width in [20, 30, 40, 60] {
      let text = t.render(width: width).plain
      #expect(text.contains("1,200,000") && text.contains("≈1,050,000"), "width \(width): a figure was split or cut\n\(text)")
    }
    // The text column gives way instead, wrapped rather than cut, in Chinese too.
    #expect(t.render(width: 40).plain.split(separator: "\n").count > 3)
    var zh = TextTable(columns: [.init("条款"), .init("最佳", alignment: .right), .init("更优方向")])
    zh.add(["价格", "1,200,000", "越高越好"])
    let narrow = zh.render(width: 20).plain.split(separator: "\n").dropFirst(2).joined(separator: "\n")  // the rows, below the header
    #expect(narrow.contains("1,200,000") && !narrow.contains("…"), "\(narrow)")
    #expect(narrow.contains("越高") && narrow.contains("越好"), "\(narrow)")
  }

  @Test func tablesSanitiseCells() {
    var t = TextTable(columns: [.init("A")])
    t.add(["\u{1B}[2Jboom"])
    #expect(!t.render(width: 40).plain.contains("\u{1B}"))
  }
}

@Suite struct SuggestTests {
  @Test func findsTheNearestCommand() {
    let words = ["open", "show", "list", "close", "new", "quit"]
    #expect(Suggest.nearest(to: "opne", in: words) == "open")
    #expect(Suggest.nearest(to: "shwo", in: words) == "show")
    #expect(Suggest.nearest(to: "li", in: words) == "list")
    #expect(Suggest.nearest(to: "xyzzy", in: words) == nil)
  }
}

@Suite struct LineBreakingTests {
  static let noStart: [Character] = ["，", "。", "；", "：", "！", "？", "」", "）", "、", "”", "』", "》"]
  static let noEnd: [Character] = ["「", "“", "（", "『", "《"]
  static let chinese = "客户说：「价格太高了，我们再考虑一下。」（采购经理刘芳）她问：“交付周期能不能缩短？”我们回答：可以，但需要预付款；另外，还要确认验收标准、付款方式！"

  @Test func chineseLinesFollowTheLineBreakingRulesAtEveryWidth() {
    for width in 8...40 {
      let lines = Wrap.lines(Self.chinese, width: width)
      #expect(lines.joined() == Self.chinese, "width \(width): nothing lost or added")
      for line in lines {
        #expect(DisplayWidth.of(line) <= width + 2, "width \(width): ‘\(line)’ is too wide")  // one glued mark may overhang
        if let first = line.first { #expect(!Self.noStart.contains(first), "width \(width): ‘\(line)’ starts with \(first)") }
        if let last = line.last, line != lines.last { #expect(!Self.noEnd.contains(last), "width \(width): ‘\(line)’ ends with \(last)") }
      }
    }
  }

  @Test func latinPunctuationStaysWithItsWordAfterChinese() {
    let lines = Wrap.lines("用 `discover 深度访谈` 继续，然后 check。", width: 14)
    #expect(lines.allSatisfy { !($0.first.map { Self.noStart.contains($0) } ?? false) })
  }

  @Test func bulletsHangUnderTheirText() {
    let lines = Wrap.lines("• Understand the industry background: competitive landscape and trends.", width: 30, indent: "  ")
    #expect(lines == ["  • Understand the industry", "    background: competitive", "    landscape and trends."])
  }

  @Test func styledTextWrapsAtWordsKeepingStylesAndHangs() {
    var text = StyledText("  ")
    text.append("stakeholders", .bold)
    text.append("  Map the decision makers: role, influence, attitude and completeness.\n")
    text.append("short line\n")
    text.append("• a bullet that is long enough to wrap around the line", .dim)
    let wrapped = text.wrapped(width: 40)
    let lines = wrapped.plain.split(separator: "\n").map(String.init)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(lines)")
    // Words are whole, continuation lines hang under the second column or the bullet's text.
    #expect(lines[0] == "  stakeholders  Map the decision makers:")
    #expect(lines[1] == "                role, influence,")
    #expect(lines[2] == "                attitude and")
    #expect(lines[3] == "                completeness.")
    #expect(lines[4] == "short line")
    #expect(lines[5] == "• a bullet that is long enough to wrap")
    #expect(lines[6] == "  around the line")
    #expect(wrapped.spans.contains { $0.style == .bold && $0.text == "stakeholders" })
    #expect(wrapped.spans.filter { $0.style == .dim }.map(\.text).joined() == "• a bullet that is long enough to wraparound the line")
    // What fits is left alone.
    #expect(StyledText("fits").wrapped(width: 40) == StyledText("fits"))
  }

  @Test func styledTextWrapsChineseWithTheRules() {
    let wrapped = StyledText(LineBreakingTests.chinese).wrapped(width: 20)
    let lines = wrapped.plain.split(separator: "\n").map(String.init)
    #expect(lines.count > 3)
    for line in lines {
      if let first = line.first { #expect(!Self.noStart.contains(first), "‘\(line)’") }
    }
    #expect(lines.joined() == LineBreakingTests.chinese)
  }
}

/// `source` values: what is accepted, and how each language reads it.
@Suite struct SourceRefTests {
  @Test func acceptedForms() {
    #expect(SourceRef.parse("course part 4 · 大客户异议处理 / LSCPA") == [.course(part: 4, heading: "大客户异议处理 / LSCPA")])
    #expect(SourceRef.parse("course · 大客户开发的挑战; ours") == [.course(part: nil, heading: "大客户开发的挑战"), .ours])
    #expect(SourceRef.parse("article 7 · 客户流失预防") == [.article(section: 7, heading: "客户流失预防")])
    #expect(SourceRef.parse("article · 客户分层管理") == [.article(section: nil, heading: "客户分层管理")])
  }

  @Test(arguments: ["", "ours, mostly", "course part 8 · X", "course part 4 ·", "course part 4·X", "book · X", "ours; ", "article 11 · X"])
  func rejectedForms(_ value: String) {
    #expect(SourceRef.parse(value) == nil, "\(value)")
  }

  @Test func renderedInEachLanguage() {
    let s = "course part 5 · 客户满意度管理; article 7 · 客户流失预防; ours"
    #expect(SourceRef.render(s, .en) == "course part 5 · 客户满意度管理; article §7 · 客户流失预防; our own addition")
    #expect(SourceRef.render(s, .zh) == "课程第五部分 · 客户满意度管理；文章第七节 · 客户流失预防；我们的补充")
  }
}

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

import Testing

@testable import CoachCore

/// Tables and prose wrap at word boundaries: a word (a name, an id, a role) is broken inside
/// only when it is wider than its column can ever be, and a code span (`…`) stays whole.
@Suite struct TableWordTests {
  /// Every word of every row of `cells` appears whole on some line of `text`.
  func wordsWhole(_ cells: [String], in text: String) -> [String] {
    let lines = text.split(separator: "\n").map(String.init)
    return cells.flatMap { $0.split(separator: " ").map(String.init) }.filter { word in !lines.contains { $0.contains(word) } }
  }

  @Test func stakeholdersAtSixtyColumnsKeepEveryWordWhole() {
    var t = TextTable(columns: [
      .init("Name"), .init("Title"), .init("Role"), .init("Influence", minWidth: 5), .init("Attitude"), .init("Concerns", minWidth: 12),
    ])
    let rows = [
      ["Mary-Anne Li", "CFO", "Financial", "4", "Supporter", "cash flow over the next two quarters"],
      ["Sean O'Brien(4)", "Head of Ops", "Technical", "3", "Neutral", "downtime during the switchover"],
      ["王建国", "Plant lead", "User", "5", "Opponent", "spare parts"],
    ]
    for r in rows { t.add(r) }
    for width in [60, 70, 80] {
      let text = t.render(width: width).plain
      #expect(wordsWhole(rows.flatMap { $0 }, in: text) == [], "width \(width):\n\(text)")
      #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= width }, "width \(width):\n\(text)")
    }
  }

  @Test func idsInAPipedListAtEightyColumnsStayWhole() {
    var t = TextTable(columns: [
      .init("ID"), .init("Account", minWidth: 8), .init("Stage"), .init("Next action", minWidth: 12), .init("Due", alignment: .right),
    ])
    let rows = [
      ["northwind-foods", "Northwind Foods", "negotiation", "send the revised proposal with the phased rollout", "in 3 days"],
      ["contoso-retail", "Contoso Retail", "discovery", "book the site visit with the operations team", "tomorrow"],
    ]
    for r in rows { t.add(r) }
    let text = t.render(width: 80).plain
    #expect(wordsWhole(rows.flatMap { $0 }, in: text) == [], "\(text)")
  }

  @Test func theWidestWrappableColumnGivesWayFirst() {
    var t = TextTable(columns: [.init("Account"), .init("Note")])
    t.add(["Northwind Foods", "a long note that can wrap over several lines without breaking any word"])
    #expect(t.columnWidths(t.rows, width: 40) == [15, 23])
    // A title is cut before a word of a cell is broken.
    var u = TextTable(columns: [.init("Name"), .init("Influence", minWidth: 5), .init("Concerns")])
    u.add(["Mary-Anne Li", "4", "downtime during the switchover"])
    #expect(u.columnWidths(u.rows, width: 30) == [9, 7, 10])
  }

  @Test func aWordWiderThanTheColumnCanEverBeIsStillBroken() {
    var t = TextTable(columns: [.init("A"), .init("B")])
    t.add([String(repeating: "x", count: 50), String(repeating: "y", count: 50)])
    let text = t.render(width: 40).plain
    #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 40 }, "\(text)")
  }

  @Test func aCodeSpanIsOneUnbreakableUnitInProse() {
    let zh = "先确认决策链：运行 `stakeholders links 王建国` 把他和上级连起来，再补全态度。"
    for width in [28, 30, 36, 44] {
      let lines = Wrap.lines(zh, width: width)
      #expect(lines.contains { $0.contains("`stakeholders links 王建国`") }, "width \(width): \(lines)")
      #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width): \(lines)")
    }
    let en = "Run `show stakeholders` and then `stakeholders links Mary-Anne Li` to see who reports to whom."
    let lines = Wrap.lines(en, width: 40)
    #expect(lines.contains { $0.contains("`stakeholders links Mary-Anne Li`") }, "\(lines)")
    // Wider than the line: broken like any over-long word, nothing lost.
    let long = Wrap.lines("`" + String(repeating: "a ", count: 20) + "`", width: 10)
    #expect(long.allSatisfy { DisplayWidth.of($0) <= 10 } && long.count > 1, "\(long)")
    // A lone backquote is an ordinary character.
    #expect(Wrap.lines("it`s a b c d e f", width: 8) == ["it`s a b", "c d e f"])
    // In a styled line (how `check` prints its advice) too.
    let styled = StyledText(" • " + zh).wrapped(width: 40).plain
    #expect(styled.contains("`stakeholders links 王建国`"), "\(styled)")
  }

  @Test func longestTokensOnTheBytesAreThoseOfTheWalk() {
    for text in ["Mary-Anne Li", "华东电力集团 Northwind", "设备停机，。 abc", "`a b` c", "x", "word  word2", "“引号”里的话"] {
      let walked = Wrap.tokens(text).reduce(0) { max($0, $1 == " " ? 0 : DisplayWidth.of($1)) }
      #expect(Wrap.longestToken(text) == walked, "‘\(text)’")
    }
  }
}

@Suite struct TitleColonTests {
  @Test func aChineseTitleTakesAFullWidthColon() {
    #expect("客户概况".titleColon == "：")
    #expect("Account profile".titleColon == ": ")
    #expect("".titleColon == ": ")
  }
}

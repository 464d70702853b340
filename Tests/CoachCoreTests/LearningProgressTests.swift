import Testing

@testable import CoachCore

@Suite struct LearningProgressTests {
  static let sample = """
    {
      "comment": "written by a newer minor version",
      "items": {
        "ka-revenue-share": {
          "answeredAt": "2026-11-23T09:00:00Z",
          "box": 2,
          "due": "2026-11-25",
          "ease": 2.5,
          "introduced": "2026-11-23",
          "reviewed": "2026-11-23",
          "right": 1,
          "wrong": 0
        },
        "retired-item": {
          "box": 5,
          "due": "2026-12-01"
        }
      },
      "lessons": {
        "key-accounts": {
          "readAt": "2026-11-23T08:55:00Z",
          "minutes": 6
        }
      },
      "schemaVersion": 1,
      "updatedAt": "2026-11-23T09:00:00Z"
    }
    """

  @Test func roundTripKeepsUnknownKeysAtEveryLevel() throws {
    let value = try JSONParser.parse(Self.sample)
    let p = try LearningProgress(json: value)
    #expect(p.items["ka-revenue-share"]?.box == 2)
    #expect(p.items["ka-revenue-share"]?.due == CalendarDay("2026-11-25"))
    #expect(p.items["retired-item"]?.introduced == CalendarDay("2026-12-01"))
    #expect(p.lessons["key-accounts"]?.readAt == "2026-11-23T08:55:00Z")
    let written = try JSONParser.parse(p.fileText)
    #expect(written["comment"] == "written by a newer minor version")
    #expect(written["items"]?["ka-revenue-share"]?["ease"] == .number(2.5))
    #expect(written["lessons"]?["key-accounts"]?["minutes"] == .number(6))
    #expect(written["items"]?["retired-item"] != nil)
    // Reading what was written gives the same progress, and writing it again the same bytes.
    let again = try LearningProgress(json: written)
    #expect(again == p)
    #expect(again.fileText == p.fileText)
  }

  @Test func anEmptyProgressIsVersionOne() throws {
    let p = LearningProgress()
    #expect(p.fileText == "{\n  \"items\": {},\n  \"lessons\": {},\n  \"schemaVersion\": 1\n}\n")
    #expect(try LearningProgress(json: JSONParser.parse(p.fileText)) == p)
  }

  @Test func formatErrorsNameTheField() {
    func error(_ text: String) -> String? {
      do {
        _ = try LearningProgress(json: JSONParser.parse(text))
        return nil
      } catch let e as PlanFormatError {
        return e.description
      } catch {
        return "syntax"
      }
    }
    #expect(error(#"{"items": {}}"#)?.hasPrefix("schemaVersion: missing") == true)
    #expect(error(#"{"schemaVersion": 1, "items": {"x": {"box": 7, "due": "2026-11-23"}}}"#) == "items.x.box: expected a whole number from 1 to 5, found 7")
    #expect(error(#"{"schemaVersion": 1, "items": {"x": {"box": 2, "due": "soon"}}}"#) == "items.x.due: expected a date as YYYY-MM-DD, found \"soon\"")
    #expect(error(#"{"schemaVersion": 1, "items": []}"#) == "items: expected an object keyed by id, found a list")
    #expect(error(#"{"schemaVersion": 1, "items": {"x": {"due": "2026-11-23"}}}"#) == "items.x.box: missing: every item has a box")
  }

  @Test func mergingLaysOnlyTheChangedItemsOverTheFile() throws {
    var onDisk = try LearningProgress(json: JSONParser.parse(Self.sample))
    onDisk.items["other-session"] = ItemProgress(box: 3, due: CalendarDay("2026-11-27")!, introduced: CalendarDay("2026-11-20")!, reviewed: CalendarDay("2026-11-23")!)
    var mine = try LearningProgress(json: JSONParser.parse(Self.sample))
    mine.items["ka-revenue-share"]?.box = 3
    mine.items["retired-item"]?.box = 1  // not marked changed: the file's value wins
    mine.lessons["trust"] = LessonProgress(readAt: "2026-11-23T10:00:00Z")
    let merged = onDisk.merging(mine, items: ["ka-revenue-share"], lessons: ["trust"], updatedAt: "2026-11-23T10:00:00Z")
    #expect(merged.items["ka-revenue-share"]?.box == 3)
    #expect(merged.items["retired-item"]?.box == 5)
    #expect(merged.items["other-session"]?.box == 3)
    #expect(merged.lessons["trust"] != nil && merged.lessons["key-accounts"] != nil)
    #expect(merged.extra["comment"] == "written by a newer minor version")
    #expect(merged.updatedAt == "2026-11-23T10:00:00Z")
  }

  @Test func newerVersionsAreRecognised() throws {
    let p = try LearningProgress(json: JSONParser.parse(#"{"schemaVersion": 2, "items": {}}"#))
    #expect(p.isFromNewerVersion)
    #expect(!LearningProgress().isFromNewerVersion)
  }
}

@Suite struct LessonTextTests {
  @Test func reflowsParagraphsAndBullets() {
    let text = """
      The 80/20 rule holds: the top 20% of accounts
      bring in about 80% of revenue.
      - A relationship lasts 3.5 years on average,
        far longer than with an ordinary customer.
      - A key account is worth four times as much.
      So the time you put in
      buys years of revenue.
      """
    #expect(
      LessonText.blocks(text) == [
        .paragraph("The 80/20 rule holds: the top 20% of accounts bring in about 80% of revenue."),
        .bullet("A relationship lasts 3.5 years on average, far longer than with an ordinary customer."),
        .bullet("A key account is worth four times as much."),
        .paragraph("So the time you put in buys years of revenue."),
      ])
    #expect(
      LessonText.wrapped(text, width: 40) == [
        "The 80/20 rule holds: the top 20% of",
        "accounts bring in about 80% of revenue.",
        "• A relationship lasts 3.5 years on",
        "  average, far longer than with an",
        "  ordinary customer.",
        "• A key account is worth four times as",
        "  much.",
        "So the time you put in buys years of",
        "revenue.",
      ])
  }

  @Test func joinsChineseLinesWithoutSpacesAndWrapsByWidth() {
    let text = """
      二八法则在大客户销售中同样成立：排名前20%的客户带来约80%的收入。
      课程用几组数字说明了这意味着什么：
      - 与大客户的平均合作时间约3.5年，远长于普通客户，为业务增长提供了可预期
        的基础。
      """
    let blocks = LessonText.blocks(text)
    #expect(
      blocks == [
        .paragraph("二八法则在大客户销售中同样成立：排名前20%的客户带来约80%的收入。课程用几组数字说明了这意味着什么："),
        .bullet("与大客户的平均合作时间约3.5年，远长于普通客户，为业务增长提供了可预期的基础。"),
      ])
    let lines = LessonText.wrapped(text, width: 30)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
    #expect(lines.first?.hasPrefix("二八法则") == true)
    #expect(lines.contains { $0.hasPrefix("• 与大客户") })
    // Closing punctuation never starts a line.
    #expect(!lines.contains { $0.hasPrefix("，") || $0.hasPrefix("。") })
    #expect(
      lines.joined().replacingAll(" ", with: "").replacingAll("•", with: "")
        == blocks.map { b -> String in
          switch b {
          case .paragraph(let p), .bullet(let p): return p
          }
        }.joined())
  }

  @Test func findsLessonsByIdPrefixOrNumber() {
    let lessons = ["key-accounts", "account-analysis", "account-management", "trust"].map { Lesson(id: $0, title: $0.uppercased(), pages: []) }
    #expect(LessonLookup.find("trust", in: lessons) == .found(lessons[3]))
    #expect(LessonLookup.find("key", in: lessons) == .found(lessons[0]))
    #expect(LessonLookup.find("2", in: lessons) == .found(lessons[1]))
    #expect(LessonLookup.find("２", in: lessons) == .found(lessons[1]))
    #expect(LessonLookup.find("account", in: lessons) == .ambiguous(["account-analysis", "account-management"]))
    #expect(LessonLookup.find("account-m", in: lessons) == .found(lessons[2]))
    #expect(LessonLookup.find("9", in: lessons) == .notFound)
    #expect(LessonLookup.find("zzz", in: lessons) == .notFound)
  }
}

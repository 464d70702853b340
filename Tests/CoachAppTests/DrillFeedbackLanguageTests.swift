import CoachCore
import CoachStore
import CoachTestSupport
import Testing

@testable import CoachApp

/// The words a failed check looked for are quoted from the drill's own language — a Chinese
/// drill never shows `没有找到“anything else”` — and a trainer who reads a drill in another
/// language sees each check described in theirs, with the drill language's signal words. The
/// score does not depend on who reads it.
@Suite struct DrillFeedbackLanguageTests {
  static let name = "20261123T090000Z-张伟-price-budget-fixed"
  /// Confirm is skipped: nothing to quote, so every failed check says what it looked for.
  static let answers = ["我理解您的预算已经定了。", "理解。", "skip", "1 4", "我们可以分期付款。", "我们下周回顾。"]

  func practised(_ h: SessionHarness) -> SessionHarness.Result {
    h.run(["drill objection --scenario price-budget-fixed --rep 张伟"] + Self.answers)
  }

  @Test func aChineseDrillQuotesTheChineseSignalWords() {
    let h = SessionHarness(lang: .zh)
    h.width = 200
    let r = practised(h)
    #expect(r.status == 0)
    #expect(r.out.contains("✗ 核对理解是否准确，并问清是不是全部顾虑 — 没有找到“除了”、“除此之外”"))
    // A pattern reads as words: the first alternative, no bars.
    #expect(r.out.contains("✗ 和客户核对自己的理解 — 没有问号，也没有找到“也就是说”"))
    #expect(!r.out.contains("anything else") && !r.out.contains("if i understand") && !r.out.contains("|"))
  }

  @Test func anEnglishTrainerReviewsAChineseDrill() {
    let h = SessionHarness(lang: .zh)
    _ = practised(h)
    h.lang = .en
    h.width = 200
    let r = h.run(["drill review " + Self.name + " --trainer Maria", "skip", "skip", "done"])
    #expect(r.status == 0)
    #expect(r.out.contains("✗ Checks it is right, and whether it is the whole concern — no sign of “除了”, “除此之外”"))
    #expect(r.out.contains("✗ Checks its understanding with the customer — no question mark; no sign of “也就是说”"))
    #expect(r.out.contains("✗ Invites the customer to say more — no question mark; no sign of “说说”, “讲讲”"))
    // A test is described in the trainer's language, never a Chinese description in place of signal words.
    #expect(!r.out.contains("复述客户自己的话") && !r.out.contains("请客户多讲一些") && !r.out.contains("anything else"))
    // The rep's words stay as they were written.
    #expect(r.out.contains("“我理解您的预算已经定了。”"))
    let shown = h.run(["drill show " + Self.name])
    #expect(shown.out.contains("does not play back the customer's own words; nothing about their situation beyond stock phrases"))
    #expect(shown.out.contains("Better: “如果我理解正确"), "the better line is said to the customer, in the drill's language")
  }

  @Test func theScoreIsTheSameWhoeverReadsIt() throws {
    let h = SessionHarness(lang: .zh)
    _ = practised(h)
    let recorded = try TranscriptStore.load(path: h.workspace.root + "/sessions/" + Self.name + ".json")
    for lang in [Lang.zh, .en, .zh] {
      h.lang = lang
      let r = h.run(["drill rescore " + Self.name])
      #expect(r.status == 0)
      #expect(r.out.contains(lang == .en ? "Same score as recorded: \(recorded.totals.percent)%." : "与记录的得分相同：\(recorded.totals.percent)%。"))
    }
    let book = try h.makeSession().0.playbook(for: .en)
    let zhBook = try h.makeSession().0.playbook(for: .zh)
    let scorer = DrillScorer(books: [.en: book, .zh: zhBook])
    for rec in recorded.steps {
      let own = scorer.score(rec, in: recorded)
      let read = scorer.score(rec, in: recorded, shownIn: .en)
      #expect(own.score == rec.score && read.score == rec.score)
      #expect(own.checks.map(\.passed) == read.checks.map(\.passed) && own.checks.map(\.id) == read.checks.map(\.id))
    }
  }
}

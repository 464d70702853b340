import CoachCore
import CoachTestSupport
import Testing

@testable import CoachApp

/// A Chinese session reads Chinese: no parser English, section names in Chinese as well as
/// the ids to type, full-width sentence punctuation.
@Suite struct ChineseMessagesTests {
  @Test func aMissingNameIsSaidInChinese() {
    let p = UsageProblemTests.problem(["new"])
    #expect(p?.kind == .missingArgument("name"), "\(String(describing: p))")
    let zh = p?.text(L10n(.zh)) ?? ""
    #expect(zh == "缺少参数：<name>。", "\(zh)")
    let z = SessionHarness(lang: .zh).run(["new"])
    #expect(!z.err.contains("Missing") && z.err.contains("缺少参数"), "\(z.err)")
  }

  @Test func anUnknownSectionListsTheSectionsInTheSessionsLanguage() {
    let z = SessionHarness(lang: .zh).run(["new 华东电力", "show 华东电力 合同条款"])
    #expect(z.err.contains("没有 ‘合同条款’ 这个部分。可用部分：account（客户概况）、"), "\(z.err)")
    #expect(z.err.contains("deal（商机）。"), "\(z.err)")
  }

  /// A Chinese section name (the one `show` lists, or an everyday short form) opens that section,
  /// and with a plan open a word that is neither a section nor a plan lists the sections — it
  /// was reported as a missing plan (`show 交易`).
  @Test func chineseSectionNamesAreSectionsAndAnUnknownWordListsThem() {
    let z = SessionHarness(lang: .zh).run(["new 华东电力", "show 交易", "show 谈判准备", "show 决策者", "show 报价单"])
    #expect(z.out.contains("商机"), "\(z.out)")
    #expect(z.out.contains("谈判准备"), "\(z.out)")
    #expect(z.out.contains("关键决策者"), "\(z.out)")
    #expect(z.err.contains("没有 ‘报价单’ 这个部分或计划。可用部分：account（客户概况）、"), "\(z.err)")
    #expect(z.err.components(separatedBy: "没有 ‘").count == 2, "only 报价单 is refused: \(z.err)")
    let r = SessionHarness().run(["new Acme", "show acme bogus"])
    #expect(r.err.contains("No section ‘bogus’. Sections: account, value,"), "\(r.err)")
  }
}

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
    let z = SessionHarness(lang: .zh).run(["new 华东电力", "show 华东电力 交易"])
    #expect(z.err.contains("没有 ‘交易’ 这个部分。可用部分：account（客户概况）、"), "\(z.err)")
    #expect(z.err.contains("deal（商机）。"), "\(z.err)")
    let r = SessionHarness().run(["new Acme", "show acme bogus"])
    #expect(r.err.contains("No section ‘bogus’. Sections: account, value,"), "\(r.err)")
  }
}

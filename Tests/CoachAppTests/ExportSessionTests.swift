import CoachCore
import CoachStore
import CoachTestSupport
import Testing

@testable import CoachApp

#if canImport(Glibc)
  import Glibc
#endif

/// `export` typed in the session and run as `coach export`, in both languages.
@Suite struct ExportSessionTests {
  static func harness(_ lang: Lang, _ plan: AccountPlan) -> SessionHarness {
    let h = SessionHarness(lang: lang)
    h.workspace.write("plans/\(plan.id).json", plan.fileText)
    return h
  }

  @Test func exportInTheSessionInEnglish() throws {
    let plan = ExportFixturePlans.typical(.en)
    let h = Self.harness(.en, plan)
    let r = h.run(["open acme-manufacturing", "export", "export csv", "export csv --what actions", "quit"])
    #expect(r.status == 0)
    #expect(r.err.isEmpty)
    Golden.check(r.transcript, "export-session-en")
    #expect(r.out.contains("# Meeting brief: Acme Manufacturing\n"))
    #expect(r.out.contains("account,name,title,role,role_label,influence,attitude,attitude_label,concerns,notes\n"))
  }

  @Test func exportInTheSessionInChinese() throws {
    let plan = ExportFixturePlans.typical(.zh)
    let h = Self.harness(.zh, plan)
    let r = h.run(["open 华东电力集团", "export md", "export json", "quit"])
    #expect(r.status == 0)
    Golden.check(r.transcript, "export-session-zh")
    #expect(r.out.contains("# 会谈简报：华东电力集团\n"))
    #expect(r.out.contains(plan.fileText))
  }

  @Test func writesTheFileDurablyAndSaysWhere() throws {
    let plan = ExportFixturePlans.typical(.en)
    let h = Self.harness(.en, plan)
    let target = h.workspace.root + "/brief.html"
    let r = h.run(["open acme-manufacturing", "export html -o \(target)", "export --full -o \(h.workspace.root)/full.md", "quit"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("Wrote the meeting brief (HTML) to "))
    #expect(r.out.contains("brief.html (only you can read it)."))
    #expect(r.out.contains("Wrote the full plan (Markdown) to "))
    #expect(h.workspace.mode("brief.html") == 0o600)
    let html = try #require(h.workspace.read("brief.html"))
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(h.workspace.read("full.md")?.contains("### Portrait") == true)
    #expect(!h.workspace.list("").contains { $0.contains(".tmp-") })
  }

  @Test func refusesFoldersAndThePlansFolder() throws {
    let h = Self.harness(.zh, ExportFixturePlans.typical(.zh))
    let r = h.run(["open 华东电力集团", "export html -o \(h.workspace.root)", "export -o \(h.workspace.plans)/x.md"])
    #expect(r.status == 73)
    #expect(r.err.contains("是一个文件夹，未写入任何内容"))
    #expect(r.err.contains("那是工作区存放计划的文件夹"))
    #expect(!h.workspace.exists("plans/x.md"))
  }

  @Test func usageErrors() {
    let h = Self.harness(.en, ExportFixturePlans.typical(.en))
    let none = h.run(["export"])
    #expect(none.status == 64)
    #expect(none.err.contains("Which plan? `export NAME [md|html|json|csv]`"))
    let r = h.run(["open acme-manufacturing", "export pdf"])
    #expect(r.err.contains("Unknown format ‘pdf’: use md, html, json or csv."))
    #expect(r.status == 64)
    let what = h.run(["open acme-manufacturing", "export md --what actions"])
    #expect(what.err.contains("`--what` applies to csv only."))
    let zh = SessionHarness(lang: .zh).run(["export"])
    #expect(zh.err.contains("要导出哪个计划？"))
  }

  @Test func exportOfAnotherPlanFromTheSession() {
    let h = Self.harness(.en, ExportFixturePlans.typical(.en))
    h.workspace.write("plans/华东电力集团.json", ExportFixturePlans.typical(.zh).fileText)
    let r = h.run(["open acme-manufacturing", "export 华东电力集团 csv"])
    #expect(r.status == 0)
    #expect(r.out.contains("华东电力集团,王建国,分管副总经理,final,Final decision maker,5,supporter,Supporter,"))
  }

  @Test func helpDescribesExportInBothLanguages() {
    let en = SessionHarness().run(["help export"])
    #expect(en.out.contains("export [PLAN] [brief] [FORMAT] [-o FILE] [--full | --audience customer]"))
    #expect(en.out.contains("`--audience customer` is the shareable"))
    #expect(en.out.contains("`--what actions`"))
    #expect(en.out.contains("gets a leading '"))
    let zh = SessionHarness(lang: .zh).run(["help export"])
    #expect(zh.out.contains("export [计划] [brief] [格式] [-o 文件] [--full | --audience customer]"))
    #expect(zh.out.contains("绝不截断句子"))
  }
}

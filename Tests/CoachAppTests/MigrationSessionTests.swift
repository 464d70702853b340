import CoachCore
import CoachTestSupport
import Testing

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Opening a version-1 plan migrates it: the original is kept once beside it, the plan is saved
/// as version 2, and the rep is told.
@Suite struct MigrationSessionTests {
  let v1 =
    #"{"schemaVersion": 1, "id": "acme", "name": "Acme", "stakeholders": [{"name": "Dana"}], "objections": [{"statement": "Too dear", "raisedBy": "Dana", "status": "open"}]}"#

  @Test func openingAVersion1PlanMigratesItAndKeepsTheOriginalOnce() throws {
    let h = SessionHarness()
    h.workspace.write("plans/acme.json", v1)
    let r = h.run(["open acme"])
    #expect(r.out.contains("Upgraded this plan to format 2"), "\(r.out)")
    #expect(r.out.contains("plans/acme.v1.json"))
    #expect(h.workspace.read("plans/acme.v1.json") == v1)
    var info = stat()
    #expect(stat(h.workspace.root + "/plans/acme.v1.json", &info) == 0 && info.st_mode & 0o777 == 0o600)
    let plan = try AccountPlan.parse(h.workspace.read("plans/acme.json") ?? "")
    #expect(plan.schemaVersion == 2 && plan.stakeholders[0].id == "s1" && plan.objections[0].raisedById == "s1")

    // Once: a second v1 file (restored by hand) does not replace the original kept first.
    h.workspace.write("plans/acme.json", v1.replacingAll("Too dear", with: "Later"))
    let again = h.run(["close", "open acme"])
    #expect(again.out.contains("the file as it was is kept as plans/acme.json.bak"), "the original is not kept twice: \(again.out)")
    #expect(h.workspace.read("plans/acme.json.bak")?.contains("Later") == true)
    #expect(h.workspace.read("plans/acme.v1.json") == v1)
    #expect(try AccountPlan.parse(h.workspace.read("plans/acme.json") ?? "").schemaVersion == 2)
  }

  @Test func chineseSaysItInChinese() {
    let h = SessionHarness(lang: .zh)
    h.workspace.write("plans/acme.json", v1)
    let r = h.run(["open acme"])
    #expect(r.out.contains("已将此计划升级到格式 2"), "\(r.out)")
  }
}

@Suite struct ItemIDSessionTests {
  @Test func anUndoneItemsIdIsNotGivenToTheNextOne() throws {
    let h = SessionHarness()
    _ = h.run(["new Acme", "actions add Call Dana", "undo", "actions add Send the model"])
    let plan = try AccountPlan.parse(h.workspace.read("plans/acme.json") ?? "")
    #expect(plan.actions.map(\.text) == ["Send the model"])
    #expect(plan.actions.map(\.id) == ["a2"], "a1 was handed out before the undo")
  }
}

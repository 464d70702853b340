import CoachTerminal
import Testing

@testable import CoachApp

/// Tab at `deal competitor edit|remove NAME` offers the open plan's competitors.
@Suite struct CompetitorCompletionTests {
  let ids = { ["acme"] }
  let rivals = { ["Sino-Tech", "Brandt Automation", "国网信通"] }

  @Test func competitorNamesComplete() {
    #expect(
      CommandCompletion.complete("deal competitor edit si", planIDs: ids, planOpen: true, competitors: rivals)
        == Completion(replacing: 2, candidates: ["Sino-Tech"]))
    // Any case, spaces in the name, Chinese names, and `remove` as well as `edit`.
    #expect(
      CommandCompletion.complete("deal competitor remove brandt a", planIDs: ids, planOpen: true, competitors: rivals)
        == Completion(replacing: 8, candidates: ["Brandt Automation"]))
    #expect(CommandCompletion.complete("deal competitor edit 国网", planIDs: ids, planOpen: true, competitors: rivals).candidates == ["国网信通"])
    #expect(CommandCompletion.complete("deal competitor edit ", planIDs: ids, planOpen: true, competitors: rivals).candidates == rivals())
    // The action words after `competitor`; `add` takes a new name, so nothing is offered.
    #expect(CommandCompletion.complete("deal competitor e", planIDs: ids, planOpen: true, competitors: rivals).candidates == ["edit"])
    #expect(CommandCompletion.complete("deal competitor add Si", planIDs: ids, planOpen: true, competitors: rivals).candidates.isEmpty)
  }
}

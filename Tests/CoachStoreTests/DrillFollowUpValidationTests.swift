import CoachCore
import CoachTestSupport
import Testing

@testable import CoachStore

/// Follow-up lines ("the customer pushes back") are authored like every other playbook item:
/// the shipped ones load in both languages, and a bad trigger or reference is reported at its
/// line with what was expected.
@Suite struct DrillFollowUpValidationTests {
  let builtIn = RepositoryPaths.playbooks

  @Test func shippedScenariosPushBackInBothLanguages() throws {
    for lang in Lang.allCases {
      let book = try #require(PlaybookLoader.load(directories: [builtIn], lang: lang).playbook)
      let withFollowUps = book.objectionDrills.filter { !$0.followUps.isEmpty }
      #expect(withFollowUps.count >= 4, "\(lang)")
      #expect(book.negotiationDrills.contains { !$0.followUps.isEmpty })
      let discount = try #require(book.objectionDrills.first { $0.id == "price-discount-demand" })
      #expect(discount.followUps.map(\.id) == ["go-lower", "show-numbers", "real-concern"])
      #expect(discount.followUps[0].check == "no-discount-first" && discount.followUps[0].when == .fails && discount.followUps[0].scoredAs == "give-and-get")
      #expect(discount.followUps[1].scoredAs == "process")
    }
  }

  /// A trainer's drills file with one mistake in a follow-up, and the exact problem expected.
  @Test(arguments: [
    (
      "a step that is not one of the drill's",
      "        after: proces\n        check: gives-evidence\n        when: fails\n",
      "en/drills.yaml:9:16: follow-up `push`: `after: proces` is not a step of this drill; expected one of: listen, sympathize, confirm, process, assure"
    ),
    (
      "a check the step does not have",
      "        after: process\n        check: gives-evidense\n        when: fails\n",
      "en/drills.yaml:10:16: drill `price-budget-fixed`: `check: gives-evidense` is not a check of the `process` step in rubric.yaml; did you mean `gives-evidence`? (checks: proposes, uses-strategy, gives-evidence, plan-detail, ties-to-need, no-discount-first, no-overclaim, respects-their-process)"
    ),
    (
      "a `when` that is neither passes nor fails",
      "        after: process\n        check: gives-evidence\n        when: failed\n",
      "en/drills.yaml:11:15: `failed` is not a valid `when` for a follow-up; expected one of: passes, fails"
    ),
    (
      "a reply scored as a step the rubric does not have",
      "        after: process\n        check: gives-evidence\n        when: fails\n        scoredAs: closing\n",
      "en/drills.yaml:12:19: drill `price-budget-fixed`: `scoredAs: closing` is not a step of rubric.yaml (steps: assure, confirm, give-and-get, listen, process, question, sympathize)"
    ),
    (
      "no trigger at all",
      "        check: gives-evidence\n        when: fails\n",
      "en/drills.yaml:8:9: a follow-up needs `after` (the step whose answer triggers it: listen, sympathize, confirm, process, assure)"
    ),
    (
      "a misspelt field",
      "        after: process\n        check: gives-evidence\n        when: fails\n        scored: process\n",
      "en/drills.yaml:12:9: unknown field `scored` in a follow-up; did you mean `scoredAs`? (expected: id, after, check, when, customer, scoredAs)"
    ),
  ])
  func aBadFollowUpIsReportedAtItsLine(_ label: String, _ fields: String, _ expected: String) {
    let trainer = TempWorkspace("coach-followup")
    trainer.write(
      "en/drills.yaml",
      "module: drills\nlanguage: en\nobjection:\n  - id: price-budget-fixed\n    category: price\n    customer: Our budget is fixed.\n    followUps:\n      - id: push\n"
        + fields + "        customer: Numbers, please.\n")
    let loaded = PlaybookLoader.load(directories: [builtIn, trainer.root], lang: .en)
    let found = loaded.problems.map { $0.description.replacingAll(trainer.root + "/", with: "") }
    #expect(found == [expected], "\(label)")
  }

  @Test func aFollowUpThatCanNeverBeSaidIsReported() {
    let trainer = TempWorkspace("coach-followup")
    trainer.write(
      "en/drills.yaml",
      "module: drills\nlanguage: en\nobjection:\n  - id: price-budget-fixed\n    followUps:\n"
        + "      - id: numbers\n        after: process\n        check: gives-evidence\n        when: fails\n        customer: Numbers, please.\n"
        + "      - id: figures\n        after: process\n        check: gives-evidence\n        when: fails\n        customer: Figures, please.\n")
    let found = PlaybookLoader.load(directories: [builtIn, trainer.root], lang: .en).problems.map { $0.description.replacingAll(trainer.root + "/", with: "") }
    #expect(found == ["en/drills.yaml:11:9: follow-up `figures` is never said: `numbers` before it has the same trigger (after process, gives-evidence fails)"])
  }

  @Test func aFollowUpInOneLanguageOnlyIsReported() {
    let trainer = TempWorkspace("coach-followup")
    trainer.write(
      "en/drills.yaml",
      "module: drills\nlanguage: en\nobjection:\n  - id: price-budget-fixed\n    followUps:\n      - id: numbers\n        after: process\n        check: gives-evidence\n        when: fails\n        customer: Numbers, please.\n"
    )
    let report = PlaybookLoader.load(directories: [builtIn, trainer.root], lang: .en)
    #expect(report.problems == [])
    var merged: [Lang: [String: YAMLNode]] = [:]
    for lang in Lang.allCases { merged[lang] = PlaybookAssembler.merge(PlaybookLoader.load(directories: [builtIn, trainer.root], lang: lang).files) }
    let parity = PlaybookAssembler.parity((.en, merged[.en]!), (.zh, merged[.zh]!)).map { $0.description.replacingAll(trainer.root + "/", with: "") }
    #expect(
      parity.contains { $0.hasPrefix("en/drills.yaml:6:13: id `objection › price-budget-fixed › followUps › numbers` is in the en playbook but not in the zh one") }, "\(parity)")
  }
}

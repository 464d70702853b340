import CoachCore
import CoachTestSupport
import Testing

@testable import CoachStore

/// A trainer's `assignments.yaml`: read into the playbook, and every mistake reported at its
/// line, in both languages; the built-in playbooks need none.
@Suite struct AssignmentValidationTests {
  func load(_ text: String, lang: Lang = .en) -> PlaybookLoader.Loaded {
    let trainer = TempWorkspace()
    trainer.write(lang.rawValue + "/assignments.yaml", text)
    return PlaybookLoader.load(directories: [RepositoryPaths.playbooks, trainer.root], lang: lang)
  }

  @Test func aGoodFileIsReadIntoThePlaybook() throws {
    let loaded = load(
      """
      module: assignments
      language: en
      title: December
      assignments:
        - id: price-exam
          kind: objection
          category: price
          mode: exam
          pass: 80
          due: 2026-12-11
          reps: [Ann, " Bob "]
          note: Passing it certifies you.
        - id: open
          kind: questions
          category: write
          due: 2026-12-18
      """)
    #expect(loaded.problems.isEmpty)
    let book = try #require(loaded.playbook)
    #expect(
      book.assignments == [
        DrillAssignment(
          id: "price-exam", kind: .objection, category: "price", mode: .exam, passMark: 80, due: CalendarDay("2026-12-11")!, reps: ["Ann", "Bob"], note: "Passing it certifies you."
        ),
        DrillAssignment(id: "open", kind: .questions, category: "write", due: CalendarDay("2026-12-18")!),
      ])
    #expect(PlaybookLoader.load(directories: [RepositoryPaths.playbooks], lang: .zh).playbook?.assignments == [], "the module is optional")
  }

  @Test func everyMistakeIsReportedAtItsLine() {
    let loaded = load(
      """
      module: assignments
      language: zh
      assignments:
        - id: a1
          kind: objection
          category: cheap
          due: 2026-12-11
        - id: a2
          kind: objection
          scenario: price-budget
          due: 11/12/2026
        - id: a3
          kind: negotiation
          category: price
          pass: 120
        - id: a1
          kind: objections
          due: 2026-12-01
          when: soon
      """, lang: .zh)
    let lines = loaded.problems.map { $0.description(in: .zh).split(separator: "/").last.map(String.init) ?? "" }
    #expect(lines.contains("assignments.yaml:6:15: `cheap` 不是 objection 练习的类别；可选值：price、time、risk、decision"))
    #expect(lines.contains("assignments.yaml:10:15: 没有 id 为 `price-budget` 的 objection 练习；你是不是想写 `price-budget-fixed`？"))
    #expect(loaded.problems.contains { $0.description(in: .zh).hasSuffix("assignments.yaml:11:10: `due` 应为 YYYY-MM-DD 格式的日期，实际是 `11/12/2026`") })
    let en = loaded.problems.map(\.description)
    #expect(en.contains { $0.hasSuffix("assignments.yaml:14:15: negotiation drills have no categories; name a `scenario` or leave `category` out") })
    #expect(en.contains { $0.contains("assignments.yaml:15:11: `pass` should be a whole number from 0 to 100") })
    #expect(en.contains { $0.contains("assignments.yaml:12:5") && $0.contains("due") }, "a missing due day")
    #expect(en.contains { $0.contains(":17:11: `objections` is not a valid `kind` for an assignment") })
    #expect(en.contains { $0.contains(":19:5: unknown field `when` in an assignment") })
    #expect(en.contains { $0.contains("`a1`") }, "ids are unique")
  }
}

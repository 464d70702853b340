import Testing

@testable import CoachCore

/// Quiz options are shuffled per presentation from the item's id and the day, so a rep cannot
/// learn an answer's position; the same day shows the same order.
@Suite struct QuizOptionOrderTests {
  let day = CalendarDay(year: 2026, month: 11, day: 23)!

  func item(_ id: String, kind: QuizItem.Kind = .choice) -> QuizItem {
    QuizItem(
      id: id, lesson: "trust", kind: kind, question: "Which?",
      options: ["a", "b", "c", "d"].map { ChoiceOption(id: $0, label: "Option \($0.uppercased())") }, answer: "b")
  }

  @Test func sameItemAndDayGiveTheSameOrder() {
    let once = QuizOptionOrder.options(item("x"), on: day).map(\.id)
    #expect(QuizOptionOrder.options(item("x"), on: day).map(\.id) == once)
    #expect(Set(once) == ["a", "b", "c", "d"])
  }

  @Test func theAnswerMovesAcrossDaysAndItems() {
    var positions = Set<Int>()
    for d in 0..<30 {
      let shown = QuizOptionOrder.options(item("x"), on: day.adding(days: d))
      positions.insert(shown.firstIndex { $0.id == "b" }!)
    }
    #expect(positions.count == 4, "over 30 days the answer of one item took positions \(positions.sorted())")
    let firstPositions = (0..<40).map { i in QuizOptionOrder.options(item("item-\(i)"), on: day).firstIndex { $0.id == "b" }! }
    #expect(Set(firstPositions).count == 4)
    // No position gets more than half of 40 items on one day.
    for p in 0..<4 { #expect(firstPositions.filter { $0 == p }.count <= 20) }
  }

  @Test func classifyItemsKeepTheirOrder() {
    #expect(QuizOptionOrder.options(item("x", kind: .classify), on: day).map(\.id) == ["a", "b", "c", "d"])
  }

  @Test func aShuffledItemIsAnsweredByTheShownNumberOrLabelNotByItsHiddenID() {
    let it = item("x")
    let shown = QuizOptionOrder.options(it, on: day)
    for n in 1...4 { #expect(QuizOptionOrder.parse("\(n)", it, shown: shown) == shown[n - 1]) }
    #expect(QuizOptionOrder.parse("Option C", it, shown: shown)?.id == "c")
    #expect(QuizOptionOrder.parse("b", it, shown: shown) == nil)
    let classify = item("y", kind: .classify)
    #expect(QuizOptionOrder.parse("b", classify, shown: classify.options)?.id == "b")
  }
}

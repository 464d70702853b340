import Testing

@testable import CoachCore

/// The nearest playbook example as evidence for a category or a question type: how lines are
/// compared, the sentence shown in both languages, and the located error for an example listed twice.
@Suite struct ExampleEvidenceTests {
  @Test func nearestExamplesAreFoundByStemsAndPairsAndAreDeterministic() {
    let index = ExampleIndex([
      (label: "price", text: "Your price is a lot higher than what we budgeted."),
      (label: "time", text: "We are in the middle of the busy season, come back in autumn."),
      (label: "risk", text: "What if the migration fails and the lines stop?"),
    ])
    let near = index.nearest("The prices are higher than our budget allows.", k: 3)
    #expect(near.first?.label == "price")
    #expect(ExampleIndex.sharedWords("The prices are higher than our budget allows.", near.first?.text ?? "") == ["prices", "higher", "budget"])
    #expect(near == index.nearest("The prices are higher than our budget allows.", k: 3))
    #expect(
      index.nearest("The prices are higher than our budget allows.", k: 3, leavingOut: ["Your price is a lot higher than what we budgeted."]).allSatisfy { $0.label != "price" })
    #expect(index.nearest("", k: 3).isEmpty)
    #expect(abs(ExampleIndex.ln(10) - 2.302_585_092_994_046) < 1e-12)
  }

  @Test func chineseLinesShareRunsOfCharacters() {
    #expect(ExampleIndex.sharedWords("你们的报价比别家高了百分之三十，预算不够", "报价太高了，预算不够") == ["报价", "预算"])
    let index = ExampleIndex([(label: "price", text: "报价太高了，预算不够。"), (label: "time", text: "年底之前我们腾不出人手。")])
    #expect(index.nearest("预算不够，报价能不能再低一点？", k: 2).first?.label == "price")
  }

  @Test func theSuggestionSaysWhichExampleIsClosestInBothLanguages() {
    let en = Fixtures.playbook(.en)
    let zh = Fixtures.playbook(.zh)
    let s = CategorySuggester(book: en).suggest("Your price is a lot higher than what we had budgeted for this year.")
    #expect(s.category == .price)
    let first = try? #require(s.reasons.first)
    #expect(first?.hasPrefix("Closest to the playbook's example “") == true)
    #expect(first?.contains("(shared: price, higher, budgeted") == true, "\(first ?? "")")
    let shown = CategorySuggester.explain(s, in: zh)
    #expect(shown.reasons.first?.hasPrefix("最接近教材里的例句“") == true)
    #expect(shown.reasons.first?.contains("（共同的词：“price”") == true)
    #expect(shown.reasons.count == s.reasons.count)

    let z = CategorySuggester(book: zh).suggest("你们的报价太高了，超出了我们今年的预算。")
    #expect(z.category == .price)
    #expect(z.reasons.first?.hasPrefix("最接近教材里的例句“") == true)
    #expect(CategorySuggester.explain(z, in: en).reasons.first?.hasPrefix("Closest to the playbook's example “") == true)
  }

  @Test func aQuestionShowsItsNearestExampleOfTheSameType() {
    let en = Fixtures.playbook(.en)
    let r = QuestionClassifier(book: en).classify("Why has this project moved up the agenda this year?")
    #expect(r.type == .open)
    #expect(r.nearest?.text == "Why has this project moved up the agenda now?")
    #expect(r.reasons.first == "Closest to the playbook's example “Why has this project moved up the agenda now?” (shared: project, moved, agenda).")
    // A closed question gets no type and so no example.
    let closed = QuestionClassifier(book: en).classify("Is the price OK?")
    #expect(closed.type == nil && closed.nearest == nil)
  }

  @Test func anExampleListedUnderTwoLabelsIsALocatedError() throws {
    let yaml = """
      module: objections
      language: en
      categories:
        - id: price
          wordings: [It's too expensive for us.]
          compareWith:
            - We can't wait until next year.
        - id: time
          compareWith:
            - "It's too expensive for us."
      """
    let node = try YAML.parse(yaml, file: "en/objections.yaml")
    let problems = ProblemList()
    ExampleChecks.check(merged: ["objections": node], problems: problems)
    #expect(problems.items.count == 1)
    let p = try #require(problems.items.first)
    #expect(p.location.line == 10)
    #expect(p.text.en.contains("also listed under `price` (en/objections.yaml:5)"))
    #expect(p.text.zh.contains("也列在 `price` 下（en/objections.yaml:5）"))
  }

  @Test func thePlaybooksCarryEnoughExamplesAndNoneTwice() {
    for lang in Lang.allCases {
      let book = Fixtures.playbook(lang)
      for c in book.categories { #expect(c.wordings.count + c.compareWith.count >= 30, "\(lang) \(c.id)") }
      for t in book.questionTypes { #expect(t.examples.count + t.compareWith.count >= 30, "\(lang) \(t.id)") }
    }
  }

  /// Comparing a line with every example of a playbook finishes: a hang guard, not a timing test
  /// (a 5 ms bound failed on a loaded machine; speed is `make bench`'s job). Anything super-linear
  /// in the number of examples would take seconds per line here.
  @Test func comparingWithEveryExampleFinishes() {
    let book = Fixtures.playbook(.en)
    let s = CategorySuggester(book: book)
    let q = QuestionClassifier(book: book)
    let lines = SimilarityTuningTests.tuningRows("objections-en.jsonl").compactMap { $0["text"]?.string }
    let clock = ContinuousClock()
    let took = clock.measure { for line in lines { _ = s.index.nearest(line, k: 7) } }
    let whole = clock.measure { for line in lines { _ = s.suggest(line) } }
    let questions = clock.measure { for line in lines { _ = q.classify(line) } }
    let per = took / lines.count
    print("nearest examples: \(per) per line over \(s.index.examples.count) examples; whole suggestion \(whole / lines.count); question \(questions / lines.count)")
    #expect(per < .seconds(1))
  }
}

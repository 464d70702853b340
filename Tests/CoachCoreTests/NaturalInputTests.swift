import Testing

@testable import CoachCore

/// Names and answers as reps naturally type them: a curly or full-width apostrophe, part of a
/// name where a command or the relationship walk needs a person, Chinese numerals and full-width
/// digits on a 1–5 scale and in amounts, an adjective for an attitude.
@Suite struct NaturalInputTests {
  static func plan() -> AccountPlan {
    var plan = AccountPlan(id: "acme", name: "Acme", createdAt: Timestamp(secondsSinceEpoch: 0))
    for (i, name) in ["Sean O'Brien", "Mary Jones", "Sean Park", "王丽", "Tom Li"].enumerated() {
      var s = Stakeholder(name: name)
      s.id = "s\(i + 1)"
      plan.stakeholders.append(s)
    }
    return plan
  }

  @Test func apostrophesAndFullWidthLettersMatchTheSameName() {
    let match = StakeholderNameMatch(Self.plan())
    #expect(match.read("O’Brien") == .person(0))
    #expect(match.read("o'brien") == .person(0))
    #expect(match.read("Sean O‘Brien") == .person(0))
    #expect(match.read("Ｏ＇Ｂｒｉｅｎ") == .person(0))
    #expect(Self.plan().stakeholderIndex(named: "sean o’brien") == 0)
    #expect(match.completions("o’b") == ["Sean O'Brien"])
  }

  @Test func theRelationshipWalkTakesAUniquePartOfAName() {
    let plan = Self.plan()
    let en = RelationshipInput(plan: plan, index: 4, labels: Labels(Fixtures.playbook(.en), L10n(.en)))
    #expect(en.resolve("reportsTo", .text("Mary")) == .success(.text("s2")))
    #expect(en.resolve("reportsTo", .text("O’Brien")) == .success(.text("s1")))
    guard case .failure(let e) = en.resolve("reportsTo", .text("Sean")) else {
      Issue.record("Sean is two people")
      return
    }
    #expect(e.message.contains("Sean O'Brien or Sean Park"))
    #expect(!e.message.contains("quotes"))
    let zh = RelationshipInput(plan: plan, index: 4, labels: Labels(Fixtures.playbook(.zh), L10n(.zh)))
    #expect(zh.resolve("reportsTo", .text("王总")) == .success(.text("s4")))
    #expect(zh.resolve("influences", .list(["王丽总", "mary"])) == .success(.list(["s4", "s2"])))
  }

  @Test(arguments: [("五", 5), ("４", 4), ("三", 3), ("1", 1), ("一", 1)])
  func aScaleTakesChineseNumeralsAndFullWidthDigits(_ typed: String, _ n: Int) {
    #expect(AnswerParsing.scale(typed) == n)
  }

  @Test(arguments: ["六", "零", "a", "十"])
  func aScaleRefusesWhatIsNotOneToFive(_ typed: String) {
    #expect(AnswerParsing.scale(typed) == nil)
  }

  @Test(
    arguments: [
      ("三十五万元", 350_000.0, "CNY"), ("一百二十万", 1_200_000, nil), ("约两千万", 20_000_000, nil), ("十万", 100_000, nil),
      ("一亿二千万", 120_000_000, nil), ("人民币一百零五万", 1_050_000, "CNY"), ("35万", 350_000, nil),
    ] as [(String, Double, String?)])
  func amountsInChineseNumerals(_ typed: String, _ value: Double, _ currency: String?) {
    let a = AmountParserTests.one(typed)
    #expect(a?.value == value, "\(typed)")
    #expect(a?.currency == currency, "\(typed)")
  }

  @Test(arguments: [
    ("skeptical", "skeptic"), ("Sceptical", "skeptic"), ("hostile", "blocker"), ("supportive", "supporter"), ("undecided", "neutral"), ("反对", "blocker"), ("怀疑", "skeptic"),
    ("支持", "supporter"), ("五", "blocker"),
  ])
  func attitudesInTheirNaturalForms(_ typed: String, _ id: String) {
    let options = ["champion", "supporter", "neutral", "skeptic", "blocker"].map { ChoiceOption(id: $0, label: $0.capitalized) }
    #expect(AnswerParsing.choice(typed, options: options)?.id == id)
    // A synonym counts only where the prompt offers its option.
    #expect(AnswerParsing.choice("skeptical", options: [ChoiceOption(id: "yes", label: "Yes")]) == nil)
  }
}

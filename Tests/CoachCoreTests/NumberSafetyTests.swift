import CoachTestSupport
import Testing

@testable import CoachCore

/// Issue 11: every figure is finite and in NumberRange; every rendering path is total; unknown
/// keys' numbers are written back as they were read.
@Suite struct NumberSafetyTests {
  @Test func theRangeIsFiniteAndDocumented() {
    #expect(NumberRange.contains(1e15) && NumberRange.contains(-1e15) && NumberRange.contains(0))
    #expect(!NumberRange.contains(1e15 + 1) && !NumberRange.contains(.infinity) && !NumberRange.contains(.nan))
    #expect(NumberRange.isOverlongNumeral("1" + String(repeating: "0", count: 308)))
    #expect(NumberRange.isOverlongNumeral("-1,000,000,000,000,000,000"))
    #expect(!NumberRange.isOverlongNumeral("120000") && !NumberRange.isOverlongNumeral("12 months"))
    #expect(NumberRange.problem("x").zh.contains("10^15"))
  }

  @Test(arguments: [1e19, 1e300, -1e300, 1e15 + 2, 12345678901234567890.0])
  func aStoredFigureOutOfRangeIsAFormatErrorWithItsPath(_ n: Double) throws {
    let discovery = JSONValue.object(["initial-contact": ["answers": ["x": .number(n)]]])
    let plan: JSONValue = ["schemaVersion": 1, "id": "a", "name": "A", "discovery": discovery]
    #expect(throws: PlanFormatError.self) { try AccountPlan(json: plan) }
    let batna: JSONValue = ["schemaVersion": 1, "id": "a", "name": "A", "negotiation": ["batna": ["theirs": ["value": .number(n)]]]]
    do {
      _ = try AccountPlan(json: batna)
      Issue.record("accepted \(n)")
    } catch {
      #expect(error.path == "negotiation.batna.theirs.value")
    }
    let term: JSONValue = ["schemaVersion": 1, "id": "a", "name": "A", "negotiation": ["objectives": [["term": "price", "best": .number(n)]]]]
    #expect(throws: PlanFormatError.self) { try AccountPlan(json: term) }
  }

  @Test(arguments: [0, -1])
  func aSchemaVersionBelowOneIsRefused(_ v: Int) {
    #expect(throws: PlanFormatError.self) { try AccountPlan(json: ["schemaVersion": .number(Double(v)), "id": "a", "name": "A"]) }
  }

  @Test func answerValuesAreTotal() {
    for n in [1e19, 1e300, -1e300, 9.3e18, -9.3e18, 0.5, 3] {
      _ = AnswerValue(json: .number(n))
      _ = AnswerValue(json: .numberText(String(n)))
    }
    #expect(AnswerValue(json: .number(3)) == .scale(3))
    #expect(AnswerValue(json: .number(1e19)) == nil)
  }

  @Test func renderingIsTotalForAnyNumber() {
    let extremes: [Double] = [
      0, 1, -1, 1e15, -1e15, 1e19, 1e300, -1e300, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
      .infinity, -.infinity, .nan, 5e-324,
    ]
    for n in extremes {
      _ = Blocks.number(n)
      for m in extremes { _ = Blocks.bar(n, of: m, width: 12) }
    }
    #expect(Blocks.bar(.nan, of: 10, width: 4) == "░░░░")
    #expect(PlanHealth.percent(.nan) == 0 && PlanHealth.percent(1e300) == 100)
  }

  @Test func zopaAndLadderAreTotalForExtremeFigures() {
    let labels = Labels(Fixtures.playbook(.en), L10n(.en))
    let big: [Double] = [1e308, -1e308, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e15, -1e15, 0]
    for w in big {
      for e in big {
        var plan = PictureTests.negotiationPlan(theirLimit: -w)
        plan.negotiation.objectives[0].walkAway = .number(w)
        plan.negotiation.objectives[0].expected = .number(e)
        plan.negotiation.objectives[0].best = .number(-e)
        plan.negotiation.concessions[0].costToUs = w
        plan.negotiation.concessions[1].valueToThem = e
        _ = ZOPAPicture(plan: plan, labels: labels).render()
        _ = ConcessionLadderPicture(negotiation: plan.negotiation, labels: labels).render()
      }
    }
  }

  @Test func unknownNumbersAreWrittenBackDigitForDigit() throws {
    let text = #"{"a":[9007199254740993,12345678901234567890,1.50,1e3,-0.0,3.141592653589793238,7,0.1,-2.5]}"#
    let value = try JSONParser.parse(text)
    #expect(JSONWriter.compact(value) == text)
    #expect(value["a"]?.array?[0].number == 9_007_199_254_740_992)
  }

  @Test func planIDsAreNFC() throws {
    let nfd = "Cafe\u{301}"
    let nfc = "Caf\u{E9}"
    #expect(try PlanID.make(from: nfd).utf8.elementsEqual("caf\u{E9}".utf8))
    #expect(try PlanID.make(from: nfd) == PlanID.make(from: nfc))
    #expect(!PlanID.isValid("cafe\u{301}"))
    #expect(PlanID.isValid("caf\u{E9}"))
    #expect(nfd.nfc.utf8.elementsEqual(nfc.utf8))
  }
}

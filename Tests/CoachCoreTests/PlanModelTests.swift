import Testing

@testable import CoachCore

@Suite struct PlanModelTests {
  let t0 = Timestamp(iso8601: "2026-11-23T09:00:00Z")!

  func fullPlan() -> AccountPlan {
    var p = AccountPlan(id: "acme", name: "Acme", createdAt: t0)
    p.account.tier = .a
    p.account.industry = .manufacturing
    p.account.portrait.answers[.painPoints] = "交付慢"
    p.account.answeredAt["tier"] = t0.description
    p.valueAssessment.setScore(.current, "annualPurchases", 4, at: t0.description)
    var s = Stakeholder(name: "王总")
    s.role = .final
    s.influence = 5
    s.attitude = .supporter
    p.stakeholders = [s]
    p.discovery[.initialContact].answers["company-basics"] = .text("3 plants")
    p.discovery[.initialContact].answers["decision-makers"] = .list(["CFO", "CTO"])
    p.discovery[.needsConfirmation].answers["budget"] = .amount(1_200_000, currency: "CNY")
    p.questionPlan = [PlannedQuestion(type: .open, text: "What matters most?", createdAt: t0.description)]
    var o = Objection(statement: "Too expensive", category: .price, createdAt: t0.description)
    o.lscpa[.listen] = "Tell me more."
    o.strategies = ["roi-payback"]
    p.objections = [o]
    var goal = Objective(term: .price)
    goal.best = .number(1_200_000)
    goal.expected = .number(1_000_000)
    goal.walkAway = .number(900_000)
    goal.better = .higher
    goal.flexibility = .core
    p.negotiation.objectives = [goal]
    p.negotiation.batna.theirs.value = 1_100_000
    var c = Concession(order: 1)
    c.give = "60-day terms"
    c.get = "2-year contract"
    c.costToUs = 20_000
    p.negotiation.concessions = [c]
    p.negotiation.team = [TeamMember(name: "Li", role: .lead)]
    p.actions = [Action(text: "Send ROI model", owner: "me", due: "2026-11-30", createdAt: t0.description)]
    p.assignItemIDs()
    return p
  }

  @Test func roundTripsEverySection() throws {
    let p = fullPlan()
    let back = try AccountPlan.parse(p.fileText)
    #expect(back == p)
    #expect(back.fileText == p.fileText)
  }

  @Test func keepsUnknownKeysAtEveryLevel() throws {
    var json = try JSONParser.parse(fullPlan().fileText)
    guard case .object(var top) = json else { return }
    top["futureTopLevel"] = ["x": 1]
    if case .array(var people) = top["stakeholders"]!, case .object(var first) = people[0] {
      first["linkedin"] = "https://example.invalid/wang"
      people[0] = .object(first)
      top["stakeholders"] = .array(people)
    }
    if case .object(var account) = top["account"]! {
      account["region"] = "East"
      top["account"] = .object(account)
    }
    json = .object(top)
    var plan = try AccountPlan(json: json)
    plan.stakeholders[0].influence = 3
    plan.account.tier = .b
    let saved = try JSONParser.parse(plan.fileText)
    #expect(saved["futureTopLevel"] == ["x": 1])
    #expect(saved["account"]?["region"] == "East")
    #expect(saved["stakeholders"]?.array?.first?["linkedin"] == "https://example.invalid/wang")
    #expect(saved["stakeholders"]?.array?.first?["influence"] == 3)
  }

  @Test func reportsFormatErrorsWithTheirPath() {
    let bad = #"{"schemaVersion": 1, "id": "x", "stakeholders": [{"name": "A"}, {"name": "B", "influence": 9}]}"#
    do {
      _ = try AccountPlan.parse(bad)
      Issue.record("accepted")
    } catch {
      #expect(error == .format(PlanFormatError(path: "stakeholders[1].influence", "expected a whole number from 1 to 5, found 9", "应为 1 到 5 之间的整数，实际是 9")))
    }
    let wrongEnum = #"{"schemaVersion": 1, "id": "x", "account": {"tier": "D"}}"#
    do {
      _ = try AccountPlan.parse(wrongEnum)
      Issue.record("accepted")
    } catch {
      guard case .format(let f) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(f.path == "account.tier")
      #expect(f.message.contains("A, B, C"))
    }
  }

  @Test func syntaxErrorsCarryLineAndColumn() {
    do {
      _ = try AccountPlan.parse("{\n\"schemaVersion\": 1,\n\"id\": \"x\",,\n}")
      Issue.record("accepted")
    } catch {
      guard case .syntax(let e) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(e.line == 3)
      #expect(e.column == 11)
    }
  }

  @Test func newerSchemaVersionIsReadButMarked() throws {
    let newer = #"{"schemaVersion": 3, "id": "x", "name": "X", "hologram": {"a": 1}}"#
    let plan = try AccountPlan.parse(newer)
    #expect(plan.isFromNewerVersion)
    #expect(plan.extra["hologram"] == ["a": 1])
    let unreadable = #"{"schemaVersion": 4, "id": "x", "stakeholders": "everyone"}"#
    #expect(throws: PlanReadError.newerVersion(4)) { try AccountPlan.parse(unreadable) }
  }

  @Test func valueTotalsAreDerived() {
    var v = ValueAssessment()
    v.setScore(.current, "annualPurchases", 5, at: "t")
    v.setScore(.current, "profitContribution", 3, at: "t")
    v.setScore(.strategic, "marketChannel", 2, at: "t")
    #expect(v.subtotal(.current) == 8)
    #expect(v.total == 10)
    #expect(v.scoredCount == 3)
    #expect(!JSONWriter.compact(v.json).contains("total"))
  }

  @Test func codableThroughAnyCoder() throws {
    // The model is Codable: round-trip through JSONValue's own Codable bridge.
    let p = fullPlan()
    let value = p.json
    #expect(try AccountPlan(json: value) == p)
  }
}

@Suite struct PlanIDTests {
  @Test(arguments: [
    ("Acme Corp", "acme-corp"), ("华东电力集团", "华东电力集团"), ("  Müller & Söhne GmbH ", "müller-söhne-gmbh"),
    ("../../etc/passwd", "etc-passwd"), ("/absolute/path", "absolute-path"), (".hidden", "hidden"), ("a..b", "a-b"),
    ("tab\there", "tab-here"), ("esc\u{1B}[31mred", "esc-31mred"), ("rtl\u{202E}txt", "rtl-txt"), ("C:\\Windows", "c-windows"),
    ("三星 Samsung (中国)", "三星-samsung-中国"), ("x/y", "x-y"),
  ])
  func slugsAreSafe(name: String, id: String) throws {
    #expect(try PlanID.make(from: name) == id)
    #expect(PlanID.isValid(id))
  }

  @Test func rejectsNamesWithoutLettersOrDigits() {
    #expect(throws: PlanID.Problem.noLettersOrDigits) { try PlanID.make(from: "../..") }
    #expect(throws: PlanID.Problem.empty) { try PlanID.make(from: "   ") }
  }

  @Test func neverProducesUnsafeIDs() {
    var rng = SplitMix(seed: 3)
    let alphabet: [Character] = ["a", "Z", "9", ".", "/", "\\", " ", "-", "\u{0}", "\u{1B}", "\n", "中", "é", "\u{202E}", "~", "$"]
    for _ in 0..<2000 {
      let name = String((0..<Int(rng.next() % 12 + 1)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
      guard let id = try? PlanID.make(from: name) else { continue }
      #expect(!id.contains("/") && !id.contains("..") && !id.hasPrefix(".") && !id.hasPrefix("-"))
      #expect(!id.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
      #expect(id.utf8.count <= PlanID.maxBytes)
    }
    let long = String(repeating: "长", count: 300)
    #expect((try? PlanID.make(from: long))?.utf8.count ?? 0 <= PlanID.maxBytes)
  }

  @Test func validityCheckRejectsTraversal() {
    for bad in ["../x", "..", ".", "", "a/b", ".hidden", "-x", "x-", "UPPER"] { #expect(!PlanID.isValid(bad), "\(bad)") }
  }
}

@Suite struct TimeTests {
  @Test func calendarArithmetic() {
    let d = CalendarDay("2024-02-28")!
    #expect(d.adding(days: 1).description == "2024-02-29")
    #expect(d.adding(days: 2).description == "2024-03-01")
    #expect(CalendarDay("2023-02-29") == nil)
    #expect(CalendarDay("2026-13-01") == nil)
    #expect(CalendarDay("1970-01-01")!.daysSinceEpoch == 0)
    #expect(CalendarDay("26-1-1") == nil)
  }

  @Test func timestampsRoundTrip() {
    let t = Timestamp(iso8601: "2026-11-23T09:05:07Z")!
    #expect(t.description == "2026-11-23T09:05:07Z")
    #expect(Timestamp(iso8601: "2026-11-23T17:05:07+08:00") == t)
    #expect(Timestamp(iso8601: "2026-11-23T09:05:07.123Z")?.description == "2026-11-23T09:05:07Z")
    #expect(Timestamp(iso8601: "yesterday") == nil)
  }
}

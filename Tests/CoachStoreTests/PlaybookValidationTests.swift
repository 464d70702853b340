import CoachCore
import CoachTestSupport
import Testing

@testable import CoachStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The playbook validator: the shipped playbooks, broken trainer files (each problem reported at
/// its exact file, line and column), a trainer folder extending the built-in content, and
/// hostile files.
@Suite struct PlaybookValidationTests {
  let builtIn = RepositoryPaths.playbooks

  func problems(_ trainer: TempWorkspace? = nil, langs: [Lang] = Lang.allCases) -> [String] {
    let dirs = [builtIn] + (trainer.map { [$0.root] } ?? [])
    var merged: [Lang: [String: YAMLNode]] = [:]
    var out: [PlaybookProblem] = []
    for lang in langs {
      let loaded = PlaybookLoader.load(directories: dirs, lang: lang)
      out += loaded.problems
      merged[lang] = PlaybookAssembler.merge(loaded.files)
    }
    if langs.count == 2 { out += PlaybookAssembler.parity((.en, merged[.en]!), (.zh, merged[.zh]!)) }
    let root = trainer.map { $0.root + "/" } ?? ""
    return out.map { $0.description.replacingAll(root, with: "") }
  }

  static func timed<T>(_ body: () -> T) -> (Double, T) {
    var t0 = timespec()
    var t1 = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t0)
    let value = body()
    clock_gettime(CLOCK_MONOTONIC, &t1)
    return (Double(t1.tv_sec - t0.tv_sec) + Double(t1.tv_nsec - t0.tv_nsec) / 1e9, value)
  }

  @Test func shippedPlaybooksHaveNoProblems() {
    #expect(problems() == [])
  }

  /// A trainer file with one mistake per case, and the exact problem expected.
  @Test(arguments: [
    (
      "typo in a field name",
      "module: discovery\nlanguage: en\nwalks:\n  - id: initial-contact\n    prompts:\n      - id: erp\n        kind: text\n        fils: discovery.initial-contact.erp\n        text: Which ERP?\n",
      "en/discovery.yaml:8:9: unknown field `fils` in a prompt; did you mean `fills`?"
    ),
    (
      "a prompt that fills no plan field",
      "module: account\nlanguage: en\nwalks:\n  - id: profile\n    prompts:\n      - id: budget-owner\n        kind: text\n        fills: account.budgetOwner\n        text: Who owns the budget?\n",
      "en/account.yaml:8:16: `account.budgetOwner` is not a field of the account plan, so this prompt fills nothing"
    ),
    (
      "a plan field the walk would drop (a stakeholder's notes in the profile walk)",
      "module: account\nlanguage: en\nwalks:\n  - id: profile\n    prompts:\n      - id: notes\n        kind: text\n        fills: stakeholder.notes\n        text: Any notes?\n",
      "en/account.yaml:8:16: the `profile` walk cannot fill `stakeholder.notes`, so the answer would be dropped; its prompts fill account.…"
    ),
    (
      "a field of another item in a negotiation part",
      "module: negotiation\nlanguage: en\nparts:\n  - id: team\n    prompts:\n      - id: note\n        kind: text\n        fills: objective.note\n        text: Note?\n",
      "en/negotiation.yaml:8:16: the negotiation part `team` cannot fill `objective.note`, so the answer would be dropped; its prompts fill team.…"
    ),
    (
      "choice options that are not the plan's ids",
      "module: account\nlanguage: en\nwalks:\n  - id: profile\n    prompts:\n      - id: tier\n        options:\n          - id: D\n            label: D - dormant\n",
      "en/account.yaml:8:17: the options of `account.tier` must be exactly: A, B, C; unknown: D"
    ),
    (
      "a quiz answer that is not an option",
      "module: quiz\nlanguage: en\nitems:\n  - id: my-item\n    lesson: trust\n    kind: choice\n    question: Which comes first?\n    options:\n      - id: a\n        label: Keep promises\n      - id: b\n        label: Show expertise\n    answer: c\n",
      "en/quiz.yaml:13:13: the answer `c` of quiz item `my-item` is not one of its option ids (a, b)"
    ),
    (
      "a missing required field in a new item (an empty field in a trainer file keeps the built-in value)",
      "module: quiz\nlanguage: en\nitems:\n  - id: my-item\n    lesson: trust\n    kind: choice\n    question: Which comes first?\n    options:\n      - id: a\n        label: Keep promises\n      - id: b\n        label: Show expertise\n",
      "en/quiz.yaml:4:5: a quiz item needs `answer`"
    ),
    (
      "a new quiz item without a source",
      "module: quiz\nlanguage: en\nitems:\n  - id: my-item\n    lesson: trust\n    kind: choice\n    question: Which comes first?\n    options:\n      - id: a\n        label: Keep promises\n      - id: b\n        label: Show expertise\n    answer: b\n",
      "en/quiz.yaml:4:5: a quiz item needs `source` (where it comes from: course part and slide heading, article section, or `ours`)"
    ),
    (
      "a new prompt with a hint but no source",
      "module: discovery\nlanguage: en\nwalks:\n  - id: initial-contact\n    prompts:\n      - id: erp\n        kind: text\n        fills: discovery.initial-contact.erp\n        text: Which ERP?\n        hint: Integration comes first.\n",
      "en/discovery.yaml:6:9: a prompt needs `source`"
    ),
    (
      "a source that names no place in the course",
      "module: checks\nlanguage: en\nfindings:\n  - id: no-champion\n    source: course part 9 · 关键决策者分析\n",
      "en/checks.yaml:5:13: `source` should say where the item comes from: `course part N · slide heading` (N is 1–7"
    ),
    (
      "tabs for indentation",
      "module: objections\nlanguage: en\ncategories:\n\t- id: price\n",
      "en/objections.yaml:4:1: tabs are not allowed for indentation"
    ),
    (
      "an alias",
      "module: objections\nlanguage: en\ncategories:\n  - id: price\n    wordings: *many\n",
      "en/objections.yaml:5:15: found an alias ('*'): anchors and aliases are not supported in playbooks"
    ),
    (
      "the wrong module name",
      "module: objection\nlanguage: en\n",
      "en/objections.yaml:1:9: this file is objections.yaml but says `module: objection`; the two must match"
    ),
    (
      "a quiz item naming a lesson that does not exist",
      "module: quiz\nlanguage: en\nitems:\n  - id: ka-revenue-share\n    lesson: key-acounts\n",
      "en/quiz.yaml:5:13: quiz item names lesson `key-acounts`, which lessons.yaml does not have; did you mean `key-accounts`?"
    ),
  ])
  func brokenFilesAreReportedAtTheirLine(what: String, text: String, expected: String) throws {
    let trainer = TempWorkspace("coach-trainer")
    let module = expected.split(separator: ":")[0].split(separator: "/")[1]
    trainer.write("en/\(module)", text)
    let found = problems(trainer, langs: [.en])
    #expect(found.contains { $0.hasPrefix(expected) }, "\(what): expected «\(expected)» in \(found)")
  }

  @Test func anIDInOneLanguageOnlyIsReported() {
    let trainer = TempWorkspace("coach-trainer")
    trainer.write("en/objections.yaml", "module: objections\nlanguage: en\ncategories:\n  - id: price\n    strategies:\n      - id: volume-bundle\n        name: Volume bundle\n")
    let found = problems(trainer)
    #expect(
      found.contains { $0.hasPrefix("en/objections.yaml:6:13: id `categories › price › strategies › volume-bundle` is in the en playbook but not in the zh one") }, "\(found)")
  }

  @Test func anUnknownModuleFileIsReported() {
    let trainer = TempWorkspace("coach-trainer")
    trainer.write("en/objection.yaml", "module: objections\nlanguage: en\n")
    #expect(
      problems(trainer, langs: [.en]).contains { $0.hasPrefix("en/objection.yaml:1:1: `objection.yaml` is not a playbook module") && $0.contains("did you mean objections.yaml?") })
  }

  @Test func aTrainerFolderExtendsAndOverridesByID() throws {
    let trainer = TempWorkspace("coach-trainer")
    trainer.write(
      "en/objections.yaml",
      """
      module: objections
      language: en
      categories:
        - id: price
          wordings:
            - Our procurement portal caps line items at 50,000.
          strategies:
            - id: instalments
              example: We can split it over the four quarters of your budget year.
      """)
    trainer.write(
      "en/discovery.yaml",
      """
      module: discovery
      language: en
      walks:
        - id: initial-contact
          prompts:
            - id: erp-system
              kind: text
              fills: discovery.initial-contact.erp-system
              label: ERP system
              text: Which ERP system do they run, and who owns it?
      """)
    let loaded = PlaybookLoader.load(directories: [builtIn, trainer.root], lang: .en)
    #expect(loaded.problems == [])
    let book = try #require(loaded.playbook)
    let builtInBook = try #require(PlaybookLoader.load(directories: [builtIn], lang: .en).playbook)
    let price = try #require(book.category(.price))
    #expect(price.wordings.last == "Our procurement portal caps line items at 50,000.")
    #expect(price.wordings.count == builtInBook.category(.price)!.wordings.count + 1)
    let instalments = try #require(price.strategies.first { $0.id == "instalments" })
    #expect(instalments.example == "We can split it over the four quarters of your budget year.")
    #expect(instalments.name == builtInBook.category(.price)!.strategies.first { $0.id == "instalments" }!.name)
    let walk = try #require(book.walks["initial-contact"])
    #expect(walk.prompts.last?.id == "erp-system")
    #expect(walk.prompts.count == builtInBook.walks["initial-contact"]!.prompts.count + 1)
    #expect(book.sources.contains(trainer.root + "/en/objections.yaml"))
  }

  /// A trainer adds an industry (logistics) as a choice and gives a discovery prompt its own
  /// hint and examples; a plan in that industry gets them on `?`, others get the general ones.
  @Test func aTrainerAddsAnIndustryWithItsOwnExamples() throws {
    let trainer = TempWorkspace("coach-trainer")
    for (lang, label, hint, example) in [
      ("en", "Logistics", "Ask about peak-season volumes first.", "How do volumes swing across the year?"),
      ("zh", "物流", "先问旺季的业务量。", "一年里业务量的波动有多大？"),
    ] {
      trainer.write(
        "\(lang)/account.yaml",
        """
        module: account
        language: \(lang)
        walks:
          - id: profile
            prompts:
              - id: industry
                options:
                  - id: logistics
                    label: \(label)
        """)
      trainer.write(
        "\(lang)/discovery.yaml",
        """
        module: discovery
        language: \(lang)
        walks:
          - id: in-depth-interview
            prompts:
              - id: pain-points
                industries:
                  - id: logistics
                    hint: \(hint)
                    source: ours
                    examples:
                      open: ["\(example)"]
        """)
    }
    #expect(problems(trainer) == [])
    let book = try #require(PlaybookLoader.load(directories: [builtIn, trainer.root], lang: .en).playbook)
    #expect(book.walks["profile"]?.prompt("industry")?.options.last?.id == "logistics")
    let walk = try #require(book.walks["in-depth-interview"])
    let index = try #require(walk.prompts.firstIndex { $0.id == "pain-points" })
    let others = walk.prompts.enumerated().filter { $0.offset < index }.map(\.element.id)
    let answers = Dictionary(uniqueKeysWithValues: others.map { ($0, AnswerValue.text("x")) })
    var engine = WalkEngine(walk: walk, answers: answers, l: L10n(.en))
    engine.width = 200
    let general = engine.help().plain
    engine.industry = "logistics"
    let logistics = engine.help().plain
    #expect(logistics.contains("Ask about peak-season volumes first.") && logistics.contains("How do volumes swing across the year?"))
    #expect(!general.contains("peak-season"))
    engine.industry = "finance"
    #expect(engine.help().plain.contains("You said manual reconciliation takes days; what does that cost you at month-end?"))
    // A plan may name the trainer's industry; names that are not ids are refused.
    #expect(Industry(rawValue: "logistics")?.rawValue == "logistics")
    #expect(Industry(rawValue: "Logistics") == nil && Industry(rawValue: "") == nil && Industry(rawValue: "a b") == nil)
  }

  /// A rep should not be able to pass by picking the longest option: in each language the right
  /// answer is the strictly longest (by display width) in at most 35% of multiple-choice items.
  @Test(arguments: Lang.allCases)
  func theRightAnswerIsRarelyTheLongestOption(_ lang: Lang) throws {
    let book = try #require(PlaybookLoader.load(directories: [builtIn], lang: lang).playbook)
    let choice = book.quiz.filter { $0.kind == .choice }
    let longest = choice.filter { item in
      let answer = DisplayWidth.of(item.options.first { $0.id == item.answer }!.label)
      return item.options.filter { $0.id != item.answer }.allSatisfy { DisplayWidth.of($0.label) < answer }
    }
    let share = Double(longest.count) / Double(max(1, choice.count))
    #expect(choice.count >= 40)
    #expect(share <= 0.35, "\(lang): the answer is the longest option in \(longest.count) of \(choice.count) items: \(longest.map(\.id))")
  }

  @Test func hostileFilesAreRejectedQuicklyWithALocation() {
    let trainer = TempWorkspace("coach-trainer")
    // An alias bomb: rejected at the first alias, never expanded.
    var bomb = "module: drills\nlanguage: en\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in 0..<2000 { bomb += "k\(i): [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" }
    trainer.write("en/drills.yaml", bomb)
    // Deep nesting.
    trainer.write("en/lessons.yaml", "module: lessons\nlanguage: en\nlessons:\n" + String(repeating: "- ", count: 10_000) + "x\n")
    // Too large.
    trainer.write("en/quiz.yaml", "module: quiz\nlanguage: en\n# " + String(repeating: "x", count: 1_100_000) + "\n")
    // Control characters.
    trainer.write("en/checks.yaml", "module: checks\nlanguage: en\ntitle: \"ok\u{1B}[2J\"\n")
    // "Quickly" is measured against the shipped playbooks alone, loaded in the same run, not
    // against a clock: the hostile files must add little to the load (an expanded alias bomb or a
    // recursive descent 10,000 deep would multiply it), whatever the machine is doing.
    let (clean, _) = Self.timed { problems(langs: [.en]) }
    let (hostile, found) = Self.timed { problems(trainer, langs: [.en]) }
    #expect(hostile < 2 * clean + 0.25, "with the hostile files \(hostile) s, the shipped playbooks alone \(clean) s")
    #expect(found.contains { $0.hasPrefix("en/drills.yaml:3:4:") && $0.contains("anchors and aliases are not supported") }, "\(found)")
    #expect(found.contains { $0.hasPrefix("en/lessons.yaml:") && $0.contains("deeper than") }, "\(found)")
    #expect(found.contains { $0.hasPrefix("en/quiz.yaml:1:1: the file is") && $0.contains("at most 1048576 bytes") }, "\(found)")
    #expect(found.contains { $0.hasPrefix("en/checks.yaml:3:") && $0.contains("U+001B") }, "\(found)")
  }
}

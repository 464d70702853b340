import CoachCore
import CoachTestSupport
import Testing

@testable import CoachStore

/// The account-management walks behind `manage` live in playbooks/*/management.yaml: the shipped
/// file has every walk and prompt coach stores, in both languages; a walk or prompt coach needs
/// that is missing, or one it would drop, is a located problem in both languages; and a
/// trainer's file changes the words the rep is asked.
@Suite struct ManagementPlaybookTests {
  let builtIn = RepositoryPaths.playbooks

  /// A copy of the built-in playbooks with one language's management.yaml edited.
  func copy(editing lang: Lang, _ edit: (String) -> String) -> TempWorkspace {
    let folder = TempWorkspace("coach-management")
    for l in Lang.allCases {
      for module in PlaybookAssembler.modules {
        guard var text = TestFiles.text(builtIn + "/\(l.rawValue)/\(module).yaml") else { continue }
        if l == lang && module == "management" { text = edit(text) }
        folder.write("\(l.rawValue)/\(module).yaml", text)
      }
    }
    return folder
  }

  func problems(_ dirs: [String], _ lang: Lang, in shown: Lang, root: String) -> [String] {
    PlaybookLoader.load(directories: dirs, lang: lang).problems.map { $0.description(in: shown).replacingAll(root + "/", with: "") }
  }

  /// `text` without the lines from the one holding `from` up to (not including) the next line
  /// indented no deeper than it.
  func removing(_ from: String, in text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(where: { $0.hasSuffix(from) }) else { return text }
    let depth = lines[start].prefix { $0 == " " }.count
    var end = start + 1
    while end < lines.count, lines[end].prefix(while: { $0 == " " }).count > depth || lines[end].isEmpty { end += 1 }
    lines.removeSubrange(start..<end)
    return lines.joined(separator: "\n")
  }

  @Test(arguments: Lang.allCases)
  func theShippedWalksHaveEveryPromptCoachStores(_ lang: Lang) throws {
    let book = try #require(PlaybookLoader.load(directories: [builtIn], lang: lang).playbook)
    for (id, slots) in ManagementWalks.walks {
      let walk = try #require(book.walks[id], "\(id)")
      #expect(walk.prompts.map(\.id) == slots.map(\.id), "\(id)")
      let bound = ManagementWalks.bind(walk)
      #expect(bound.prompts.map(\.id) == slots.map(\.id), "\(id)")
      for (p, slot) in zip(walk.prompts, slots) {
        #expect(p.kind == slot.kind && p.fills == slot.fills && p.optional == slot.optional, "\(id) / \(p.id)")
        #expect(p.options.map(\.id) == slot.options, "\(id) / \(p.id)")
        #expect(p.source != nil, "\(id) / \(p.id) names no source")
      }
    }
    // The choices name the ids as `show management` does.
    let l = L10n(lang)
    let tier = try #require(book.walks["manage"]?.prompt("tier"))
    #expect(tier.options.map(\.label) == ServiceTier.allCases.map { ManagementNames.tier($0, l) })
    let kind = try #require(book.walks["manage-touch"]?.prompt("kind"))
    #expect(kind.options.map(\.label) == TouchpointKind.allCases.map { ManagementNames.touchpoint($0, l) })
    let crisis = try #require(book.walks["manage-crisis"])
    #expect(crisis.prompt("remedy")?.label == ManagementNames.crisisStep(.remedy, l))
  }

  @Test func aMissingWalkIsReportedInBothLanguages() {
    let folder = copy(editing: .en) { removing("- id: manage-nps", in: $0) }
    #expect(
      problems([folder.root], .en, in: .en, root: folder.root) == [
        "en/management.yaml:4:1: the walk `manage-nps` is missing; coach needs it for `manage nps`"
      ])
    #expect(problems([folder.root], .en, in: .zh, root: folder.root) == ["en/management.yaml:4:1: 缺少引导流程 `manage-nps`；coach 的 `manage nps` 需要它"])
  }

  @Test func aMissingPromptIsReportedAtItsWalk() {
    let folder = copy(editing: .zh) { removing("- id: who", in: $0) }
    let en = problems([folder.root], .zh, in: .en, root: folder.root)
    #expect(
      en == ["zh/management.yaml:73:5: the `manage-touch` walk needs the prompt `who` (kind: text, fills: management.touchpoints.who); coach stores its answer"])
    #expect(
      problems([folder.root], .zh, in: .zh, root: folder.root) == [
        "zh/management.yaml:73:5: `manage-touch` 引导流程缺少提示 `who`（kind: text，fills: management.touchpoints.who）；coach 要保存它的回答"
      ])
  }

  /// A trainer's file with one mistake in a management prompt, and the exact problem expected.
  @Test(arguments: [
    (
      "a prompt coach does not store",
      "      - id: mood\n        kind: text\n        fills: management.touchpoints.mood\n        text: How did they seem?\n",
      "en/management.yaml:6:13: coach stores no prompt `mood` in the `manage-touch` walk, so its answer would be dropped; its prompts are: kind, date, who, notes, followUps"
    ),
    (
      "another kind",
      "      - id: who\n        kind: list\n",
      "en/management.yaml:7:15: prompt `who` of the `manage-touch` walk must be of kind `text`, not `list`: coach stores it so"
    ),
    (
      "another field",
      "      - id: who\n        fills: management.who\n",
      "en/management.yaml:7:16: prompt `who` of the `manage-touch` walk fills `management.touchpoints.who`, not `management.who`"
    ),
    (
      "a required prompt made optional",
      "      - id: kind\n        optional: true\n",
      "en/management.yaml:7:19: prompt `kind` of the `manage-touch` walk cannot be skipped (coach needs its answer): remove `optional: true`"
    ),
    (
      "a choice coach does not know",
      "      - id: kind\n        options:\n          - id: lunch\n            label: Business lunch\n",
      "en/management.yaml:8:17: the options of `management.touchpoints.kind` must be exactly: operational-visit, business-review, strategy-meeting, call, email, event, other; unknown: lunch"
    ),
  ])
  func aTrainersMistakeIsReportedAtItsLine(_ label: String, _ prompt: String, _ expected: String) {
    let trainer = TempWorkspace("coach-management")
    trainer.write("en/management.yaml", "module: management\nlanguage: en\nwalks:\n  - id: manage-touch\n    prompts:\n" + prompt)
    #expect(problems([builtIn, trainer.root], .en, in: .en, root: trainer.root) == [expected], "\(label)")
  }

  @Test func aWalkManageDoesNotStartIsReported() {
    let trainer = TempWorkspace("coach-management")
    trainer.write(
      "zh/management.yaml",
      "module: management\nlanguage: zh\nwalks:\n  - id: manage-lunch\n    title: 商务午餐\n    prompts:\n      - id: who\n        kind: text\n        fills: management.who\n        text: 和谁？\n"
    )
    #expect(
      problems([builtIn, trainer.root], .zh, in: .zh, root: trainer.root) == [
        "zh/management.yaml:4:9: `manage` 没有 `manage-lunch` 这个引导流程，它永远不会被用到；客户管理的引导流程只有：manage、manage-touch、manage-nps、manage-csat、manage-issue、manage-purchase、manage-growth、manage-improve、manage-crisis"
      ])
  }

  /// A trainer's words reach the rep: the walk asks the trainer's question, with the built-in
  /// kind, field and choices, and stores the answer as before.
  @Test func aTrainersFileChangesTheWords() throws {
    let trainer = TempWorkspace("coach-management")
    trainer.write(
      "en/management.yaml",
      "module: management\nlanguage: en\nwalks:\n  - id: manage-touch\n    title: Log a customer contact\n    prompts:\n      - id: who\n        label: Customer side\n        text: Whom from the customer did you meet?\n        hint: Name the most senior person.\n        source: ours\n      - id: kind\n        options:\n          - id: call\n            label: phone call\n"
    )
    let loaded = PlaybookLoader.load(directories: [builtIn, trainer.root], lang: .en)
    #expect(loaded.problems.isEmpty)
    let book = try #require(loaded.playbook)
    let flow = ManagementFlows.touchpoint(walk: try #require(book.walks["manage-touch"]), l: L10n(.en))
    let walk = flow.engine.walk
    #expect(walk.title == "Log a customer contact")
    let who = try #require(walk.prompt("who"))
    #expect(who.text == "Whom from the customer did you meet?" && who.label == "Customer side" && who.hint == "Name the most senior person.")
    #expect(who.kind == .text && who.optional)
    #expect(walk.prompt("kind")?.options.first { $0.id == "call" }?.label == "phone call")
    #expect(walk.prompts.map(\.id) == ["kind", "date", "who", "notes", "followUps"])
  }

  /// A walk that was not validated still runs only what coach stores, as coach stores it.
  @Test func bindingKeepsOnlyWhatCoachStores() {
    var walk = Walk(id: "manage", title: "Service")
    var tier = Prompt(id: "tier", kind: .text, fills: "management.x", text: "Tier?")
    tier.options = [ChoiceOption(id: "vip", label: "VIP"), ChoiceOption(id: "gold", label: "Gold")]
    walk.prompts = [Prompt(id: "mood", kind: .text, fills: "management.mood", text: "Mood?"), tier]
    let bound = ManagementWalks.bind(walk)
    #expect(bound.prompts.map(\.id) == ["tier"])
    #expect(bound.prompts[0].kind == .choice && bound.prompts[0].fills == "management.tier" && !bound.prompts[0].optional)
    #expect(bound.prompts[0].options.map(\.id) == ["vip"] && bound.prompts[0].text == "Tier?")
  }
}

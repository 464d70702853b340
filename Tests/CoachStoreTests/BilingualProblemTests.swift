import CoachCore
import CoachTestSupport
import Testing

@testable import CoachStore

/// Problems in playbooks and in damaged plan and progress files are said in both languages: the
/// Chinese of a representative set is pinned here, and every problem a set of broken files
/// produces is checked for English left over in its Chinese.
@Suite struct BilingualProblemTests {
  let builtIn = RepositoryPaths.playbooks

  /// Every problem of loading `dirs` in `langs`, plus the parity between the languages.
  func problems(_ dirs: [String], langs: [Lang] = Lang.allCases) -> [PlaybookProblem] {
    var merged: [Lang: [String: YAMLNode]] = [:]
    var out: [PlaybookProblem] = []
    for lang in langs {
      let loaded = PlaybookLoader.load(directories: dirs, lang: lang)
      out += loaded.problems
      merged[lang] = PlaybookAssembler.merge(loaded.files)
    }
    if langs.count == 2 { out += PlaybookAssembler.parity((.en, merged[.en]!), (.zh, merged[.zh]!)) }
    return out
  }

  /// The problems of a trainer folder over the built-in one, in Chinese, without the folder's path.
  func chinese(_ trainer: TempWorkspace, langs: [Lang] = [.en]) -> [String] {
    problems([builtIn, trainer.root], langs: langs).map { $0.description(in: .zh).replacingAll(trainer.root + "/", with: "") }
  }

  // MARK: pinned wording

  @Test(arguments: [
    (
      "an unknown field, with the nearest one",
      "module: objections\nlanguage: en\ncategories:\n  - id: price\n    wordingz: [x]\n",
      "en/objections.yaml:5:5: `wordingz` 不是异议类别的字段；你是不是想写 `wordings`？（可用字段：id、name、description、signals、wordings、strategies、compareWith）"
    ),
    (
      "a prompt that fills no plan field",
      "module: account\nlanguage: en\nwalks:\n  - id: profile\n    prompts:\n      - id: budget-owner\n        kind: text\n        fills: account.budgetOwner\n        text: Who owns the budget?\n",
      "en/account.yaml:8:16: `account.budgetOwner` 不是客户计划的字段，这个提示的回答无处填写（字段列表见 playbooks/README.md）"
    ),
    (
      "a prompt that fills a misspelt plan field",
      "module: account\nlanguage: en\nwalks:\n  - id: profile\n    prompts:\n      - id: remarks\n        kind: text\n        fills: account.notez\n        text: Anything else?\n",
      "en/account.yaml:8:16: `account.notez` 不是客户计划的字段，这个提示的回答无处填写；你是不是想写 `account.notes`？（字段列表见 playbooks/README.md）"
    ),
    (
      "choice options that are not the plan's ids",
      "module: account\nlanguage: en\nwalks:\n  - id: profile\n    prompts:\n      - id: tier\n        options:\n          - id: D\n            label: D - dormant\n",
      "en/account.yaml:8:17: `account.tier` 的选项必须正好是：A、B、C；未知：D"
    ),
    (
      "a missing required field",
      "module: quiz\nlanguage: en\nitems:\n  - id: my-item\n    lesson: trust\n    kind: choice\n    question: Which comes first?\n    options:\n      - id: a\n        label: Keep promises\n      - id: b\n        label: Show expertise\n",
      "en/quiz.yaml:4:5: 测验题缺少 `answer`"
    ),
    (
      "a lesson page without a source",
      "module: lessons\nlanguage: en\nlessons:\n  - id: trust\n    pages:\n      - id: my-page\n        text: Keep small promises first.\n",
      "en/lessons.yaml:6:9: 课程页缺少 `source`（出处：课程部分和幻灯片标题、文章章节，或 `ours`）"
    ),
    (
      "a source that names no place in the course",
      "module: checks\nlanguage: en\nfindings:\n  - id: no-champion\n    source: the course\n",
      "en/checks.yaml:5:13: `source` 应写明出处：`course part N · 幻灯片标题`（N 为 1–7；课程开篇写 `course · 标题`）、`article · 标题`（或 `article N · 标题`），我们自己补充的内容写 `ours`；多个出处用 `; ` 分隔；实际是 `the course`"
    ),
    (
      "the wrong module name",
      "module: objection\nlanguage: en\n",
      "en/objections.yaml:1:9: 这个文件是 objections.yaml，里面写的却是 `module: objection`；两者必须一致"
    ),
    (
      "a YAML syntax error, with its location",
      "module: objections\nlanguage: en\ncategories:\n  - id: price\n    wordings: *many\n",
      "en/objections.yaml:5:15: 这里有别名（'*'）：剧本不支持锚点和别名——请把内容完整写出来（如果这是以 '*' 开头的文本，请加上引号）"
    ),
  ])
  func brokenFilesAreReportedInChinese(what: String, text: String, expected: String) {
    let trainer = TempWorkspace("coach-trainer")
    let module = expected.split(separator: ":")[0].split(separator: "/")[1]
    trainer.write("en/\(module)", text)
    let found = chinese(trainer)
    #expect(found.contains(expected), "\(what): expected «\(expected)» in \(found)")
  }

  @Test func anIDInOneLanguageOnlyIsReportedInChinese() {
    let trainer = TempWorkspace("coach-trainer")
    trainer.write("en/objections.yaml", "module: objections\nlanguage: en\ncategories:\n  - id: price\n    strategies:\n      - id: volume-bundle\n        name: Volume bundle\n")
    let found = chinese(trainer, langs: Lang.allCases)
    let expected = "en/objections.yaml:6:13: id `categories › price › strategies › volume-bundle` 在英文（en）剧本中有，在中文（zh）剧本中没有（objections.yaml）"
    #expect(found.contains(expected), "\(found)")
  }

  @Test func aMissingModuleIsReportedInChinese() {
    let trainer = TempWorkspace("coach-trainer")
    trainer.write("zh/checks.yaml", "module: checks\nlanguage: zh\n")
    let found = problems([trainer.root], langs: [.zh]).map { $0.description(in: .zh) }
    #expect(found.contains("zh/quiz.yaml:1:1: 缺少模块 `quiz`：这种语言下没有找到 quiz.yaml"), "\(found)")
  }

  @Test func anUnknownModuleFileIsReportedInChinese() {
    let trainer = TempWorkspace("coach-trainer")
    trainer.write("en/objection.yaml", "module: objections\nlanguage: en\n")
    let found = chinese(trainer)
    #expect(
      found.contains { $0.hasPrefix("en/objection.yaml:1:1: `objection.yaml` 不是剧本模块；模块文件的名称为：account.yaml、discovery.yaml、") && $0.hasSuffix("（你是不是想写 objections.yaml？）") },
      "\(found)")
  }

  @Test func damagedPlansAreDescribedInChinese() throws {
    let ws = TempWorkspace()
    let repo = PlanRepository(paths: ws.paths)
    ws.write("plans/acme.json", #"{"schemaVersion": 1, "id": "acme", "name": "Acme", "stakeholders": [{"name": "Ma", "influence": 9}]}"#)
    do {
      _ = try repo.load(id: "acme")
      Issue.record("loaded a damaged plan")
    } catch {
      guard case .format(_, let e) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(e.description(in: .zh) == "stakeholders[0].influence: 应为 1 到 5 之间的整数，实际是 9")
      #expect(e.description(in: .en) == "stakeholders[0].influence: expected a whole number from 1 to 5, found 9")
    }
    ws.write("plans/acme.json", #"{"schemaVersion": 1, "id": "acme", "name": "Acme", "account": {"tier": "D"}}"#)
    do {
      _ = try repo.load(id: "acme")
      Issue.record("loaded a damaged plan")
    } catch {
      guard case .format(_, let e) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(e.description(in: .zh) == "account.tier: \"D\" 不是可选值之一：A、B、C")
    }
  }

  @Test func aDamagedProgressFileIsDescribedInChinese() throws {
    let ws = TempWorkspace()
    ws.write("progress.json", #"{"schemaVersion": 1, "items": {"x": {"box": 3}}}"#)
    do {
      _ = try ProgressStore(paths: ws.paths).load()
      Issue.record("loaded a damaged file")
    } catch {
      guard case .format(_, let e) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(e.description(in: .zh) == "items.x.due: 缺少：每道题都要有到期日期")
    }
  }

  // MARK: nothing left in English

  /// Files that break most rules the decoder and the checks know, laid over the built-in ones.
  static let brokenFiles: [(String, String)] = [
    (
      "en/objections.yaml",
      """
      module: objections
      language: en
      title: [a, b]
      categories:
        - id: price
          wordingz: [x]
          signals:
            - weight: 11
              at: middle
        - id: cost
        - just text
      steps:
        - id: listen
          examples: [a]
          do: text instead of a list
          avoid: [ok, ""]
      walks:
        - id: objection
          prompts:
            - id: statement
              kind: choice
            - id: raised-by
              kind: text
              options:
                - id: a
                  label: A
              optional: maybe
              group: nowhere
            - id: raised-by
              kind: text
              fills: objection.raisedBy
              text: Again
      """
    ),
    (
      "en/account.yaml",
      """
      module: account
      language: zh
      walks:
        - id: profile
          prompts:
            - id: tier
              kind: text
            - id: Bad_ID
              kind: scale
              fills: account.notes
              text: Notes?
      """
    ),
    (
      "en/discovery.yaml",
      """
      module: discovery
      language: en
      walks:
        - id: initial-contact
          prompts:
            - id: erp
              kind: text
              fills: discovery.in-depth-interview.erp
              text: Which ERP?
            - id: crm
              kind: text
              fills: discovery.initial-contact.erp-system
              text: Which CRM?
      """
    ),
    (
      "en/rubric.yaml",
      """
      module: rubric
      language: en
      steps:
        - id: shout
          checks: []
        - id: listen
          checks:
            - id: silent
              description: Looks for nothing
      """
    ),
    (
      "en/quiz.yaml",
      """
      module: quiz
      language: en
      items:
        - id: lonely
          lesson: key-acounts
          kind: riddle
          question: Which?
          options:
            - id: a
              label: A
          answer: b
      """
    ),
    (
      "en/lessons.yaml",
      """
      module: lessons
      language: en
      lessons:
        - id: extra
          title: Extra
          pages:
            - id: one
          check: [no-such-item]
      """
    ),
    (
      "en/checks.yaml",
      """
      module: checks
      language: en
      findings:
        - id: no-such-check
          message: Words without a check.
      """
    ),
    (
      "en/drills.yaml",
      """
      module: drills
      language: en
      questions:
        - id: name-it
          task: name
          type: open
      """
    ),
    (
      "en/relationships.yaml",
      """
      module: relationships
      language: en
      roles:
        - id: boss
          name: Boss
      """
    ),
    (
      "en/negotiation.yaml",
      """
      module: negotiation
      language: en
      terms:
        - id: price
          better: sideways
      """
    ),
    (
      "en/questions.yaml",
      """
      module: questions
      language: en
      types:
        - id: open
          signals:
            - id: empty
      """
    ),
    ("en/quizz.yaml", "module: quiz\nlanguage: en\n"),
  ]

  @Test func everyPlaybookProblemReadsAsChinese() {
    let trainer = TempWorkspace("coach-trainer")
    for (path, text) in Self.brokenFiles { trainer.write(path, text) }
    // A folder of bare module headers, read on its own: every "missing" check fires.
    let bare = TempWorkspace("coach-bare")
    for module in PlaybookAssembler.modules { bare.write("en/\(module).yaml", "module: \(module)\nlanguage: en\n") }
    let found =
      problems([builtIn, trainer.root], langs: Lang.allCases) + problems([bare.root], langs: [.en])
      + problems([builtIn, "/nonexistent-coach-folder"], langs: [.zh])
    #expect(found.count > 60, "\(found.map(\.description))")
    for problem in found {
      #expect(Untranslated.problem(problem.text) == nil, "\(problem)")
      #expect(problem.description(in: .en) == problem.description)
    }
  }

  @Test func everyDamagedFileProblemReadsAsChinese() {
    let damaged = [
      "", "{", "[1, 2", "{\"a\": 1,}", "{\"a\": 01}", "{\"a\" 1}", "{a: 1}", "{\"a\": tru}", "{\"a\": 1.}", "{\"a\": 1e}", "{\"a\": -}",
      "{\"a\": 1e999}", "{\"a\": \"\\q\"}", "{\"a\": \"\\u12\"}", "{\"a\": \"\\ud800\"}", "{\"a\": \"\\ud800\\u0041\"}", "{\"a\": \"\\udc00\"}",
      "{\"a\": \"x\ty\"}", "{} {}", "{\"a\": 1, \"a\": 2}", "{\"a\": \"abc",
      #"{"id": "x"}"#, #"{"schemaVersion": 1}"#, #"{"schemaVersion": "1", "id": "x"}"#,
      #"{"schemaVersion": 1, "id": "x", "name": 3}"#, #"{"schemaVersion": 1, "id": "x", "stakeholders": {}}"#,
      #"{"schemaVersion": 1, "id": "x", "stakeholders": [{"influence": 2}]}"#,
      #"{"schemaVersion": 1, "id": "x", "stakeholders": [{"name": "Ma", "influence": 9}]}"#,
      #"{"schemaVersion": 1, "id": "x", "account": {"tier": "D"}}"#, #"{"schemaVersion": 1, "id": "x", "account": []}"#,
      #"{"schemaVersion": 1, "id": "x", "actions": [{"text": "Call", "due": "soon"}]}"#,
    ]
    let ws = TempWorkspace()
    let repo = PlanRepository(paths: ws.paths)
    var seen = 0
    for text in damaged {
      ws.write("plans/x.json", text)
      do {
        _ = try repo.load(id: "x")
        Issue.record("accepted «\(text)»")
      } catch {
        switch error {
        case .syntax(_, let e):
          #expect(Untranslated.problem(e.text) == nil, "«\(text)»: \(e)")
          seen += 1
        case .format(_, let e):
          #expect(Untranslated.problem(e.text) == nil, "«\(text)»: \(e)")
          seen += 1
        default: Issue.record("«\(text)»: \(error)")
        }
      }
    }
    #expect(seen == damaged.count)
  }
}

/// Builds the meeting brief from a plan: what a rep carries into the meeting. Pure: the plan,
/// the display names (`Labels`), the findings of `check` and today's date come in as values.
///
/// The brief is one A4 page for the next meeting (BriefOnePage.swift): chosen by priority, and
/// never cutting a sentence — an item that does not fit is left out whole and the brief says how
/// many were. `full` carries every answer: all discovery answers in full, every objection, the
/// portrait, notes, interests and answers to planned questions. `audience: .customer` is the
/// shareable agenda (BriefCustomer.swift), with nothing internal in it.
public struct BriefBuilder {
  public let plan: AccountPlan
  public let labels: Labels
  public let findings: [Finding]
  public let today: CalendarDay
  public let full: Bool
  /// The next meeting, when one is planned; without it the brief picks from the plan.
  public let meeting: BriefMeeting?
  public let audience: BriefAudience
  var l: L10n { labels.l }

  /// Display columns a value may take in the one-page brief before it is cut.
  static let answerWidth = 150
  static let cellWidth = 70
  static let objectionLimit = 3
  static let findingLimit = 8

  public init(
    plan: AccountPlan, labels: Labels, findings: [Finding], today: CalendarDay, full: Bool = false, meeting: BriefMeeting? = nil,
    audience: BriefAudience = .internal
  ) {
    self.plan = plan
    self.labels = labels
    self.findings = findings
    self.today = today
    self.full = full
    self.meeting = meeting
    self.audience = audience
  }

  public func build() -> BriefDocument {
    if audience == .customer { return customerBrief() }
    if !full { return onePage() }
    var line = l.t("Prepared ", "生成于 ") + today.description + l.t(" · plan updated ", " · 计划更新于 ") + String(plan.updatedAt.prefix(10))
    if full { line += l.t(" · full version", " · 完整版") }
    let subtitle: [BriefInline] = [.quiet(line)]
    return BriefDocument(
      lang: l.lang, title: l.t("Meeting brief: ", "会谈简报：") + plan.name, subtitle: subtitle,
      sections: [
        dealSection(), account(), stakeholders(), discovery(), questions(), objections(), negotiation(), competitionSection(), openFindings(), nextActions(),
      ].compactMap { $0 },
      full: full)
  }

  // MARK: text helpers

  /// A free-text value, never cut: its lines run together in the brief, each kept in the full
  /// version. (`width` is kept for the callers; nothing is truncated to it.)
  func text(_ s: String?, width: Int = BriefBuilder.answerWidth) -> [BriefInline] {
    guard let s, !s.trimmingWhitespace.isEmpty else { return [.quiet("—")] }
    let lines = s.split(separator: "\n", omittingEmptySubsequences: true).map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    if !full { return [.text(lines.joined(separator: " "))] }
    var out: [BriefInline] = []
    for (i, line) in lines.enumerated() {
      if i > 0 { out.append(.lineBreak) }
      out.append(.text(line))
    }
    return out
  }

  /// A recorded discovery answer.
  func answer(_ a: AnswerValue) -> [BriefInline] {
    switch a {
    case .text(let s), .choice(let s), .date(let s): return text(s)
    case .list(let items):
      let items = items.map(\.trimmingWhitespace).filter { !$0.isEmpty }
      if !full { return text(items.joined(separator: l.t("; ", "；"))) }
      var out: [BriefInline] = []
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(.lineBreak) }
        out.append(.text("• " + item.split(separator: "\n").joined(separator: " ")))
      }
      return out
    case .scale(let n): return [.text("\(n)/5")]
    case .amount(let n, let currency): return [.text(Blocks.number(n) + (currency.map { " " + $0 } ?? ""))]
    }
  }

  func quiet(_ en: String, _ zh: String) -> BriefBlock { .paragraph([.quiet(l.t(en, zh))]) }

  // MARK: account

  func account() -> BriefSection {
    let a = plan.account
    func choice(_ field: String, _ fallback: String, _ id: String?) -> BriefField {
      BriefField(labels.field(field, fallback: fallback), id.map { [.text(labels.option(field, $0))] } ?? [.quiet("—")])
    }
    var blocks: [BriefBlock] = [
      .fields([
        choice("account.tier", l.t("Purchasing power", "购买力"), a.tier?.rawValue),
        choice("account.industry", l.t("Industry", "行业"), a.industry?.rawValue),
        choice("account.cooperationStage", l.t("Cooperation stage", "合作阶段"), a.cooperationStage?.rawValue),
        choice("account.decisionMode", l.t("Decision mode", "决策模式"), a.decisionMode?.rawValue),
      ])
    ]
    let v = plan.valueAssessment
    blocks.append(
      .paragraph([
        .strong(l.t("Value score ", "价值评分 ") + "\(v.total)/60"),
        .quiet(l.t(" (\(v.scoredCount) of 12 criteria scored)", "（已评 \(v.scoredCount)/12 项）")),
      ]))
    blocks.append(
      .bars(
        ValueDimension.allCases.map { d in
          let detail = d.criteria.map { "\(labels.criterion(d, $0)) \(v.score(d, $0).map(String.init) ?? "–")" }.joined(separator: " · ")
          return BriefBar(label: labels.valueDimension(d), value: v.subtotal(d), maximum: 15, detail: detail)
        }))
    if full {
      var fields = PortraitArea.allCases.map { BriefField(labels.portrait($0), text(a.portrait.answers[$0])) }
      if let notes = a.notes, !notes.isEmpty { fields.append(BriefField(l.t("Notes", "备注"), text(notes))) }
      blocks.append(.group(BriefGroup(id: "portrait", title: l.t("Portrait", "客户画像"), blocks: [.fields(fields)])))
    }
    return BriefSection(id: "account", title: l.t("Account", "客户概况"), blocks: blocks)
  }

  // MARK: stakeholders

  static func influence(_ n: Int?) -> String {
    guard let n else { return "—" }
    return String(repeating: "●", count: n) + String(repeating: "○", count: max(0, 5 - n))
  }

  func attitude(_ a: Attitude?) -> BriefInline {
    let name = labels.attitude(a)
    switch a {
    case .champion?, .supporter?: return .tone(name, .good)
    case .skeptic?: return .tone(name, .warn)
    case .blocker?: return .tone(name, .bad)
    case .neutral?: return .text(name)
    case nil: return .quiet(name)
    }
  }

  func stakeholders() -> BriefSection {
    let title = l.t("Stakeholders", "关键决策者")
    guard !plan.stakeholders.isEmpty else {
      return BriefSection(id: "stakeholders", title: title, blocks: [quiet("No one recorded yet.", "尚未记录任何决策者。")])
    }
    var table = BriefTable(
      header: [
        l.t("Name", "姓名"), l.t("Title", "职位"), l.t("Role", "角色"), l.t("Influence", "影响力"),
        l.t("Attitude", "态度"), l.t("Concerns", "关注点"),
      ], kind: "people")
    for s in plan.stakeholders {
      table.rows.append([
        [.strong(s.name)], text(s.title, width: 40), [.text(s.allRoles.isEmpty ? labels.role(nil) : s.allRoles.map { labels.role($0) }.joined(separator: l.t(" + ", "＋")))],
        [.text(Self.influence(s.influence))], [attitude(s.attitude)], text(s.concerns, width: Self.cellWidth),
      ])
    }
    var blocks: [BriefBlock] = [.table(table)]
    if full {
      let notes = plan.stakeholders.filter { !($0.notes ?? "").trimmingWhitespace.isEmpty }
      if !notes.isEmpty {
        blocks.append(.group(BriefGroup(id: "notes", title: l.t("Notes", "备注"), blocks: [.fields(notes.map { BriefField($0.name, text($0.notes)) })])))
      }
    }
    if let tree = relationshipTree() { blocks.append(tree) }
    var matrix = BriefTable(header: [l.t("Role", "角色")] + Attitude.allCases.map { labels.attitude($0) }, kind: "matrix")
    for role in StakeholderRole.allCases {
      let people = plan.stakeholders.filter { ($0.role ?? .other) == role }
      var row: [[BriefInline]] = [[people.isEmpty ? .quiet(labels.role(role)) : .strong(labels.role(role))]]
      for a in Attitude.allCases {
        let cell = people.filter { $0.attitude == a }.sorted { ($0.influence ?? 0) > ($1.influence ?? 0) }
        row.append(cell.isEmpty ? [] : [.text(cell.map { $0.name + ($0.influence.map { " (\($0))" } ?? "") }.joined(separator: ", "))])
      }
      let unknown = people.filter { $0.attitude == nil }.count
      if unknown > 0 { row[0].append(.quiet(" +\(unknown)?")) }
      matrix.rows.append(row)
    }
    blocks.append(
      .group(
        BriefGroup(
          id: "matrix", title: l.t("Role × attitude", "角色 × 态度"), note: l.t("(n) = influence 1–5", "(n) = 影响力 1–5"),
          blocks: [.table(matrix)])))
    return BriefSection(id: "stakeholders", title: title, blocks: blocks)
  }

  // MARK: discovery

  func discovery() -> BriefSection {
    var blocks: [BriefBlock] = []
    for stage in DiscoveryStage.allCases {
      let answers = plan.discovery[stage]
      let walk = labels.book?.walks[stage.rawValue]
      let known = walk?.prompts.map(\.id) ?? []
      let extra = answers.answers.keys.sorted().filter { !known.contains($0) }
      let answered = known.filter { !(answers.answers[$0]?.isEmpty ?? true) }
      let missing = known.filter { answers.answers[$0]?.isEmpty ?? true }
      var note = l.t("\(answered.count) of \(known.count) answered", "已答 \(answered.count)/\(known.count)")
      if let done = answers.completedAt { note += l.t(" · completed ", " · 完成于 ") + String(done.prefix(10)) }
      var group = BriefGroup(id: stage.rawValue, title: "\(stage.order + 1). " + labels.walkTitle(stage.rawValue), note: note, blocks: [])
      var fields: [BriefField] = []
      for id in answered + (full ? extra : []) {
        guard let a = answers.answers[id], !a.isEmpty else { continue }
        fields.append(BriefField(walk?.prompt(id)?.shortLabel ?? id, answer(a)))
      }
      if !fields.isEmpty { group.blocks.append(.fields(fields)) }
      if answered.isEmpty && (!full || extra.isEmpty) {
        group.blocks.append(.paragraph([.tone(l.t("Not started.", "尚未开始。"), .warn)]))
      } else if !missing.isEmpty {
        let names = missing.map { walk?.prompt($0)?.shortLabel ?? $0 }
        group.blocks.append(.paragraph([.tone(l.t("Still empty: ", "尚缺：") + names.joined(separator: l.t(", ", "、")), .warn)]))
      }
      blocks.append(.group(group))
    }
    return BriefSection(id: "discovery", title: l.t("Discovery findings and open gaps", "需求挖掘：已知与缺口"), blocks: blocks)
  }

  // MARK: questions

  func questions() -> BriefSection {
    let title = l.t("Question plan", "提问计划")
    guard !plan.questionPlan.isEmpty else {
      return BriefSection(id: "questions", title: title, blocks: [quiet("No questions planned yet.", "尚未规划任何问题。")])
    }
    var blocks: [BriefBlock] = []
    for type in QuestionType.allCases {
      let items = plan.questionPlan.filter { $0.type == type }
      guard !items.isEmpty else {
        blocks.append(
          .group(
            BriefGroup(
              id: type.rawValue, title: labels.questionType(type), note: "(0)",
              blocks: [.paragraph([.tone(l.t("None planned.", "尚未规划。"), .warn)])])))
        continue
      }
      let list = BriefBlock.list(
        items.map { q in
          var item = text(q.text)
          if q.asked == true { item.append(.tone(l.t("  ✓ asked", "  ✓ 已问"), .good)) }
          if full, let answer = q.answer, !answer.trimmingWhitespace.isEmpty {
            item.append(.lineBreak)
            item.append(.quiet("→ "))
            item += text(answer)
          }
          return item
        })
      blocks.append(.group(BriefGroup(id: type.rawValue, title: labels.questionType(type), note: "(\(items.count))", blocks: [list])))
    }
    return BriefSection(id: "questions", title: title, blocks: blocks)
  }
}

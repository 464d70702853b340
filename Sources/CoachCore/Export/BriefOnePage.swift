/// The one-page brief for the next meeting, chosen by priority: the objective and agenda; who
/// is in the room; the questions to ask; the likely objections with the lines to say; the
/// negotiation essentials; the competition; then the account portrait, the positions-vs-
/// interests table and the reporting tree while room allows. Nothing is ever cut: an item that does not fit is left
/// out whole, and the brief says how many were.
extension BriefBuilder {
  /// The printable height of an A4 page, in body lines (8.2 pt type, 1.3 line height, 10 mm
  /// margins), less the masthead. Measured with headless Chromium (e2e/test_print.py).
  static let pageLines = 73.0
  /// Display columns in a line across the page, and in one of two columns.
  static let pageColumns = 124.0
  static let halfColumns = 58.0
  static let roomLimit = 6
  static let questionLimit = 8
  /// A meeting with no attendees recorded says so and names no one.
  static let toBeConfirmed = (
    en: "Participants: to be confirmed (no one is recorded for this meeting yet).", zh: "参会人员：待确认（本次会谈尚未记录客户方参会人员）。"
  )

  func onePage() -> BriefDocument {
    var line = l.t("Prepared ", "生成于 ") + today.description + l.t(" · plan updated ", " · 计划更新于 ") + String(plan.updatedAt.prefix(10))
    if let m = meeting, let date = m.date { line = l.t("Meeting ", "会谈 ") + date + (m.time.map { " " + $0 } ?? "") + " · " + line }
    var budget = Self.pageLines
    var sections: [BriefSection] = []
    func add(_ s: BriefSection?, required: Bool = false) {
      guard let s else { return }
      let cost = Self.cost(s)
      guard required || cost <= budget else { return }
      budget -= cost
      sections.append(s)
    }
    add(meetingSection(), required: true)
    add(roomSection(), required: true)
    add(askSection(), required: true)
    // The objections take what room is left after the negotiation essentials and the
    // competition, one whole item at a time (the first two always).
    let reserve = [essentialsSection(), competitionSection(columns: Self.pageColumns)].compactMap { $0 }.reduce(0) { $0 + Self.cost($1) }
    if let s = objectionsSection(budget: budget - reserve) { add(s, required: true) }
    add(essentialsSection())
    add(competitionSection(columns: Self.pageColumns))
    add(portraitSection())
    add(interestsSection())
    if case .group(let tree)? = relationshipTree() {
      add(BriefSection(id: "tree", title: tree.title, blocks: tree.blocks))
    }
    return BriefDocument(lang: l.lang, title: l.t("Meeting brief: ", "会谈简报：") + plan.name, subtitle: [.quiet(line)], sections: sections, full: false)
  }

  // MARK: sections

  /// Deal facts as fields: the sales stage on the six steps, the size, the close date.
  func dealFields() -> [BriefField] {
    let d = plan.deal
    var fields: [BriefField] = []
    if let stage = d.stage {
      fields.append(
        BriefField(
          labels.field("deal.stage", fallback: l.t("Sales stage", "销售阶段")),
          [.text(labels.option("deal.stage", stage.rawValue)), .quiet(l.t(" (step \(stage.number) of 6)", "（第 \(stage.number)/6 步）"))]))
    }
    if let size = d.sizeText { fields.append(BriefField(labels.field("deal.size", fallback: l.t("Deal size", "商机金额")), [.text(size)])) }
    if let close = d.closeDate { fields.append(BriefField(labels.field("deal.closeDate", fallback: l.t("Expected close", "预计成交")), [.text(close)])) }
    return fields
  }

  func dealSection() -> BriefSection? {
    let fields = dealFields()
    guard !fields.isEmpty else { return nil }
    return BriefSection(id: "deal", title: l.t("Deal", "商机"), blocks: [.fields(fields)])
  }

  func meetingSection() -> BriefSection {
    var fields: [BriefField] = []
    var blocks: [BriefBlock] = []
    if let m = meeting {
      if let o = m.objective, !o.trimmingWhitespace.isEmpty { fields.append(BriefField(l.t("Objective", "会谈目标"), [.strong(o.trimmingWhitespace)])) }
      if !m.ourAttendees.isEmpty { fields.append(BriefField(l.t("Our side", "我方人员"), [.text(m.ourAttendees.joined(separator: l.t("; ", "；")))])) }
      if !m.materials.isEmpty { fields.append(BriefField(l.t("Bring", "携带材料"), [.text(m.materials.joined(separator: l.t("; ", "；")))])) }
      fields += dealFields()
      blocks.append(.fields(fields))
      if !m.agenda.isEmpty {
        blocks.append(.group(BriefGroup(id: "agenda", title: l.t("Agenda", "议程"), blocks: [.numbered(m.agenda.map { [.text($0)] })])))
      }
    } else {
      // No meeting planned yet: the deal in one line, then the open actions the next meeting
      // should move forward.
      let deal = dealFields()
      if !deal.isEmpty {
        blocks.append(.paragraph(deal.enumerated().flatMap { i, f in (i > 0 ? [BriefInline.text(" · ")] : []) + [.quiet(f.label + l.t(" ", "："))] + f.value }))
      }
      let open = ActionsView.order(plan.actions).filter { !plan.actions[$0].done }.prefix(3)
      if !open.isEmpty {
        let items = open.map { i -> [BriefInline] in
          let a = plan.actions[i]
          var item: [BriefInline] = [.text(a.text)]
          if let due = a.due { item.append(.quiet(" · " + due)) }
          if let owner = a.owner, !owner.isEmpty { item.append(.quiet(" · " + owner)) }
          return item
        }
        blocks.append(.paragraph([.strong(l.t("Open actions: ", "待办行动："))] + items.enumerated().flatMap { i, item in (i > 0 ? [BriefInline.text(l.t("; ", "；"))] : []) + item }))
      }
      blocks.append(
        .paragraph([.quiet(l.t("No meeting planned yet: the people, questions and objections below are picked from the plan by priority.", "尚未安排会谈：以下人员、问题和异议按优先级从计划中挑选。"))]))
    }
    return BriefSection(id: "meeting", title: l.t("Objective and agenda", "会谈目标与议程"), blocks: blocks)
  }

  /// The customer's people in the room: the meeting's attendees (none when none are recorded:
  /// never guessed), else — no meeting at all — the most influential stakeholders.
  func roomPeople() -> (shown: [Stakeholder], left: Int) {
    if let ids = meeting?.attendeeIDs {
      let people = ids.compactMap { plan.stakeholder(id: $0) }
      return (Array(people.prefix(Self.roomLimit)), max(0, people.count - Self.roomLimit))
    }
    let ranked = plan.stakeholders.enumerated().sorted { a, b in
      let x = a.element.influence ?? 0
      let y = b.element.influence ?? 0
      return x != y ? x > y : a.offset < b.offset
    }.map(\.element)
    return (Array(ranked.prefix(Self.roomLimit)), max(0, ranked.count - Self.roomLimit))
  }

  func roomSection() -> BriefSection {
    let title = l.t("Who is in the room", "与会者")
    let (people, left) = roomPeople()
    if meeting != nil, people.isEmpty {
      return BriefSection(id: "room", title: title, blocks: [quiet(Self.toBeConfirmed.en, Self.toBeConfirmed.zh)])
    }
    guard !people.isEmpty else { return BriefSection(id: "room", title: title, blocks: [quiet("No one recorded yet.", "尚未记录任何决策者。")]) }
    var t = BriefTable(header: [l.t("Name", "姓名"), l.t("Title and role", "职位与角色"), l.t("Attitude", "态度"), l.t("Cares about", "关注点")], kind: "room")
    for s in people {
      var role: [BriefInline] = []
      if let title = s.title, !title.trimmingWhitespace.isEmpty { role.append(.text(title.trimmingWhitespace + l.t(" · ", " · "))) }
      role.append(.text(s.allRoles.isEmpty ? labels.role(nil) : s.allRoles.map { labels.role($0) }.joined(separator: l.t(" + ", "＋"))))
      var name: [BriefInline] = [.strong(s.name)]
      if let n = s.influence { name.append(.quiet(" " + Self.influence(n))) }
      t.rows.append([name, role, [attitude(s.attitude)], text(s.concerns)])
    }
    var blocks: [BriefBlock] = [.table(t)]
    if left > 0 { blocks.append(quiet("\(left) more stakeholder(s) left out: `export brief --full` lists everyone.", "另有 \(left) 位决策者未列出：`export brief --full` 列出全部。")) }
    return BriefSection(id: "room", title: title, blocks: blocks)
  }

  func askSection() -> BriefSection {
    let title = l.t("Questions to ask", "要问的问题")
    let picked: [PlannedQuestion]
    if let ids = meeting?.questionIDs, !ids.isEmpty {
      picked = ids.compactMap { id in plan.questionPlan.first { $0.id == id } }
    } else {
      // Unasked ones, in the course's order of types: open, leading, verification, value.
      picked = QuestionType.allCases.flatMap { type in plan.questionPlan.filter { $0.type == type && $0.asked != true } }
    }
    guard !picked.isEmpty else { return BriefSection(id: "ask", title: title, blocks: [quiet("No questions planned yet.", "尚未规划任何问题。")]) }
    let shown = picked.prefix(Self.questionLimit)
    var blocks: [BriefBlock] = [.list(shown.map { [.quiet(labels.questionType($0.type) + l.t(" · ", " · ")), .text($0.text.trimmingWhitespace)] })]
    if picked.count > shown.count {
      let left = picked.count - shown.count
      blocks.append(quiet("\(left) more question(s) left out: `export brief --full` lists them all.", "另有 \(left) 个问题未列出：`export brief --full` 列出全部。"))
    }
    return BriefSection(id: "ask", title: title, blocks: blocks)
  }

  /// One objection with the lines to say, every line whole.
  func objectionGroup(_ i: Int) -> BriefGroup {
    let o = plan.objections[i]
    var quote: [BriefInline] = [.text("“" + o.statement.trimmingWhitespace + "”")]
    if let by = o.raisedBy, !by.trimmingWhitespace.isEmpty { quote.append(.quiet(" — " + by)) }
    // Each step's name leads its line, so the lines take the column's whole width.
    var lines: [[BriefInline]] = []
    for step in LSCPAStep.allCases {
      var line: [BriefInline] = [.strong(labels.step(step) + l.t(": ", "："))]
      line += text(o.lscpa[step])
      if step == .process, !o.strategies.isEmpty {
        line.append(.quiet(l.t(" (", "（") + o.strategies.map { labels.strategy($0, in: o.category) }.joined(separator: l.t(", ", "、")) + l.t(")", "）")))
      }
      lines.append(line)
    }
    return BriefGroup(id: "objection-\(i + 1)", title: "#\(i + 1) " + labels.category(o.category), blocks: [.quote(quote), .list(lines)])
  }

  func objectionsSection(budget: Double) -> BriefSection? {
    let title = l.t("Likely objections and the lines to say", "可能的异议与应对话术")
    let order: [Int]
    if let ids = meeting?.objectionIDs, !ids.isEmpty {
      order = ids.compactMap { id in plan.objections.firstIndex { $0.id == id } }
    } else {
      order = plan.objections.indices.filter { plan.objections[$0].status == .open }
    }
    guard !order.isEmpty else { return nil }
    // Two objections sit side by side: a pair costs its taller one.
    var groups: [BriefGroup] = []
    var used = 2.0
    var pending: Double? = nil
    for i in order {
      let g = objectionGroup(i)
      let c = Self.cost(.group(g), columns: Self.halfColumns)
      let extra = pending.map { max(0, c - $0) } ?? c
      if groups.count >= 2, used + extra > budget { break }
      used += extra
      pending = pending == nil ? c : nil
      groups.append(g)
    }
    var blocks = groups.map { BriefBlock.group($0) }
    let left = order.count - groups.count
    if left > 0 {
      blocks.append(
        quiet(
          "\(left) more objection(s) left out to keep to one page: `export brief --full` has every one.",
          "为保持一页，另有 \(left) 条异议未列出：`export brief --full` 包含全部。"))
    }
    return BriefSection(id: "objections", title: title, blocks: blocks)
  }

  func essentialsSection() -> BriefSection? {
    let started = !n.objectives.isEmpty || !n.batna.ours.isEmpty || !n.batna.theirs.isEmpty || !n.concessions.isEmpty
    guard started else { return nil }
    var blocks: [BriefBlock] = []
    if !n.objectives.isEmpty {
      var goals = BriefTable(
        header: [l.t("Term", "条款"), l.t("Best", "最佳"), l.t("Expected", "期望"), l.t("Walk-away", "底线"), l.t("Unit", "单位"), l.t("Type", "类型")], numeric: [1, 2, 3],
        kind: "goals")
      for o in n.objectives {
        let flex: BriefInline = o.flexibility.map { $0 == .core ? .strong(l.t("core", "核心")) : .text(l.t("flexible", "可让步")) } ?? .quiet("—")
        goals.rows.append([[.text(labels.term(o))], termValue(o.best), termValue(o.expected), termValue(o.walkAway), text(unit(o)), [flex]])
      }
      blocks.append(.table(goals))
    }
    var fields: [BriefField] = []
    func side(_ s: BATNASide) -> [BriefInline] {
      var out = text(s.description)
      if let v = s.value { out.append(.quiet(l.t(" (worth about ", "（约合 ") + Blocks.number(v) + l.t(")", "）"))) }
      return out
    }
    if !n.batna.ours.isEmpty { fields.append(BriefField(l.t("Our BATNA", "我方 BATNA"), side(n.batna.ours))) }
    if !n.batna.theirs.isEmpty { fields.append(BriefField(l.t("Their BATNA", "对方 BATNA"), side(n.batna.theirs))) }
    if case .paragraph(let words)? = zopa().first {
      // The figures are in the table above: the zone (or its absence) is what to carry in.
      let zone = words.filter { if case .tone = $0 { return true } else { return false } }
      fields.append(BriefField("ZOPA", zone.isEmpty ? words : zone))
    }
    let rungs = n.ladder
    if !rungs.isEmpty {
      let steps = rungs.enumerated().map { i, c -> String in
        let get = (c.get ?? "").trimmingWhitespace
        return "\(i + 1). " + (c.give ?? "—") + " → " + (get.isEmpty ? l.t("(nothing asked)", "（未要求回报）") : get)
      }
      fields.append(BriefField(l.t("Concessions", "让步顺序"), [.text(steps.joined(separator: l.t("; ", "；")))]))
    }
    if !fields.isEmpty { blocks.append(.fields(fields)) }
    return BriefSection(id: "negotiation", title: l.t("Negotiation essentials", "谈判要点"), blocks: blocks)
  }

  func competitionSection(columns: Double = BriefBuilder.pageColumns) -> BriefSection? {
    guard !plan.deal.competitors.isEmpty else { return nil }
    var t = BriefTable(
      header: [l.t("Competitor", "竞争对手"), l.t("Their strengths", "对方优势"), l.t("Their weaknesses", "对方劣势"), l.t("Our position", "我方地位")], kind: "competition")
    for c in plan.deal.competitors { t.rows.append([[.strong(c.name)], text(c.strengths), text(c.weaknesses), text(c.ourPosition)]) }
    return BriefSection(id: "competition", title: l.t("Competition", "竞争态势"), blocks: [.table(t)])
  }

  func portraitSection() -> BriefSection? {
    let answers = PortraitArea.allCases.compactMap { area in
      plan.account.portrait.answers[area].flatMap { $0.trimmingWhitespace.isEmpty ? nil : BriefField(labels.portrait(area), text($0)) }
    }
    guard !answers.isEmpty else { return nil }
    return BriefSection(id: "portrait", title: l.t("Account portrait", "客户画像"), blocks: [.fields(answers)])
  }

  func interestsSection() -> BriefSection? {
    guard !n.interests.isEmpty else { return nil }
    var t = BriefTable(header: [l.t("Stakeholder", "决策者"), l.t("Position (what they say)", "立场（表面诉求）"), l.t("Interest (what they need)", "利益（根本需求）")], kind: "interests")
    for i in n.interests { t.rows.append([[.strong(i.stakeholder)], text(i.position), text(i.interest)]) }
    var blocks: [BriefBlock] = [.table(t)]
    if !n.commonInterests.isEmpty { blocks.append(.paragraph([.strong(l.t("Common interests: ", "共同利益："))] + text(n.commonInterests.joined(separator: l.t("; ", "；"))))) }
    return BriefSection(id: "interests", title: l.t("Positions and interests", "立场与利益"), blocks: blocks)
  }

  /// The reporting lines and influence as lines of text (full brief), when any are recorded.
  func relationshipTree() -> BriefBlock? {
    let tree = RelationshipTree(plan: plan, labels: labels)
    guard tree.hasLinks else { return nil }
    var items: [[BriefInline]] = []
    for row in tree.rows() {
      let s = plan.stakeholders[row.index]
      // Non-breaking spaces keep the drawing's indent in HTML.
      var item: [BriefInline] = [.quiet(row.branch.replacingAll(" ", with: "\u{00A0}")), .strong(s.name)]
      let facts = tree.facts(s)
      if !facts.isEmpty { item.append(.quiet(" — " + facts)) }
      items.append(item)
    }
    for (from, to) in tree.influenceLines() { items.append([.strong(from), .text(" → " + to.joined(separator: l.t(", ", "、")))]) }
    return .group(
      BriefGroup(
        id: "tree", title: l.t("Reporting lines and influence", "汇报关系与影响"),
        blocks: [.paragraph(items.enumerated().flatMap { i, item in (i > 0 ? [BriefInline.lineBreak] : []) + item })]))
  }

  // MARK: estimating the printed height

  static func width(_ inlines: [BriefInline]) -> Double { Double(DisplayWidth.of(inlines.plainText)) }

  static func lines(_ inlines: [BriefInline], _ columns: Double) -> Double {
    var total = 0.0
    var run: [BriefInline] = []
    for piece in inlines + [.lineBreak] {
      if case .lineBreak = piece {
        total += max(1, (width(run) / columns).rounded(.up))
        run = []
      } else {
        run.append(piece)
      }
    }
    return total
  }

  static func cost(_ block: BriefBlock, columns: Double) -> Double {
    switch block {
    case .paragraph(let inlines): return lines(inlines, columns) + 0.3
    case .quote(let inlines): return lines(inlines, columns - 4) + 0.5
    case .list(let items), .numbered(let items): return items.reduce(0.2) { $0 + lines($1, columns - 3) + 0.1 }
    case .fields(let fields): return fields.reduce(0.2) { $0 + lines($1.value, columns * 0.8) + 0.15 }
    case .group(let g): return g.blocks.reduce(1.4) { $0 + cost($1, columns: columns) }
    case .table(let t):
      // Each column gets a share of the width in proportion to its widest cell, at least its header.
      let n = max(1, t.header.count)
      var widest = t.header.map { Double(DisplayWidth.of($0)) }
      for row in t.rows { for (i, cell) in row.enumerated() where i < n { widest[i] = max(widest[i], min(width(cell), columns)) } }
      let sum = max(1, widest.reduce(0, +))
      let share = widest.map { max(4, columns * $0 / sum) }
      var total = 1.4
      for row in t.rows {
        total += row.enumerated().map { i, cell in i < n ? lines(cell, share[i] - 1.5) : 1 }.max() ?? 1
        total += 0.2
      }
      return total
    case .bars(let bars): return Double(bars.count) * 1.6
    case .zopa: return 3
    }
  }

  static func cost(_ section: BriefSection) -> Double {
    let columns = section.id == "objections" ? halfColumns : pageColumns
    if section.id == "objections" {
      // Side by side in pairs: each pair costs its taller group.
      var total = 2.0
      var pending: Double? = nil
      for block in section.blocks {
        let c = cost(block, columns: columns)
        if case .group = block {
          if let p = pending {
            total += max(0, c - p)
            pending = nil
          } else {
            total += c
            pending = c
          }
        } else {
          total += cost(block, columns: pageColumns)
        }
      }
      return total
    }
    return section.blocks.reduce(2.0) { $0 + cost($1, columns: columns) }
  }
}

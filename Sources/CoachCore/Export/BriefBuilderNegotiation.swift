/// The second half of the brief: objections with their LSCPA lines, the negotiation summary,
/// open findings and next actions.
extension BriefBuilder {
  // MARK: objections

  func objections() -> BriefSection {
    let title = l.t("Objections and planned answers (LSCPA)", "异议与应对（LSCPA）")
    guard !plan.objections.isEmpty else {
      return BriefSection(id: "objections", title: title, blocks: [quiet("No objections logged yet.", "尚未记录任何异议。")])
    }
    // Open ones first, each group in the order they were logged; numbers are the plan's own.
    let order = plan.objections.indices.sorted { a, b in
      let x = plan.objections[a].status == .open
      let y = plan.objections[b].status == .open
      return x != y ? x : a < b
    }
    let shown = full ? order : Array(order.prefix(Self.objectionLimit))
    var blocks: [BriefBlock] = []
    for i in shown {
      let o = plan.objections[i]
      let status = o.status == .open ? l.t("open", "未解决") : l.t("resolved", "已解决")
      var quote = text(o.statement)
      quote.insert(.text("“"), at: 0)
      quote.append(.text("”"))
      if let by = o.raisedBy, !by.trimmingWhitespace.isEmpty { quote.append(.quiet(" — " + by)) }
      // In the one-page brief a resolved objection is only named: its lines are done with.
      guard full || o.status == .open else {
        blocks.append(.group(BriefGroup(id: "objection-\(i + 1)", title: "#\(i + 1) " + labels.category(o.category), note: status, blocks: [.quote(quote)])))
        continue
      }
      var fields: [BriefField] = []
      for step in LSCPAStep.allCases {
        if step == .process, !o.strategies.isEmpty {
          let names = o.strategies.map { labels.strategy($0, in: o.category) }.joined(separator: l.t(", ", "、"))
          fields.append(BriefField(l.t("Strategies", "策略"), [.text(names)]))
        }
        fields.append(BriefField(labels.step(step), text(o.lscpa[step])))
      }
      blocks.append(
        .group(
          BriefGroup(
            id: "objection-\(i + 1)", title: "#\(i + 1) " + labels.category(o.category), note: status,
            blocks: [.quote(quote), .fields(fields)])))
    }
    if shown.count < order.count {
      let more = order.count - shown.count
      blocks.append(quiet("… and \(more) more in the full version (`--full`).", "……另有 \(more) 条，见完整版（`--full`）。"))
    }
    return BriefSection(id: "objections", title: title, blocks: blocks)
  }

  // MARK: negotiation

  var n: Negotiation { plan.negotiation }

  func termValue(_ v: TermValue?) -> [BriefInline] {
    switch v {
    case .number(let x)?: return [.text(Blocks.number(x))]
    case .text(let s)?: return text(s, width: 30)
    case nil: return [.quiet("—")]
    }
  }

  func unit(_ o: Objective) -> String? {
    if let u = o.unit, !u.isEmpty { return u }
    return labels.book?.term(o.term)?.unit
  }

  func negotiation() -> BriefSection {
    let title = l.t("Negotiation", "谈判准备")
    let started =
      !n.objectives.isEmpty || !n.batna.ours.isEmpty || !n.batna.theirs.isEmpty || !n.interests.isEmpty
      || !n.concessions.isEmpty || !n.team.isEmpty
    guard started else {
      return BriefSection(id: "negotiation", title: title, blocks: [quiet("Not prepared yet.", "尚未准备。")])
    }
    var blocks: [BriefBlock] = []
    func group(_ id: String, _ title: String, _ content: [BriefBlock]) { blocks.append(.group(BriefGroup(id: id, title: title, blocks: content))) }

    var goalBlocks: [BriefBlock] = []
    if n.objectives.isEmpty {
      goalBlocks.append(.paragraph([.quiet("—")]))
    } else {
      var goals = BriefTable(
        header: [
          l.t("Term", "条款"), l.t("Best", "最佳"), l.t("Expected", "期望"), l.t("Walk-away", "底线"),
          l.t("Unit", "单位"), l.t("Better", "更优方向"), l.t("Type", "类型"),
        ], numeric: [1, 2, 3], kind: "goals")
      for o in n.objectives {
        let better = o.better ?? labels.book?.term(o.term)?.better
        let flex: BriefInline = o.flexibility.map { $0 == .core ? .strong(l.t("core", "核心")) : .text(l.t("flexible", "可让步")) } ?? .quiet("—")
        goals.rows.append([
          [o.flexibility == .core ? .strong(labels.term(o)) : .text(labels.term(o))],
          termValue(o.best), termValue(o.expected), termValue(o.walkAway),
          text(unit(o), width: 16), [better.map { .text($0 == .higher ? l.t("↑ higher", "↑ 越高越好") : l.t("↓ lower", "↓ 越低越好")) } ?? .quiet("—")],
          [flex],
        ])
      }
      goalBlocks.append(.table(goals))
      if full {
        let notes = n.objectives.filter { !($0.note ?? "").trimmingWhitespace.isEmpty }
        if !notes.isEmpty { goalBlocks.append(.fields(notes.map { BriefField(labels.term($0), text($0.note)) })) }
      }
    }
    group("goals", l.t("Goals", "谈判目标"), goalBlocks)

    func side(_ s: BATNASide) -> [BriefInline] {
      var out = text(s.description)
      if let v = s.value { out.append(.quiet(l.t(" (worth about ", "（约合 ") + Blocks.number(v) + l.t(")", "）"))) }
      return out
    }
    group("batna", "BATNA", [.fields([BriefField(l.t("Ours", "我方"), side(n.batna.ours)), BriefField(l.t("Theirs (our estimate)", "对方（我方估计）"), side(n.batna.theirs))])])
    group("zopa", "ZOPA", zopa())

    if full {
      var interestBlocks: [BriefBlock] = []
      if n.interests.isEmpty && n.commonInterests.isEmpty { interestBlocks.append(.paragraph([.quiet("—")])) }
      if !n.interests.isEmpty {
        var t = BriefTable(header: [l.t("Stakeholder", "决策者"), l.t("Position (what they say)", "立场（表面诉求）"), l.t("Interest (what they need)", "利益（根本需求）")])
        for i in n.interests { t.rows.append([[.strong(i.stakeholder)], text(i.position), text(i.interest)]) }
        interestBlocks.append(.table(t))
      }
      if !n.commonInterests.isEmpty {
        interestBlocks.append(.paragraph([.strong(l.t("Common interests: ", "共同利益："))] + text(n.commonInterests.joined(separator: l.t("; ", "；")))))
      }
      group("interests", l.t("Interests", "对方利益点"), interestBlocks)
    }

    group("ladder", l.t("Concession ladder", "让步阶梯"), ladder())
    group(
      "team", l.t("Team", "谈判团队"),
      n.team.isEmpty ? [.paragraph([.quiet("—")])] : [.fields(n.team.map { BriefField(labels.teamRole($0.role), text($0.name, width: 40)) })])
    return BriefSection(id: "negotiation", title: title, blocks: blocks)
  }

  /// The ZOPA on price in words (and the marks for the HTML picture).
  func zopa() -> [BriefBlock] {
    guard let price = n.objectives.first(where: { $0.term == .price }), let w = price.walkAway?.number else {
      return [quiet("No walk-away set on price, so no ZOPA yet.", "价格尚未设定底线，因此还没有 ZOPA。")]
    }
    let better = price.better ?? labels.book?.term(.price)?.better ?? .higher
    let e = price.expected?.number
    let b = price.best?.number
    let t = n.batna.theirs.value
    let unitText = unit(price).map { " " + $0 } ?? ""
    var words: [BriefInline] = [
      .strong(labels.term(price) + l.t(": ", "：")),
      .text(l.t("walk-away ", "底线 ") + Blocks.number(w) + unitText),
    ]
    var marks = [BriefZOPA.Mark(key: "W", label: l.t("walk-away", "底线"), value: w)]
    if let e {
      words.append(.text(l.t(" · expected ", " · 期望 ") + Blocks.number(e)))
      marks.append(.init(key: "E", label: l.t("expected", "期望"), value: e))
    }
    if let b {
      words.append(.text(l.t(" · best ", " · 最佳 ") + Blocks.number(b)))
      marks.append(.init(key: "B", label: l.t("best", "最佳"), value: b))
    }
    words.append(.text(l.t(" (", "（")))
    words.append(.quiet(better == .higher ? l.t("higher is better for us", "越高对我方越好") : l.t("lower is better for us", "越低对我方越好")))
    words.append(.text(l.t("). ", "）。")))
    var zone: (Double, Double)? = nil
    if let t {
      marks.append(.init(key: "T", label: l.t("their limit", "对方极限"), value: t))
      words.append(.text(l.t("Their limit (the value of their BATNA, our estimate): ", "对方极限（对方 BATNA 的价值，我方估计）：") + Blocks.number(t) + l.t(". ", "。")))
      let (low, high) = better == .higher ? (w, t) : (t, w)
      if low <= high {
        zone = (low, high)
        words.append(.tone(l.t("Zone of possible agreement: ", "可达成协议区间：") + Blocks.number(low) + " – " + Blocks.number(high) + unitText + l.t(".", "。"), .good))
      } else {
        words.append(.tone(l.t("No zone of agreement: our walk-away is worse for them than their alternative.", "不存在协议区间：我方底线对对方而言比其替代方案更差。"), .bad))
      }
    } else {
      words.append(.tone(l.t("Their limit is unknown: estimate the value of their BATNA to see the ZOPA.", "对方极限未知：估计对方 BATNA 的价值即可看到 ZOPA。"), .warn))
    }
    return [.paragraph(words), .zopa(BriefZOPA(marks: marks, zone: zone))]
  }

  /// The concession ladder as a table, with the totals and the room on price.
  func ladder() -> [BriefBlock] {
    let rungs = n.ladder
    guard !rungs.isEmpty else { return [.paragraph([.quiet("—")])] }
    var t = BriefTable(
      header: ["#", l.t("We give", "我方让出"), l.t("We ask in return", "换取"), l.t("Cost to us", "我方成本"), l.t("Value to them", "对方价值")],
      numeric: [0, 3, 4], kind: "ladder")
    func amount(_ v: Double?) -> [BriefInline] { v.map { [.text(Blocks.number($0))] } ?? [.quiet("—")] }
    for (i, c) in rungs.enumerated() {
      let get = (c.get ?? "").trimmingWhitespace
      t.rows.append([
        [.text("\(i + 1)")], text(c.give, width: 60),
        get.isEmpty ? [.tone(l.t("nothing asked in return", "未要求任何回报"), .bad)] : text(get, width: 60),
        amount(c.costToUs), amount(c.valueToThem),
      ])
    }
    let cost = rungs.compactMap(\.costToUs).reduce(0, +)
    let value = rungs.compactMap(\.valueToThem).reduce(0, +)
    t.footer = [[], [.strong(l.t("Total", "合计"))], [], [.strong(Blocks.number(cost))], [.strong(Blocks.number(value))]]
    var blocks: [BriefBlock] = [.table(t)]
    if let room = NegotiationMath.room(n) {
      let text =
        l.t("Room on price (expected − walk-away): ", "价格可让空间（期望 − 底线）：") + Blocks.number(room)
        + l.t("; the ladder gives away ", "；阶梯共让出 ") + Blocks.number(cost) + l.t(".", "。")
      blocks.append(.paragraph([cost > room ? .tone(text, .bad) : .text(text)]))
    }
    return blocks
  }

  // MARK: findings and actions

  func openFindings() -> BriefSection {
    let title = l.t("Open findings", "待处理的检查发现")
    guard !findings.isEmpty else {
      return BriefSection(
        id: "findings", title: title, blocks: [.paragraph([.tone(l.t("Nothing to flag: the plan covers what the method asks for.", "没有需要提示的问题：计划已覆盖方法要求的内容。"), .good)])])
    }
    let shown = full ? findings : Array(findings.prefix(Self.findingLimit))
    var items: [[BriefInline]] = shown.map { f -> [BriefInline] in
      var item: [BriefInline] = [f.severity == .warning ? .tone("⚠ ", .warn) : .quiet("· "), .text(f.message)]
      if let name = f.values["name"], !name.isEmpty, !f.message.contains(name) { item.append(.strong(" " + name)) }
      item.append(.quiet(" (" + f.id + ")"))
      return item
    }
    if shown.count < findings.count {
      let more = findings.count - shown.count
      items.append([.quiet(l.t("… and \(more) more: `check` lists them all.", "……还有 \(more) 条：用 `check` 查看全部。"))])
    }
    return BriefSection(id: "findings", title: title, blocks: [.list(items)])
  }

  /// Open actions by due date (undated last), overdue ones marked; the full version adds done ones.
  func nextActions() -> BriefSection {
    let title = l.t("Next actions", "下一步行动")
    let order = ActionsView.order(plan.actions).filter { full || !plan.actions[$0].done }
    guard !order.isEmpty else {
      return BriefSection(id: "actions", title: title, blocks: [quiet("No open actions.", "没有待办行动。")])
    }
    var t = BriefTable(header: [l.t("Due", "截止"), l.t("Action", "行动"), l.t("Owner", "负责人"), l.t("Status", "状态")], kind: "actions")
    for i in order {
      let a = plan.actions[i]
      let due = a.due.flatMap(CalendarDay.init)
      let status: BriefInline
      if a.done {
        status = .quiet(l.t("done", "已完成"))
      } else if let due, due < today {
        let days = today.daysSinceEpoch - due.daysSinceEpoch
        status = .tone(l.t("overdue \(days) d", "逾期 \(days) 天"), .bad)
      } else {
        status = .text(l.t("open", "待办"))
      }
      let overdue = !a.done && (due.map { $0 < today } ?? false)
      t.rows.append([[overdue ? .tone(a.due ?? "—", .bad) : .text(a.due ?? "—")], text(a.text, width: 90), text(a.owner, width: 24), [status]])
    }
    return BriefSection(id: "actions", title: title, blocks: [.table(t)])
  }
}

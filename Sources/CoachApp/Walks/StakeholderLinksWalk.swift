import CoachCore

/// `stakeholders links NAME`: the deeper relationship map for one person — the other roles they
/// hold, whom they report to and sway (names typed, stakeholder ids stored), who on our side
/// owns the relationship and when we last spoke. The playbook's `stakeholder-links` walk.
enum StakeholderLinksWalk {
  static func begin(index: Int, in session: Session) throws(CommandError) {
    let l = session.l
    let book = try session.playbook()
    guard let walk = book.walks["stakeholder-links"], let plan = session.current?.plan else { throw session.missingWalk("stakeholder-links") }
    let labels = Labels(book, l)
    let personID = plan.stakeholders[index].id
    func position(_ plan: AccountPlan) -> Int? { plan.stakeholders.firstIndex { $0.id == personID } ?? (index < plan.stakeholders.count ? index : nil) }
    var answers: [String: AnswerValue] = [:]
    let input = RelationshipInput(plan: plan, index: index, labels: labels)
    for p in walk.prompts {
      if let a = plan.stakeholders[index].read(p.itemField) { answers[p.id] = input.display(p.itemField, a) }
    }
    let context = l.t("Relationship map", "关系图谱") + l.colon + plan.stakeholders[index].name
    let binding = WalkBinding(
      apply: { prompt, value, plan, time in
        guard let i = position(plan) else { return }
        var stored = value
        if RelationshipInput.resolvedFields.contains(prompt.itemField),
          case .success(let v) = RelationshipInput(plan: plan, index: i, labels: labels).resolve(prompt.itemField, value)
        {
          stored = v
        }
        plan.stakeholders[i].apply(prompt.itemField, stored, at: time)
      },
      validate: { prompt, value, plan in
        guard let i = position(plan), RelationshipInput.resolvedFields.contains(prompt.itemField) else { return nil }
        if case .failure(let e) = RelationshipInput(plan: plan, index: i, labels: labels).resolve(prompt.itemField, value) { return e.message }
        return nil
      },
      describe: { prompt in l.t("Relationship map: ", "关系图谱：") + prompt.shortLabel })
    let engine = WalkEngine(walk: walk, answers: answers, context: context, l: l)
    session.begin(
      WalkFlow(engine: engine, binding: binding) { _, context in
        guard let plan = context.plan else { return [] }
        let tree = RelationshipTree(plan: plan, labels: labels, width: context.width).render()
        return [
          .say("\n" + tree),
          .say(
            StyledText(
              l.t("`stakeholders` shows everyone; `check` flags influential people without an owner or contact.", "用 `stakeholders` 查看所有人；`check` 会提示没有负责人或久未联系的关键人物。"), .dim)),
        ]
      })
  }
}

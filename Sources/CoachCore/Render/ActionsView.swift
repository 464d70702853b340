/// Next actions as a table, by due date, with overdue ones marked when today is known.
public struct ActionsView {
  public let actions: [Action]
  public let today: CalendarDay?
  public let labels: Labels
  public let width: Int

  public init(actions: [Action], today: CalendarDay?, labels: Labels, width: Int) {
    self.actions = actions
    self.today = today
    self.labels = labels
    self.width = width
  }

  /// Indexes into `actions`, open ones first by due date (undated last), then done ones.
  public static func order(_ actions: [Action]) -> [Int] {
    actions.indices.sorted { a, b in
      let x = actions[a]
      let y = actions[b]
      if x.done != y.done { return !x.done }
      switch (x.due.flatMap(CalendarDay.init), y.due.flatMap(CalendarDay.init)) {
      case (let d1?, let d2?) where d1 != d2: return d1 < d2
      case (_?, nil): return true
      case (nil, _?): return false
      default: return a < b
      }
    }
  }

  public func isOverdue(_ action: Action) -> Bool {
    guard !action.done, let today, let due = action.due.flatMap(CalendarDay.init) else { return false }
    return due < today
  }

  public func table() -> StyledText {
    let l = labels.l
    var t = TextTable(columns: [
      .init("#", alignment: .right, minWidth: 2), .init(l.t("Due", "截止"), minWidth: 10),
      .init(l.t("Action", "行动"), minWidth: 16), .init(l.t("Owner", "负责人")), .init(l.t("Status", "状态")),
    ])
    for i in Self.order(actions) {
      let a = actions[i]
      let overdue = isOverdue(a)
      let status = a.done ? l.t("done", "已完成") : overdue ? l.t("overdue", "已逾期") : l.t("open", "待办")
      t.add(["\(i + 1)", a.due ?? "—", a.text, a.owner ?? "—", status], style: a.done ? .dim : overdue ? .bad : .plain)
    }
    return t.render(width: width - 2).indented("  ")
  }
}

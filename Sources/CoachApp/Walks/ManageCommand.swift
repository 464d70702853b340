import ArgumentParser
import CoachCore

/// `manage`: keeping a won account (course part 5). Alone, the service set-up walk; with a
/// word, a walk that logs one thing, or a change to something logged.
struct ManageCommand: SessionCommand {
  static let configuration = CommandConfiguration(
    commandName: "manage", abstract: "Keep a won account: service set-up, touchpoints, satisfaction, issues, purchases, crises, growth.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "touch, nps, csat, issue, purchase, growth, improve or crisis") var part: String?
  @Argument(parsing: .allUnrecognized, help: "For issue: responded|resolved N [TIME]; growth N STATUS; improve N STATUS; crisis N | close N [DATE].") var words: [String] = []

  /// The words after `manage` (for Tab and for "did you mean").
  static let words = ["touch", "nps", "csat", "issue", "purchase", "growth", "improve", "crisis"]

  /// What Tab offers after `manage PART` (words[1]) at `position`: `issue responded|resolved`,
  /// `crisis close|new`, `growth N STATUS`, `improve N STATUS`.
  static func nextWords(_ words: [String], position: Int) -> [String] {
    guard words.count > 1 else { return [] }
    switch (words[1].lowercased(), position) {
    case ("issue", 2): return ["responded", "resolved"]
    case ("crisis", 2): return ["close", "new"]
    case ("growth", 3): return GrowthStatus.allCases.map(\.rawValue)
    case ("improve", 3): return ImprovementStatus.allCases.map(\.rawValue)
    default: return []
    }
  }

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    let plan = try session.requireWritablePlan()
    switch part?.lowercased() {
    case nil: session.begin(ManagementFlows.setUp(plan, walk: try walk("manage", session), l: l))
    case "touch", "touchpoint", "visit": session.begin(ManagementFlows.touchpoint(walk: try walk("manage-touch", session), l: l))
    case "nps": session.begin(ManagementFlows.nps(walk: try walk("manage-nps", session), l: l))
    case "csat": session.begin(ManagementFlows.csat(walk: try walk("manage-csat", session), l: l))
    case "purchase", "order": session.begin(ManagementFlows.purchase(walk: try walk("manage-purchase", session), l: l))
    case "issue", "complaint":
      if words.isEmpty {
        return session.begin(
          ManagementFlows.issue(walk: try walk("manage-issue", session), l: l, today: session.clock.today, now: session.now, agreed: plan.management))
      }
      try issueTime(plan, session)
    case "growth":
      if words.isEmpty { return session.begin(ManagementFlows.growth(walk: try walk("manage-growth", session), l: l)) }
      try growthStatus(plan, session)
    case "improve", "improvement":
      if words.isEmpty { return session.begin(ManagementFlows.improvement(walk: try walk("manage-improve", session), l: l)) }
      try improvementStatus(plan, session)
    case "crisis": try crisis(plan, session)
    case let other?:
      throw CommandError(
        StyledText(
          l.t(
            "Unknown part ‘\(other)’: use `manage` alone for the service set-up, or `manage touch|nps|csat|issue|purchase|growth|improve|crisis`.",
            "未知部分 ‘\(other)’：单独输入 `manage` 设置服务体系，或使用 `manage touch|nps|csat|issue|purchase|growth|improve|crisis`。")
            + NearestWord.hint(other, among: ManageCommand.words, l)), exitCode: ExitStatus.usage)
    }
  }

  /// The playbook's management walk `id` (its words; ManagementFlows binds the answers).
  func walk(_ id: String, _ session: Session) throws(CommandError) -> Walk {
    guard let walk = try session.playbook().walks[id] else { throw session.missingWalk(id) }
    return walk
  }

  /// The item number `words[at]` names in a list of `count` (1-based), or a usage error.
  func number(_ at: Int, of count: Int, _ example: String, _ session: Session) throws(CommandError) -> Int {
    let l = session.l
    guard at < words.count, let n = Int(words[at]), count > 0, (1...count).contains(n) else {
      throw CommandError(
        StyledText(l.t("Give the item's number from `show management`, e.g. `\(example)`.", "请写出 `show management` 中的编号，例如 `\(example)`。")), exitCode: ExitStatus.usage)
    }
    return n
  }

  /// `manage issue responded|resolved N [TIME]`.
  func issueTime(_ plan: AccountPlan, _ session: Session) throws(CommandError) {
    let l = session.l
    let which = words[0].lowercased()
    guard ["responded", "resolved"].contains(which) else {
      throw CommandError(
        StyledText(
          l.t(
            "Use `manage issue` to log one, or `manage issue responded N [TIME]` / `manage issue resolved N [TIME]`.",
            "用 `manage issue` 记录问题，或用 `manage issue responded 编号 [时间]` / `manage issue resolved 编号 [时间]`。")
            + NearestWord.hint(which, among: ["responded", "resolved"], l)), exitCode: ExitStatus.usage)
    }
    let n = try number(1, of: plan.management.issues.count, "manage issue \(which) 1", session)
    let issue = plan.management.issues[n - 1]
    let typed = words.dropFirst(2).joined(separator: " ")
    let time: Timestamp
    switch ManagementParsing.moment(typed, today: session.clock.today, now: session.now) {
    case .at(let t): time = t
    case .ambiguous(let a, let b):
      throw CommandError(
        StyledText(
          l.t(
            "‘\(typed)’ can be \(ManagementParsing.describe(a)) or \(ManagementParsing.describe(b)); write the date as YYYY-MM-DD.",
            "‘\(typed)’ 可能是 \(ManagementParsing.describe(a)) 或 \(ManagementParsing.describe(b))；请按 YYYY-MM-DD 写日期。")), exitCode: ExitStatus.usage)
    case .invalid:
      throw CommandError(
        StyledText(l.t("‘\(typed)’ is not a time: type e.g. 2026-11-20 14:30, yesterday 9:00 or 14:30.", "‘\(typed)’ 不是有效时间：请输入例如 2026-11-20 14:30、昨天 9:00 或 14:30。")),
        exitCode: ExitStatus.usage)
    }
    if let opened = Timestamp(iso8601: issue.openedAt), time < opened {
      throw CommandError(
        StyledText(l.t("That is before the issue was raised (\(Blocks.time(issue.openedAt))).", "这早于问题提出的时间（\(Blocks.time(issue.openedAt))）。")), exitCode: ExitStatus.usage)
    }
    if time > session.now {
      throw CommandError(StyledText(l.t("‘\(typed)’ is in the future.", "‘\(typed)’ 是将来的时间。")), exitCode: ExitStatus.usage)
    }
    let resolved = which == "resolved"
    try session.change(resolved ? l.t("issue \(n) resolved", "问题 \(n) 已解决") : l.t("issue \(n) responded", "问题 \(n) 已响应")) {
      if resolved { $0.management.issues[n - 1].resolvedAt = time.description } else { $0.management.issues[n - 1].respondedAt = time.description }
    }
    let level = plan.management.responseLevel(issue.level)
    let opened = Timestamp(iso8601: issue.openedAt)?.secondsSinceEpoch ?? time.secondsSinceEpoch
    let limit = (resolved ? level.resolveHours : level.respondHours)
    let took = max(0, time.secondsSinceEpoch - opened) / 60
    let tookText = took >= 60 ? l.t("\(took / 60) h \(took % 60) min", "\(took / 60)小时\(took % 60)分钟") : l.t("\(took) min", "\(took)分钟")
    let within = took <= limit * 60
    let verdict =
      within
      ? l.t(" — within the \(ManagementNames.hours(limit, l)) of level \(issue.level).", "——在\(issue.level)级的\(ManagementNames.hours(limit, l))时限内。")
      : l.t(" — over the \(ManagementNames.hours(limit, l)) of level \(issue.level).", "——超过了\(issue.level)级的\(ManagementNames.hours(limit, l))时限。")
    session.acknowledge(
      StyledText(
        (resolved
          ? l.t("Issue #\(n) resolved at \(ManagementParsing.describe(time)), after \(tookText)", "问题 #\(n) 于 \(ManagementParsing.describe(time)) 解决，用时 \(tookText)")
          : l.t("Issue #\(n) responded to at \(ManagementParsing.describe(time)), after \(tookText)", "问题 #\(n) 于 \(ManagementParsing.describe(time)) 响应，用时 \(tookText)"))
          + verdict,
        within ? .good : .warn))
  }

  /// `manage growth N idea|pursuing|won|lost`.
  func growthStatus(_ plan: AccountPlan, _ session: Session) throws(CommandError) {
    let l = session.l
    let n = try number(0, of: plan.management.growth.count, "manage growth 1 pursuing", session)
    guard words.count == 2, let status = GrowthStatus(rawValue: words[1].lowercased()) else {
      throw CommandError(
        StyledText(
          l.t("Give a status: idea, pursuing, won or lost, e.g. `manage growth \(n) won`.", "请写出状态：idea、pursuing、won 或 lost，例如 `manage growth \(n) won`。")
            + statusHint(GrowthStatus.allCases.map(\.rawValue), l)), exitCode: ExitStatus.usage)
    }
    try session.change(l.t("growth \(n): \(status.rawValue)", "价值提升 \(n)：\(ManagementNames.growthStatus(status, l))")) { $0.management.growth[n - 1].status = status }
    session.acknowledge(
      StyledText(l.t("Opportunity #\(n) is now \(ManagementNames.growthStatus(status, l)).", "机会 #\(n) 的状态已改为\(ManagementNames.growthStatus(status, l))。"), .good))
  }

  /// "Did you mean …?" for a mistyped status (`manage growth 1 persuing`), as for any typo.
  func statusHint(_ statuses: [String], _ l: L10n) -> String {
    guard words.count == 2 else { return "" }
    return NearestWord.hint(words[1], among: statuses, l)
  }

  /// `manage improve N planned|done|verified`.
  func improvementStatus(_ plan: AccountPlan, _ session: Session) throws(CommandError) {
    let l = session.l
    let n = try number(0, of: plan.management.improvements.count, "manage improve 1 done", session)
    guard words.count == 2, let status = ImprovementStatus(rawValue: words[1].lowercased()) else {
      throw CommandError(
        StyledText(
          l.t("Give a status: planned, done or verified, e.g. `manage improve \(n) done`.", "请写出状态：planned、done 或 verified，例如 `manage improve \(n) done`。")
            + statusHint(ImprovementStatus.allCases.map(\.rawValue), l)), exitCode: ExitStatus.usage)
    }
    try session.change(l.t("improvement \(n): \(status.rawValue)", "改进措施 \(n)：\(ManagementNames.improvementStatus(status, l))")) {
      $0.management.improvements[n - 1].status = status
    }
    session.acknowledge(
      StyledText(l.t("Improvement #\(n) is now \(ManagementNames.improvementStatus(status, l)).", "改进措施 #\(n) 的状态已改为\(ManagementNames.improvementStatus(status, l))。"), .good))
  }

  /// `manage crisis` (a new one), `manage crisis N` (take it up again), `manage crisis close N [DATE]`.
  func crisis(_ plan: AccountPlan, _ session: Session) throws(CommandError) {
    let l = session.l
    let crises = plan.management.crises
    switch words.first?.lowercased() {
    case nil, "new", "open":
      let crisisWalk = try walk("manage-crisis", session)
      if let open = crises.firstIndex(where: \.isOpen), words.isEmpty {
        session.say(
          StyledText(
            l.t(
              "Crisis #\(open + 1) is still open: `manage crisis \(open + 1)` takes it up again. Opening a new one:",
              "危机 #\(open + 1) 仍未关闭：用 `manage crisis \(open + 1)` 继续处理。现在开启一个新的危机："), .dim))
      }
      session.begin(ManagementFlows.crisis(plan, id: nil, walk: crisisWalk, l: l))
    case "close":
      let n = try number(1, of: crises.count, "manage crisis close 1", session)
      let typed = words.dropFirst(2).joined(separator: " ")
      var day = session.clock.today
      if !typed.isEmpty { day = try ActionsCommand.day(typed, session) }
      if let opened = CalendarDay(crises[n - 1].openedOn), day < opened {
        throw CommandError(StyledText(l.t("That is before the crisis was opened (\(opened)).", "这早于危机开始的日期（\(opened)）。")), exitCode: ExitStatus.usage)
      }
      try session.change(l.t("crisis \(n) closed", "危机 \(n) 已关闭")) { $0.management.crises[n - 1].closedOn = day.description }
      let missing = crises[n - 1].repair == nil
      session.acknowledge(
        StyledText(
          l.t("Crisis #\(n) closed on \(DateParser.describe(day, l)).", "危机 #\(n) 已于 \(DateParser.describe(day, l)) 关闭。")
            + (missing
              ? l.t(" The relationship repair step is still empty: `manage crisis \(n)` records it.", " 关系修复这一步还没有填写：用 `manage crisis \(n)` 补上。") : ""),
          .good))
    case .some:
      let n = try number(0, of: crises.count, "manage crisis 1", session)
      session.begin(ManagementFlows.crisis(plan, id: crises[n - 1].id, walk: try walk("manage-crisis", session), l: l))
    }
  }
}

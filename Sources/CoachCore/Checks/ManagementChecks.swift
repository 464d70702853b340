/// The account-management rules (course part 5 and the article's churn warning signs): visits
/// kept, satisfaction, response times, complaints, purchases, crises and the service set-up.
/// They run only once the management section is in use.
struct ManagementChecks {
  let checks: PlanChecks
  var m: Management { checks.plan.management }

  func run() -> [Finding] {
    guard !m.isEmpty else { return [] }
    let metrics = ManagementMetrics(plan: checks.plan, today: checks.today, now: checks.now)
    var out: [Finding] = []
    let overdue = metrics.overdueVisits
    if let first = overdue.min(by: { $0.due < $1.due }) {
      out.append(
        checks.finding(
          "visit-overdue", ["name": cadenceName(first.cadence), "days": String(checks.today.daysSinceEpoch - first.due.daysSinceEpoch)]))
    }
    let nps = metrics.npsTrend
    if let last = nps.last, last.detractorMajority {
      out.append(checks.finding("nps-detractor-majority", ["count": "\(last.detractors)/\(last.respondents)"]))
    }
    if let fall = metrics.npsFalling {
      out.append(checks.finding("nps-falling", ["name": "\(fall.from.nps) → \(fall.to.nps)"]))
    }
    if let last = metrics.csatTrend.last, last.percent < ManagementMetrics.lowCSATPercent {
      out.append(checks.finding("csat-low", ["count": ManagementNames.csat(last, L10n(checks.book?.lang ?? .en))]))
    }
    let breached = metrics.sla.filter(\.breached).count
    if breached > 0 { out.append(checks.finding("sla-breached", ["count": String(breached)])) }
    if metrics.complaintsRising {
      out.append(checks.finding("complaints-rising", ["count": String(metrics.complaintCounts.recent)]))
    }
    let frequency = metrics.purchaseFrequency
    if frequency.falling {
      out.append(checks.finding("purchase-frequency-falling", ["days": String(frequency.daysSinceLast ?? 0), "count": String(frequency.averageInterval ?? 0)]))
    }
    if (m.accountManager ?? "").trimmingWhitespace.isEmpty { out.append(checks.finding("no-account-manager")) }
    for (crisis, days) in metrics.longOpenCrises {
      out.append(checks.finding("crisis-open-too-long", ["name": crisis.title, "days": String(days)]))
    }
    if m.tier == .vip && !m.visitPlan.contains(.monthly) { out.append(checks.finding("tier-service-mismatch")) }
    return out
  }

  /// A cadence's visit in the playbook's language.
  func cadenceName(_ c: VisitCadence) -> String { ManagementNames.cadence(c, L10n(checks.book?.lang ?? .en)) }
}

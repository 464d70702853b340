/// The ids of every finding `check` can report. Published ids never change: scripts and
/// trainers rely on them. Each needs a message in `checks.yaml` in both languages.
public enum FindingID {
  public static let all: [String] = [
    "no-stakeholders", "no-final-decision-maker", "no-financial-decision-maker", "no-technical-decision-maker",
    "no-user-decision-maker", "no-champion", "single-threaded", "blocker-with-high-influence", "discovery-stage-skipped",
    "no-open-question", "no-leading-question", "no-verification-question", "no-value-question",
    "value-assessment-incomplete", "profile-incomplete",
    "concession-without-return", "concession-beyond-walk-away", "concessions-not-decreasing",
    "walk-away-worse-than-batna", "no-zopa", "no-core-term", "no-lead-negotiator", "their-batna-unknown",
    "our-batna-unknown", "goals-out-of-order", "objection-without-process", "objection-unconfirmed",
    "plan-stale", "action-overdue",
    "attendee-concern-unknown", "meeting-without-verification-question", "final-decision-maker-never-met",
    "objection-raised-twice", "attendee-turned-skeptic", "last-meeting-actions-open",
    "visit-overdue", "nps-detractor-majority", "nps-falling", "csat-low", "sla-breached", "complaints-rising",
    "purchase-frequency-falling", "no-account-manager", "crisis-open-too-long", "tier-service-mismatch",
    "relationship-without-owner", "relationship-gone-cold",
  ]
}

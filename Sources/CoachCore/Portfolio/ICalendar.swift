/// The dated items of every plan as an iCalendar file (RFC 5545) that a calendar program can
/// import or subscribe to: one all-day event per item (`DTSTART;VALUE=DATE`, `DTEND` the day
/// after), a UID that stays the same for the same item of the same plan from one export to the
/// next (so a re-import updates events instead of doubling them), TEXT values escaped (`\\`,
/// `\;`, `\,`, `\n`), lines folded at 75 octets without splitting a UTF-8 character, and CRLF
/// line ends. Pure: `now` (the DTSTAMP) is passed in.
public enum ICalendar {
  public struct Event: Equatable, Sendable {
    public var uid: String
    public var date: CalendarDay
    public var summary: String
    public var description: String
    public var category: String

    public init(uid: String, date: CalendarDay, summary: String, description: String, category: String) {
      self.uid = uid
      self.date = date
      self.summary = summary
      self.description = description
      self.category = category
    }
  }

  /// One event per action, visit and meeting of the plans (every date, not only this week's,
  /// meetings already held included), and one per touchpoint with follow-ups (on the day they
  /// were agreed: they have no due date), by date, then plan, then item.
  public static func events(plans: [(id: String, digest: PlanDigest)], l: L10n) -> [Event] {
    var out: [Event] = []
    for (id, d) in plans {
      for item in d.items {
        guard let date = CalendarDay(item.date) else { continue }
        let what: String
        var title = item.text
        // A meeting keeps its UID once held, so a calendar updates the event it already has.
        var kind = item.kind.rawValue
        var lines: [String] = []
        switch item.kind {
        case .action: what = l.t("Action", "行动")
        case .visit:
          what = l.t("Visit", "回访")
          title = AgendaView(agenda: Agenda(plans: [], today: date, now: Timestamp(secondsSinceEpoch: 0)), l: l, width: 80).cadence(item.text)
        case .meeting:
          what = l.t("Meeting", "会谈")
          if title.isEmpty { title = what }
        case .heldMeeting:
          what = l.t("Meeting", "会谈")
          kind = DigestItem.Kind.meeting.rawValue
          title = (title.isEmpty ? what : title) + l.t(" (held)", "（已举行）")
        case .followUp:
          what = l.t("Follow-ups", "跟进事项")
          lines = item.text.split(separator: "\n").map(String.init)
          title = l.t("follow-up: ", "跟进：") + lines.joined(separator: l.t("; ", "；"))
        // Issue deadlines are times, not days: they are on the agenda, not in the calendar.
        case .respond, .resolve: continue
        }
        var description = l.t("\(what) of the account \(d.name)", "客户「\(d.name)」的\(what)")
        if let tier = d.tier { description += l.t(" (tier \(tier.rawValue))", "（\(tier.rawValue) 类）") }
        description += l.t(".", "。")
        if let owner = item.owner { description += l.t(" Owner: \(owner).", "负责人：\(owner)。") }
        if !lines.isEmpty {
          description += "\n" + l.t("Agreed at the touchpoint of \(item.date) (no due date recorded):", "在 \(item.date) 的接触中约定（未记录截止日期）：")
          for line in lines { description += "\n- " + line }
        }
        description += "\n" + l.t("Plan: \(id)", "计划：\(id)")
        out.append(
          Event(
            uid: uid(plan: id, kind: kind, item: item.id.isEmpty ? item.date + "-" + item.text : item.id),
            date: date, summary: "\(d.name): \(title)", description: description, category: kind))
      }
    }
    return out.sorted { ($0.date, $0.uid) < ($1.date, $1.uid) }
  }

  /// `action-a3.acme@sales-coach`: the item's kind and id and the plan's id, which never change
  /// for the same item. Anything outside letters, digits and `-` is written as `_XX` hex bytes,
  /// so the UID is plain ASCII whatever the plan is called.
  public static func uid(plan: String, kind: String, item: String) -> String {
    func safe(_ s: String) -> String {
      var out = ""
      for b in s.utf8 {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
          out.unicodeScalars.append(Unicode.Scalar(b))
        default:
          let hex = String(b, radix: 16, uppercase: true)
          out += "_" + (hex.count == 1 ? "0" + hex : hex)
        }
      }
      return out
    }
    return "\(safe(kind))-\(safe(item)).\(safe(plan))@sales-coach"
  }

  /// The calendar file.
  public static func document(_ events: [Event], now: Timestamp, name: String, version: String) -> String {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Sales Coach//coach \(escape(version))//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
      "X-WR-CALNAME:" + escape(name),
    ]
    let stamp = dateTime(now)
    for e in events {
      lines += [
        "BEGIN:VEVENT", "UID:" + escape(e.uid), "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + date(e.date),
        "DTEND;VALUE=DATE:" + date(e.date.adding(days: 1)), "SUMMARY:" + escape(e.summary), "DESCRIPTION:" + escape(e.description),
        "CATEGORIES:" + escape(e.category), "TRANSP:TRANSPARENT", "END:VEVENT",
      ]
    }
    lines.append("END:VCALENDAR")
    return lines.map(fold).joined(separator: "\r\n") + "\r\n"
  }

  /// `20261123`.
  static func date(_ day: CalendarDay) -> String {
    let c = day.components
    return pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2)
  }

  /// `20261123T090000Z` (UTC).
  static func dateTime(_ t: Timestamp) -> String {
    let seconds = t.secondsSinceEpoch - t.day.daysSinceEpoch * 86_400
    return date(t.day) + "T" + pad(seconds / 3600, 2) + pad(seconds / 60 % 60, 2) + pad(seconds % 60, 2) + "Z"
  }

  static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }

  /// A TEXT value: control characters shown visibly (as everywhere in coach), then `\`, `;`,
  /// `,` and line breaks escaped.
  public static func escape(_ text: String) -> String {
    var out = ""
    for scalar in Sanitizer.clean(text, multiline: true).unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\n": out += "\\n"
      case "\r": continue
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Folds a content line: at most 75 octets per line, continuation lines starting with one
  /// space, never inside a UTF-8 character.
  public static func fold(_ line: String) -> String {
    let bytes = Array(line.utf8)
    guard bytes.count > 75 else { return line }
    var out: [UInt8] = []
    var start = 0
    var limit = 75
    while start < bytes.count {
      var end = min(bytes.count, start + limit)
      // Back up to the start of a character (continuation bytes are 10xxxxxx).
      while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
      if start > 0 { out += [13, 10, 32] }
      out += bytes[start..<end]
      start = end
      limit = 74
    }
    return String(decoding: out, as: UTF8.self)
  }
}

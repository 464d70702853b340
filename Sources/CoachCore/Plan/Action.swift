/// A next step with an owner and a due date.
public struct Action: JSONRecord {
  /// Stable within the plan, never reused after removal (`s1`, `o3`…); empty until assigned.
  public var id: String = ""
  public var text: String
  public var owner: String?
  /// YYYY-MM-DD.
  public var due: String?
  public var done: Bool
  public var createdAt: String?
  public var doneAt: String?
  /// The meeting where it was agreed (by meeting id), when it came from a debrief.
  public var meeting: String?
  public var extra: [String: JSONValue]

  public init(text: String, owner: String? = nil, due: String? = nil, createdAt: String) {
    self.text = text
    self.owner = owner
    self.due = due
    self.createdAt = createdAt
    done = false
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    text = try f.string("text") ?? ""
    owner = try f.string("owner")
    due = try f.string("due")
    if let due, CalendarDay(due) == nil {
      throw PlanFormatError(path: f.at("due"), "expected a date as YYYY-MM-DD, found \"\(due)\"", "应为 YYYY-MM-DD 格式的日期，实际是 \"\(due)\"")
    }
    done = try f.bool("done") ?? false
    createdAt = try f.string("createdAt")
    doneAt = try f.string("doneAt")
    meeting = try f.string("meeting")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o["text"] = text
    o["owner"] = owner
    o["due"] = due
    o.set("done", done)
    o["createdAt"] = createdAt
    o["doneAt"] = doneAt
    o["meeting"] = meeting
    return o.json
  }
}

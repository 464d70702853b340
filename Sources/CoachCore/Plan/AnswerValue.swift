/// One answer as a walk records it, before it is stored in the plan.
public enum AnswerValue: Equatable, Sendable {
  case text(String)
  case list([String])
  case choice(String)
  case scale(Int)
  case amount(Double, currency: String?)
  case date(String)

  /// How the answer is stored where the plan keeps free-form answers (discovery stages).
  public var json: JSONValue {
    switch self {
    case .text(let s), .choice(let s), .date(let s): return .string(s)
    case .list(let items): return .array(items.map { .string($0) })
    case .scale(let n): return .number(Double(n))
    case .amount(let n, let currency):
      var object: [String: JSONValue] = ["amount": .number(n)]
      if let currency { object["currency"] = .string(currency) }
      return .object(object)
    }
  }

  /// Reads a stored free-form answer back.
  public init?(json: JSONValue) {
    switch json {
    case .string(let s): self = .text(s)
    case _ where json.number != nil:
      // Total for any JSON number: only a figure in the documented range is an answer (a plan
      // holding another is refused with its location by the caller).
      let n = json.number!
      guard NumberRange.contains(n) else { return nil }
      if let whole = Int(exactly: n) { self = .scale(whole) } else { self = .amount(n, currency: nil) }
    case .array(let items):
      let texts = items.compactMap(\.string)
      guard texts.count == items.count else { return nil }
      self = .list(texts)
    case .object(let o):
      guard let n = o["amount"]?.number, NumberRange.contains(n) else { return nil }
      self = .amount(n, currency: o["currency"]?.string)
    default: return nil
    }
  }

  /// True when there is nothing in it (an empty text or list).
  public var isEmpty: Bool {
    switch self {
    case .text(let s), .choice(let s), .date(let s): return s.isEmpty
    case .list(let items): return items.isEmpty
    case .scale, .amount: return false
    }
  }
}

/// A negotiation value: a number where the term is numeric, otherwise text.
public enum TermValue: Equatable, Sendable {
  case number(Double)
  case text(String)

  public var number: Double? { if case .number(let n) = self { return n } else { return nil } }

  var json: JSONValue {
    switch self {
    case .number(let n): return .number(n)
    case .text(let s): return .string(s)
    }
  }

  init?(json: JSONValue?, path: String) throws(PlanFormatError) {
    switch json {
    case nil, .null?: return nil
    case .string(let s)?: self = .text(s)
    case let value? where value.number != nil:
      let n = value.number!
      guard NumberRange.contains(n) else { throw NumberRange.formatError(path: path, n) }
      self = .number(n)
    case let other?: throw PlanFormatError(path: path, "expected a number or text, found \(other.kindName.en)", "应为数字或文本，实际是\(other.kindName.zh)")
    }
  }
}

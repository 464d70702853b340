/// A JSON document as a plain value. Plans are read into this first, so keys the model does
/// not know survive a save untouched, and errors can name the exact line and column.
public enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  /// A number exactly as a file spelled it, kept when its Double would not write back the same
  /// text (more digits than a Double holds, such as 9007199254740993, or a spelling like 1.50 or
  /// 1e3). Only the parser makes these, so keys this version does not know are written back
  /// digit for digit; `number` and `int` read it like any other number.
  case numberText(String)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  public var string: String? { if case .string(let s) = self { return s } else { return nil } }
  public var number: Double? {
    switch self {
    case .number(let n): return n
    case .numberText(let text): return Double(text)
    default: return nil
    }
  }
  public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
  public var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
  public var object: [String: JSONValue]? { if case .object(let o) = self { return o } else { return nil } }
  public var isNull: Bool { self == .null }

  /// The integer value, when this is a number with no fractional part.
  public var int: Int? {
    guard let n = number, n.rounded() == n, abs(n) < 9.0e15 else { return nil }
    return Int(n)
  }

  public subscript(key: String) -> JSONValue? { object?[key] }

  /// A short name of the value's kind, for error messages ("expected text, found a number").
  public var kindName: Bilingual {
    switch self {
    case .null: return Bilingual("null", "null")
    case .bool: return Bilingual("true/false", "true/false")
    case .number, .numberText: return Bilingual("a number", "数字")
    case .string: return Bilingual("text", "文本")
    case .array: return Bilingual("a list", "列表")
    case .object: return Bilingual("an object", "对象")
    }
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(nilLiteral: ()) { self = .null }
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    var object: [String: JSONValue] = [:]
    for (key, value) in elements { object[key] = value }
    self = .object(object)
  }
}

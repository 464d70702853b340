/// JSONValue works with any Codable encoder or decoder, so the plan model is Codable too.
extension JSONValue: Codable {
  public init(from decoder: any Decoder) throws {
    if let keyed = try? decoder.container(keyedBy: AnyCodingKey.self) {
      var object: [String: JSONValue] = [:]
      for key in keyed.allKeys { object[key.stringValue] = try keyed.decode(JSONValue.self, forKey: key) }
      self = .object(object)
      return
    }
    if var unkeyed = try? decoder.unkeyedContainer() {
      var items: [JSONValue] = []
      while !unkeyed.isAtEnd { items.append(try unkeyed.decode(JSONValue.self)) }
      self = .array(items)
      return
    }
    let single = try decoder.singleValueContainer()
    if single.decodeNil() { self = .null }
    else if let b = try? single.decode(Bool.self) { self = .bool(b) }
    else if let n = try? single.decode(Double.self) { self = .number(n) }
    else { self = .string(try single.decode(String.self)) }
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .object(let object):
      var keyed = encoder.container(keyedBy: AnyCodingKey.self)
      for key in JSONWriter.sortedKeys(object) { try keyed.encode(object[key]!, forKey: AnyCodingKey(key)) }
    case .array(let items):
      var unkeyed = encoder.unkeyedContainer()
      for item in items { try unkeyed.encode(item) }
    case .null:
      var single = encoder.singleValueContainer()
      try single.encodeNil()
    case .bool(let b):
      var single = encoder.singleValueContainer()
      try single.encode(b)
    case .number(let n):
      var single = encoder.singleValueContainer()
      try single.encode(n)
    case .numberText(let text):
      var single = encoder.singleValueContainer()
      try single.encode(Double(text) ?? 0)
    case .string(let s):
      var single = encoder.singleValueContainer()
      try single.encode(s)
    }
  }
}

struct AnyCodingKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { return nil }
}

/// A record that maps to and from a JSON object. Conforming types get Codable for free.
public protocol JSONRecord: Codable, Equatable, Sendable {
  init(json: JSONValue, path: String) throws(PlanFormatError)
  var json: JSONValue { get }
}

extension JSONRecord {
  public init(from decoder: any Decoder) throws {
    try self.init(json: JSONValue(from: decoder), path: "")
  }
  public func encode(to encoder: any Encoder) throws {
    try json.encode(to: encoder)
  }
}

/// Reads the fields of one JSON object by name, remembering which keys were read so the
/// rest can be kept as `extra` and written back unchanged.
struct JSONFields {
  let object: [String: JSONValue]
  let path: String
  /// Where the keys asked for that the object has are in it, each once: an unread key is one
  /// whose place is not here. Places compare as numbers; comparing every key of the object
  /// with every key asked for, as text, was a fifth of building a plan from its JSON
  /// (callgrind, cold `agenda` over the benchmark's plans).
  private var found: [Dictionary<String, JSONValue>.Index] = []

  init(_ value: JSONValue, path: String) throws(PlanFormatError) {
    guard case .object(let object) = value else {
      throw PlanFormatError(path: path, "expected an object, found \(value.kindName.en)", "应为对象，实际是\(value.kindName.zh)")
    }
    self.object = object
    self.path = path
    found.reserveCapacity(object.count)
  }

  func at(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  /// The value of `key`, treating null as absent.
  private mutating func raw(_ key: String) -> JSONValue? {
    guard let place = object.index(forKey: key) else { return nil }
    if !found.contains(place) { found.append(place) }
    let value = object[place].value
    guard value != .null else { return nil }
    return value
  }

  mutating func string(_ key: String) throws(PlanFormatError) -> String? {
    guard let value = raw(key) else { return nil }
    guard case .string(let s) = value else { throw mismatch(key, Bilingual("text", "文本"), value) }
    return s
  }

  mutating func int(_ key: String, in range: ClosedRange<Int>? = nil) throws(PlanFormatError) -> Int? {
    guard let value = raw(key) else { return nil }
    guard let n = value.int else { throw mismatch(key, Bilingual("a whole number", "整数"), value) }
    if let range, !range.contains(n) {
      throw PlanFormatError(
        path: at(key), "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(n)",
        "应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数，实际是 \(n)")
    }
    return n
  }

  mutating func double(_ key: String) throws(PlanFormatError) -> Double? {
    guard let value = raw(key) else { return nil }
    guard let n = value.number else { throw mismatch(key, Bilingual("a number", "数字"), value) }
    guard NumberRange.contains(n) else { throw NumberRange.formatError(path: at(key), n) }
    return n
  }

  mutating func bool(_ key: String) throws(PlanFormatError) -> Bool? {
    guard let value = raw(key) else { return nil }
    guard let b = value.bool else { throw mismatch(key, Bilingual("true or false", "true 或 false"), value) }
    return b
  }

  mutating func enumeration<E: PlanEnum>(_ key: String, _ type: E.Type) throws(PlanFormatError) -> E? {
    guard let text = try string(key) else { return nil }
    guard let e = E(rawValue: text) else {
      let allowed = E.allCases.map(\.rawValue)
      throw PlanFormatError(
        path: at(key), "\"\(text)\" is not one of: \(allowed.joined(separator: ", "))",
        "\"\(text)\" 不是可选值之一：\(allowed.joined(separator: "、"))")
    }
    return e
  }

  mutating func strings(_ key: String) throws(PlanFormatError) -> [String] {
    guard let value = raw(key) else { return [] }
    guard case .array(let items) = value else { throw mismatch(key, Bilingual("a list of text", "文本列表"), value) }
    var out: [String] = []
    for (i, item) in items.enumerated() {
      guard case .string(let s) = item else {
        throw PlanFormatError(path: "\(at(key))[\(i)]", "expected text, found \(item.kindName.en)", "应为文本，实际是\(item.kindName.zh)")
      }
      out.append(s)
    }
    return out
  }

  mutating func timestamps(_ key: String = "answeredAt") throws(PlanFormatError) -> [String: String] {
    guard let value = raw(key) else { return [:] }
    guard case .object(let object) = value else { throw mismatch(key, Bilingual("an object of times", "由时间组成的对象"), value) }
    var out = [String: String](minimumCapacity: object.count)
    for (field, time) in object {
      guard case .string(let s) = time else {
        throw PlanFormatError(path: "\(at(key)).\(field)", "expected a time, found \(time.kindName.en)", "应为时间，实际是\(time.kindName.zh)")
      }
      out[field] = s
    }
    return out
  }

  mutating func record<R: JSONRecord>(_ key: String, _ type: R.Type) throws(PlanFormatError) -> R? {
    guard let value = raw(key) else { return nil }
    return try R(json: value, path: at(key))
  }

  mutating func records<R: JSONRecord>(_ key: String, _ type: R.Type) throws(PlanFormatError) -> [R] {
    guard let value = raw(key) else { return [] }
    guard case .array(let items) = value else { throw mismatch(key, Bilingual("a list", "列表"), value) }
    var out: [R] = []
    out.reserveCapacity(items.count)
    for (i, item) in items.enumerated() { out.append(try R(json: item, path: "\(at(key))[\(i)]")) }
    return out
  }

  mutating func value(_ key: String) -> JSONValue? { raw(key) }

  /// Every key not read: kept and written back as it was.
  var extra: [String: JSONValue] {
    // Usually every key of the object was asked for, and there is nothing to look for.
    guard found.count < object.count else { return [:] }
    var out: [String: JSONValue] = [:]
    for place in object.indices where !found.contains(place) { out[object[place].key] = object[place].value }
    return out
  }

  private func mismatch(_ key: String, _ expected: Bilingual, _ found: JSONValue) -> PlanFormatError {
    PlanFormatError(path: at(key), "expected \(expected.en), found \(found.kindName.en)", "应为\(expected.zh)，实际是\(found.kindName.zh)")
  }
}

/// Builds a JSON object, leaving out absent values, on top of the keys kept from the file.
struct JSONObjectBuilder {
  private(set) var object: [String: JSONValue]

  init(extra: [String: JSONValue] = [:]) {
    object = extra
    // Room for a record's fields from the start: grown field by field, resizing the table was
    // a third of building a plan's JSON (callgrind, encoding a 50 KB plan).
    object.reserveCapacity(extra.count + 16)
  }

  subscript(key: String) -> String? {
    get { nil }
    set { object[key] = newValue.map { .string($0) } }
  }
  mutating func set(_ key: String, _ value: Int?) { object[key] = value.map { .number(Double($0)) } }
  mutating func set(_ key: String, _ value: Double?) { object[key] = value.map { .number($0) } }
  mutating func set(_ key: String, _ value: Bool?) { object[key] = value.map { .bool($0) } }
  mutating func set<E: PlanEnum>(_ key: String, _ value: E?) { object[key] = value.map { .string($0.rawValue) } }
  mutating func set(_ key: String, _ value: JSONValue?) { object[key] = value }
  mutating func set(_ key: String, strings: [String], keepEmpty: Bool = false) {
    object[key] = strings.isEmpty && !keepEmpty ? nil : .array(strings.map { .string($0) })
  }
  mutating func set(_ key: String, times: [String: String]) {
    object[key] = times.isEmpty ? nil : .object(times.mapValues { .string($0) })
  }
  mutating func set<R: JSONRecord>(_ key: String, record: R?) { object[key] = record?.json }
  mutating func set<R: JSONRecord>(_ key: String, records: [R], keepEmpty: Bool = true) {
    object[key] = records.isEmpty && !keepEmpty ? nil : .array(records.map(\.json))
  }

  var json: JSONValue { .object(object) }
}

// The value model produced by `YAML.parse`: every scalar is a `String` (the caller converts),
// every node and key remembers where it came from so later checks can point at the exact line.

/// A position in a playbook file. `line` and `column` are 1-based; `column` counts Unicode
/// scalars (not bytes), so a CJK character counts as one column. A byte-order mark at the start
/// of the file is not counted.
public struct YAMLLocation: Equatable, Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, the form editors and compilers use.
  public var description: String { "\(file):\(line):\(column)" }
}

/// The three kinds of YAML value the playbook subset knows.
public indirect enum YAMLValue: Equatable, Sendable {
  case scalar(String)
  case sequence([YAMLNode])
  case mapping([YAMLEntry])
}

/// One `key: value` pair of a mapping, in file order.
public struct YAMLEntry: Equatable, Sendable {
  public var key: String
  public var keyLocation: YAMLLocation
  public var value: YAMLNode

  public init(key: String, keyLocation: YAMLLocation, value: YAMLNode) {
    self.key = key
    self.keyLocation = keyLocation
    self.value = value
  }
}

/// A parsed value with the location of its first character (the first key of a mapping, the
/// first `-` of a sequence, the opening quote or `[` or `|`; for an empty value, the position
/// just after the `:` or `-`).
public struct YAMLNode: Equatable, Sendable {
  public var value: YAMLValue
  public var location: YAMLLocation

  public init(_ value: YAMLValue, at location: YAMLLocation) {
    self.value = value
    self.location = location
  }

  /// The text of a scalar; `nil` for a sequence or mapping.
  public var scalar: String? {
    if case .scalar(let text) = value { return text }
    return nil
  }

  /// The entries of a mapping in file order; `nil` for a scalar or sequence.
  public var entries: [YAMLEntry]? {
    if case .mapping(let entries) = value { return entries }
    return nil
  }

  /// The items of a sequence; `nil` for a scalar or mapping.
  public var items: [YAMLNode]? {
    if case .sequence(let items) = value { return items }
    return nil
  }

  /// The value of the first entry with this key; `nil` if this is not a mapping or the key is
  /// absent. (The parser rejects duplicate keys, so "first" is also "only".)
  public subscript(key: String) -> YAMLNode? {
    guard case .mapping(let entries) = value else { return nil }
    for entry in entries where entry.key == key { return entry.value }
    return nil
  }

  /// The entry (key, key location and value) for this key, for error messages that should
  /// point at the key rather than the value.
  public func entry(_ key: String) -> YAMLEntry? {
    guard case .mapping(let entries) = value else { return nil }
    for entry in entries where entry.key == key { return entry }
    return nil
  }

  /// True for a scalar whose text is empty (an empty value after `key:` or `-`, or `""`).
  public var isEmptyScalar: Bool { scalar?.isEmpty ?? false }
}

/// Bounds that keep a hostile or broken file from costing much time or memory. They are
/// checked before (`maxBytes`) and during parsing, so a file over a limit fails fast.
public struct YAMLLimits: Equatable, Sendable {
  /// Largest accepted input, in UTF-8 bytes.
  public var maxBytes = 1_048_576
  /// Deepest accepted nesting of sequences and mappings (the root collection is depth 1).
  /// Values above `depthCeiling` are treated as `depthCeiling`, so no input can exhaust the stack.
  public var maxDepth = 32
  /// Most nodes (scalars, sequences and mappings, not counting keys) one file may hold.
  public var maxNodes = 200_000

  public static let standard = YAMLLimits()

  /// The hard upper bound on `maxDepth`.
  public static let depthCeiling = 256

  public init(maxBytes: Int = 1_048_576, maxDepth: Int = 32, maxNodes: Int = 200_000) {
    self.maxBytes = maxBytes
    self.maxDepth = maxDepth
    self.maxNodes = maxNodes
  }
}

/// A problem in a playbook file, located at the offending character, said in both languages.
public struct YAMLError: Error, Equatable, Sendable, CustomStringConvertible {
  public var location: YAMLLocation
  public var text: Bilingual

  public init(location: YAMLLocation, text: Bilingual) {
    self.location = location
    self.text = text
  }

  /// The English message.
  public var message: String { text.en }

  /// `file:line:column: message`, in English.
  public var description: String { "\(location): \(message)" }

  /// `file:line:column: message` in `lang`.
  public func description(in lang: Lang) -> String { "\(location): \(text.text(lang))" }
}

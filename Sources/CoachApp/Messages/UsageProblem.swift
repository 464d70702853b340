import ArgumentParser
import CoachCore

/// A mistake in a command's arguments, read from the structure of the parser's error — which
/// case, which option or word — and said in the user's language by coach itself.
///
/// ArgumentParser keeps its error types internal, so the case and its words are read by
/// reflection. A case not recognised here keeps the parser's own (English) sentence, introduced
/// in the user's language; its wording is never rewritten.
struct UsageProblem: Equatable {
  enum Kind: Equatable {
    case unknownOption(String)
    case missingValue(String)
    case unexpected([String])
    case missingArgument(String)
    case invalidValue(String, for: String)
    case other(String)
  }

  let kind: Kind

  init(kind: Kind) { self.kind = kind }

  init(_ error: Error, english: String) {
    kind = UsageProblem.read(error) ?? .other(english)
  }

  /// What the user reads.
  func text(_ l: L10n) -> String {
    switch kind {
    case .unknownOption(let name):
      return l.t("Unknown option ‘\(name)’.", "未知选项 ‘\(name)’。")
    case .missingValue(let name):
      return l.t("The option ‘\(name)’ needs a value.", "选项 ‘\(name)’ 缺少取值。")
    case .unexpected(let words):
      let quoted = words.map { "‘\($0)’" }
      return l.t("Unexpected argument\(words.count == 1 ? "" : "s") \(quoted.joined(separator: ", ")).", "多余的参数 \(quoted.joined(separator: "、"))。")
    case .missingArgument(let name):
      return l.t("Missing an argument: <\(name)>.", "缺少参数：<\(name)>。")
    case .invalidValue(let value, let name):
      return l.t("‘\(value)’ is not a value ‘\(name)’ takes.", "‘\(value)’ 不是 ‘\(name)’ 可用的取值。")
    case .other(let english):
      return l.lang == .en ? english : "参数有误（解析器的原文）：" + english
    }
  }

  // MARK: reading the parser's error

  static func read(_ error: Error) -> Kind? {
    child(error, "parserError").flatMap(readParserError)
  }

  static func readParserError(_ parserError: Any) -> Kind? {
    guard let which = Mirror(reflecting: parserError).children.first, let label = which.label else { return nil }
    let payload = Mirror(reflecting: which.value).children.map(\.value)
    switch label {
    case "noArguments":
      // A command typed with none of its required arguments (`new`): the error inside says which.
      return readParserError(which.value)
    case "unknownOption":
      return payload.count == 2 ? optionName(payload[1]).map { .unknownOption($0) } : nil
    case "missingValueForOption":
      return payload.count == 2 ? optionName(payload[1]).map { .missingValue($0) } : nil
    case "unexpectedExtraValues":
      let words = payload.compactMap { Mirror(reflecting: $0).children.dropFirst().first?.value as? String }
      return words.isEmpty ? nil : .unexpected(words)
    case "noValue":
      return (child(which.value, "name") as? String).map { .missingArgument($0) }
    case "unableToParseValue":
      guard payload.count >= 4, let value = payload[2] as? String else { return nil }
      if let name = optionName(payload[1]) { return .invalidValue(value, for: name) }
      return (child(payload[3], "name") as? String).map { .invalidValue(value, for: "<\($0)>") }
    default:
      return nil
    }
  }

  /// `--owner`, `-o`: an option's name as typed, from the parser's `Name` (or an optional one).
  static func optionName(_ value: Any) -> String? {
    let mirror = Mirror(reflecting: value)
    if mirror.displayStyle == .optional {
      return mirror.children.first.flatMap { optionName($0.value) }
    }
    guard let which = mirror.children.first, let label = which.label else { return nil }
    switch label {
    case "long": return (which.value as? String).map { "--" + $0 }
    case "longWithSingleDash": return (which.value as? String).map { "-" + $0 }
    case "short":
      let first = Mirror(reflecting: which.value).children.first?.value ?? which.value
      return (first as? Character).map { "-" + String($0) }
    default: return nil
    }
  }

  /// The value of a labelled field, looked for in `value` and one level down (a single
  /// labelled associated value may or may not come wrapped in a tuple).
  static func child(_ value: Any, _ label: String) -> Any? {
    let children = Mirror(reflecting: value).children
    if let found = children.first(where: { $0.label == label }) { return found.value }
    for c in children {
      if let found = Mirror(reflecting: c.value).children.first(where: { $0.label == label }) { return found.value }
    }
    return nil
  }
}

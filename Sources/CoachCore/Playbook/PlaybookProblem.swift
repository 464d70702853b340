/// A problem in a playbook, located at the offending line: `file:line:column: message`.
public struct PlaybookProblem: Error, Equatable, Sendable, CustomStringConvertible, Comparable {
  public var location: YAMLLocation
  public var message: String

  public init(_ location: YAMLLocation, _ message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): \(message)" }

  public static func < (a: Self, b: Self) -> Bool {
    (a.location.file, a.location.line, a.location.column, a.message) < (b.location.file, b.location.line, b.location.column, b.message)
  }
}

/// Collects problems while decoding, so one run reports all of them.
final class ProblemList {
  var items: [PlaybookProblem] = []
  func add(_ location: YAMLLocation, _ message: String) { items.append(PlaybookProblem(location, message)) }
}

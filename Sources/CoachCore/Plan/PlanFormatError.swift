/// A plan that parsed as JSON but does not fit the plan format: which field, what was wrong.
public struct PlanFormatError: Error, Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var message: String
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }
  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

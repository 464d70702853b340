/// A record that maps to and from a JSON object (the plan's items, a drill transcript's parts).
public protocol JSONRecord: Equatable, Sendable {
  init(json: JSONValue, path: String) throws(PlanFormatError)
  var json: JSONValue { get }
}

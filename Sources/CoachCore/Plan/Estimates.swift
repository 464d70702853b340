/// Figures the rep gave as estimates ("about 1.2M", "~80k", "约120万"), kept as `approximate`: the
/// names of the record's fields (or discovery prompt ids) whose figure is approximate. It travels
/// with the record's other keys, so plans written before it, and tools that ignore it, lose nothing.
public protocol MarksEstimates {
  var extra: [String: JSONValue] { get set }
}

extension MarksEstimates {
  public var approximate: [String] {
    guard case .array(let items)? = extra["approximate"] else { return [] }
    return items.compactMap(\.string)
  }

  public func isApproximate(_ field: String) -> Bool { approximate.contains(field) }

  /// Marks a field's figure as an estimate, or as exact again.
  public mutating func mark(_ field: String, approximate estimate: Bool) {
    var fields = approximate.filter { $0 != field }
    if estimate { fields.append(field) }
    extra["approximate"] = fields.isEmpty ? nil : .array(fields.sorted().map { .string($0) })
  }
}

extension Objective: MarksEstimates {}
extension BATNASide: MarksEstimates {}
extension Concession: MarksEstimates {}
extension StageAnswers: MarksEstimates {}
extension DealFacts: MarksEstimates {}

/// Plan ids: a slug of the plan's name that is safe as a file name in the workspace.
///
/// Letters and digits of any script are kept (lower-cased), so `华东电力` stays `华东电力`;
/// everything else — spaces, punctuation, dots, slashes, control and format characters —
/// becomes a single `-`, and leading or trailing dashes are dropped. The result therefore never
/// contains `/`, `..`, a control character or a leading dot, and cannot leave the workspace.
/// Names are NFC-normalised first, so a name typed with combining accents gets the same id.
public enum PlanID {
  /// Longest id in UTF-8 bytes (well under the 255-byte file-name limit with `.json.bak`).
  public static let maxBytes = 96

  public enum Problem: Error, Equatable, Sendable {
    case empty
    case noLettersOrDigits
  }

  public static func make(from name: String) throws(Problem) -> String {
    let trimmed = name.trimmingWhitespace.nfc
    guard !trimmed.isEmpty else { throw .empty }
    var out = ""
    var lastWasDash = true  // drops leading dashes
    for character in trimmed.lowercased().nfc {
      if character.isLetter || character.isNumber, !character.unicodeScalars.contains(where: isUnsafe) {
        guard out.utf8.count + character.utf8.count <= maxBytes else { break }
        out.append(character)
        lastWasDash = false
      } else if !lastWasDash {
        guard out.utf8.count + 1 <= maxBytes else { break }
        out.append("-")
        lastWasDash = true
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    guard !out.isEmpty else { throw .noLettersOrDigits }
    return out
  }

  /// True when `id` is something `make` could have produced (checked before any file access,
  /// so a hand-typed id cannot reach outside the workspace).
  public static func isValid(_ id: String) -> Bool {
    guard !id.isEmpty, id.utf8.count <= maxBytes, !id.hasPrefix("-"), !id.hasSuffix("-") else { return false }
    // Fast path (listing 10,000 plans checks 10,000 ids): lower-case ASCII letters, digits and
    // CJK ideographs with single dashes between them is exactly what `make` gives back.
    if isPlainSlug(id) { return true }
    // Bytes, not String ==: Swift compares strings by canonical equivalence, and an id in NFD
    // would name a different file from its NFC twin.
    guard let made = try? make(from: id) else { return false }
    return made.utf8.elementsEqual(id.utf8)
  }

  /// Lower-case ASCII letters, digits and CJK unified ideographs (letters with no case and no
  /// decomposition, so `make` keeps them as they are), single dashes between them.
  static func isPlainSlug(_ id: String) -> Bool {
    var previousDash = true
    for scalar in id.unicodeScalars {
      switch scalar.value {
      case 0x61...0x7A, 0x30...0x39, 0x4E00...0x9FFF, 0x3400...0x4DBF: previousDash = false
      case 0x2D where !previousDash: previousDash = true
      default: return false
      }
    }
    return !previousDash
  }

  private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return true
    default: return scalar == "/" || scalar == "." || scalar == "\\"
    }
  }
}

extension StringProtocol {
  /// The text without leading and trailing whitespace (Unicode-aware, no Foundation).
  public var trimmingWhitespace: String {
    let s = String(self)
    let scalars = s.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let end = scalars.index(after: scalars.lastIndex(where: { !$0.properties.isWhitespace })!)
    if first == s.startIndex && end == s.endIndex { return s }
    return String(s[first..<end])
  }
}

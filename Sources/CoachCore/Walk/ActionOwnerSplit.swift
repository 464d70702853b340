/// `actions add --owner Li Wei Call back about the pilot`: an option's value runs to the end of
/// the line, so the action's text ended up in the owner. A stakeholder's full name at the start
/// of it (any apostrophe, any case) is the owner, the rest the text.
public enum ActionOwnerSplit {
  public static func split(_ value: String, names: [String]) -> (owner: String, text: String)? {
    let words = value.split(separator: " ").map(String.init)
    // The longest name first: `Li Wei` before `Li`.
    for name in names.sorted(by: { $0.count > $1.count }) {
      let nameWords = name.split(separator: " ").count
      guard nameWords < words.count else { continue }
      let head = words.prefix(nameWords).joined(separator: " ")
      if StakeholderNameMatch.key(head) == StakeholderNameMatch.key(name) {
        return (name, words.dropFirst(nameWords).joined(separator: " "))
      }
    }
    return nil
  }
}

extension String {
  /// The colon that follows this title where no session language is at hand (an undo entry
  /// named by a playbook's title): full-width after a Chinese title, `: ` after any other.
  public var titleColon: String {
    unicodeScalars.last.map { DisplayWidth.isCommonWide($0.value) } == true ? "：" : ": "
  }
}

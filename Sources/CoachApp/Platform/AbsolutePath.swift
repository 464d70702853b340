extension Platform {
  /// A path the user typed, made absolute against the working directory and tidied: no `//`, no
  /// trailing `/`, no `.` segments, `..` resolved — so `my-team/` and `./my-team` both read
  /// `…/my-team` in every message built from it.
  public static func absolute(_ path: String) -> String {
    normalise(path.hasPrefix("/") ? path : currentDirectory() + "/" + path)
  }
}

import CoachCore
import CoachStore
import CoachTerminal
/// CoachApp is the one command loop shared by the terminal and by pipes.
public enum CoachApp {
  public static func main() -> Int32 { 0 }
}

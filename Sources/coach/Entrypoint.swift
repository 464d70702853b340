import CoachApp

#if canImport(Glibc)
  import Glibc
#endif

/// The whole program is in CoachApp; this only hands it the arguments and the exit status.
@main
struct Entrypoint {
  static func main() {
    exit(CoachApp.main(arguments: Array(CommandLine.arguments.dropFirst())))
  }
}

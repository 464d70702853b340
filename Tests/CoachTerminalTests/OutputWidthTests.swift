import CLibEditShim
import Testing

@testable import CoachTerminal

#if canImport(Glibc)
  import Glibc
#endif

/// The width the output wraps to: an override wins over what the terminal says, and a resize
/// (SIGWINCH) is noticed through the shim's flag.
@Suite(.serialized) struct OutputWidthTests {
  @Test func theOverrideWinsAndIsKeptWithinReason() {
    let output = StandardOutput(environment: [:], noColour: true, fixedWidth: 80)
    #expect(output.width == 80)
    output.widthOverride = 50
    #expect(output.width == 50)
    output.widthOverride = 5
    #expect(output.width == 20)
    output.widthOverride = nil
    #expect(output.width == 80)
    #expect(!output.wrapsProse, "a fixed width is for pipes and files, whose lines are kept")
  }

  @Test func aResizeSetsTheFlagOnceUntilItIsTaken() {
    coach_sigwinch_install()
    defer { coach_sigwinch_uninstall() }
    _ = coach_sigwinch_take()
    var winch = sigset_t()
    sigemptyset(&winch)
    sigaddset(&winch, SIGWINCH)
    var previous = sigset_t()
    pthread_sigmask(SIG_UNBLOCK, &winch, &previous)
    pthread_kill(pthread_self(), SIGWINCH)
    pthread_sigmask(SIG_SETMASK, &previous, nil)
    #expect(coach_sigwinch_take() == 1)
    #expect(coach_sigwinch_take() == 0)
  }
}

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// A program to start again and again: argv and envp are built once, so the timed part is only
/// posix_spawn → waitpid.
final class Command {
  enum Output { case devNull, file(String) }

  let path: String
  let input: [UInt8]
  let output: Output
  private var argv: [UnsafeMutablePointer<CChar>?]
  private var envp: [UnsafeMutablePointer<CChar>?]

  /// `input` is written to a pipe that becomes the child's stdin (then closed, so it sees EOF);
  /// stdout goes to `output`, stderr to /dev/null.
  init(path: String, arguments: [String], environment: [String], input: String, output: Output = .devNull) {
    self.path = path
    self.input = Array(input.utf8)
    self.output = output
    argv = ([path] + arguments).map { strdup($0) } + [nil]
    envp = environment.map { strdup($0) } + [nil]
  }

  deinit {
    for p in argv { free(p) }
    for p in envp { free(p) }
  }

  /// Starts the program, waits for it and returns the wall time from spawn to reaped exit.
  /// Throws when it cannot be started or does not exit with status 0.
  @discardableResult
  func run() throws -> Double {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { throw BenchError.posix("pipe") }
    defer { close(fds[0]) }
    // The input is tiny (well under the pipe buffer): written before the clock starts, and the
    // write end closed before the spawn, so the child sees the input, then EOF.
    let written = input.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
    close(fds[1])
    guard written == input.count else { throw BenchError.posix("write to pipe") }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
    if fds[0] != 0 { posix_spawn_file_actions_addclose(&actions, fds[0]) }
    switch output {
    case .devNull: posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    case .file(let file): posix_spawn_file_actions_addopen(&actions, 1, file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

    var pid: pid_t = 0
    let start = Monotonic.now()
    let rc = posix_spawn(&pid, path, &actions, nil, argv, envp)
    guard rc == 0 else { throw BenchError.posix("posix_spawn \(path)", rc) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { throw BenchError.posix("waitpid") }
    }
    let elapsed = Monotonic.now() - start

    let signal = status & 0x7f
    let code = (status >> 8) & 0xff
    if signal != 0 { throw BenchError("\(path) \(argv.dropFirst().compactMap { $0.map { String(cString: $0) } }.joined(separator: " ")) was killed by signal \(signal)") }
    if code != 0 { throw BenchError("\(path) \(argv.dropFirst().compactMap { $0.map { String(cString: $0) } }.joined(separator: " ")) exited with status \(code)") }
    return elapsed
  }
}

/// The first executable `name` on PATH, or nil.
func findOnPath(_ name: String) -> String? {
  let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
  for dir in path.split(separator: ":") where !dir.isEmpty {
    let candidate = dir + "/" + name
    if access(candidate, X_OK) == 0, !isDirectory(candidate) { return candidate }
  }
  return nil
}

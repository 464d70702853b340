// coach-bench: the benchmark harness of Sales Coach (see Harness.swift, `make bench`).
#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

exit(Harness.main(Array(CommandLine.arguments.dropFirst())))

import CoachApp
#if canImport(Glibc)
import Glibc
#endif
exit(CoachApp.main())

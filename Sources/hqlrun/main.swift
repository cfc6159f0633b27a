#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQLCLI

exit(HQLRunMain.run(Array(CommandLine.arguments.dropFirst())))

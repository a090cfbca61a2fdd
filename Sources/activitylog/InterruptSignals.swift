#if canImport(Glibc)
import Glibc
#endif

/// Lets SIGINT, SIGTERM and SIGHUP end the process as they normally do, whatever the parent left blocked or
/// ignored: `tail -f` runs until it is interrupted, and a supervisor or test runner that spawned it with those
/// signals blocked could otherwise stop it only with SIGKILL.
func restoreInterruptSignals() {
    var signals = sigset_t()
    sigemptyset(&signals)
    for number in [SIGINT, SIGTERM, SIGHUP] {
        sigaddset(&signals, number)
        signal(number, SIG_DFL)
    }
    sigprocmask(SIG_UNBLOCK, &signals, nil)
}

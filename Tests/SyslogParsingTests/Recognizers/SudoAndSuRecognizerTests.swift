import Testing

/// `sudo` (logging.c) and `su` (util-linux and shadow-utils).
struct SudoAndSuRecognizerTests {
    static let cases: [ActivityCase] = [
        ActivityCase(
            bsd("sudo", "alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id"),
            user: "alice",
            event: "sudo",
            resource: "/usr/bin/id",
            outcome: "success"
        ),
        ActivityCase(
            bsd("sudo[42]", "   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/apt install -y x"),
            user: "alice",
            event: "sudo",
            resource: "/usr/bin/apt install -y x",
            outcome: "success"
        ),
        ActivityCase(
            bsd(
                "sudo",
                "alice : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id"
            ),
            user: "alice",
            event: "sudo",
            resource: "/usr/bin/id",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("sudo", "mallory : user NOT in sudoers ; TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/bin/sh"),
            user: "mallory",
            event: "sudo",
            resource: "/bin/sh",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("sudo", "bob : command not allowed ; TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/bin/sh"),
            user: "bob",
            event: "sudo",
            resource: "/bin/sh",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("sudo", "alice : TTY=pts/0 ; PWD=/ ; USER=root ; TSID=000001 ; COMMAND=/bin/ls -la"),
            user: "alice",
            event: "sudo",
            resource: "/bin/ls -la",
            outcome: "success"
        ),
        ActivityCase(bsd("sudo", "unable to resolve host web1: Name or service not known")),
        ActivityCase(
            bsd("su[7]", "(to root) alice on pts/0"),
            user: "alice",
            event: "su",
            resource: "root",
            outcome: "success"
        ),
        ActivityCase(
            bsd("su[7]", "FAILED SU (to root) alice on pts/0"),
            user: "alice",
            event: "su",
            resource: "root",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("su[7]", "Successful su for root by alice"),
            user: "alice",
            event: "su",
            resource: "root",
            outcome: "success"
        ),
        // RFC 3164's example, as BSD su wrote it.
        ActivityCase(
            "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
            user: "lonvick",
            event: "su",
            resource: "root",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("su[7]", "FAILED su for postgres by bob"),
            user: "bob",
            event: "su",
            resource: "postgres",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("su[7]", "+ pts/0 alice:root"),
            user: "alice",
            event: "su",
            resource: "root",
            outcome: "success"
        ),
        ActivityCase(
            bsd("su[7]", "- pts/0 alice:root"),
            user: "alice",
            event: "su",
            resource: "root",
            outcome: "failure"
        ),
        ActivityCase(bsd("su[7]", "+ something else entirely")),
        // sudo's log_exit_status: the command without its ` ; SIGNAL=…` and ` ; EXIT=…`.
        ActivityCase(
            bsd(
                "sudo",
                "   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/sleep 100 ; SIGNAL=TERM ; EXIT=143"
            ),
            user: "alice",
            event: "sudo",
            resource: "/usr/bin/sleep 100",
            outcome: "success"
        ),
        ActivityCase(
            bsd("sudo", "   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/true ; EXIT=0"),
            user: "alice",
            event: "sudo",
            resource: "/usr/bin/true",
            outcome: "success"
        ),
        // The rest of a line too long for one message is no second sudo.
        ActivityCase(bsd("sudo", "   alice : (command continued) BAR=2 ; COMMAND=/usr/bin/env")),
        ActivityCase(
            bsd("runuser[2001]", "FAILED RUNUSER (to postgres) root on none"),
            user: "root",
            event: "su",
            resource: "postgres",
            outcome: "failure"
        ),
        // A caller su does not know: shadow's `???`, util-linux's nothing.
        ActivityCase(bsd("su[1]", "- ??? ???:root"), event: "su", resource: "root", outcome: "failure"),
        ActivityCase(bsd("su[1]", "(to root)  on pts/0"), event: "su", resource: "root", outcome: "success"),
    ]

    @Test(arguments: Self.cases)
    func recognizes(_ row: ActivityCase) throws {
        try row.verify()
    }
}

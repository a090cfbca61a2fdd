import Testing

/// `login` (util-linux, shadow-utils), `systemd-logind` and `cron`.
struct LoginAndSessionRecognizerTests {
    static let cases: [ActivityCase] = [
        ActivityCase(
            bsd("login[7]", "ROOT LOGIN ON tty2"),
            user: "root",
            event: "login",
            resource: "login",
            outcome: "success"
        ),
        ActivityCase(
            bsd("login[7]", "ROOT LOGIN ON pts/0 FROM host.example"),
            user: "root",
            event: "login",
            resource: "login",
            outcome: "success",
            client: "host.example"
        ),
        ActivityCase(
            bsd("login[7]", "LOGIN ON tty1 BY bob"),
            user: "bob",
            event: "login",
            resource: "login",
            outcome: "success"
        ),
        ActivityCase(
            bsd("login[7]", "FAILED LOGIN 1 FROM tty1 FOR bob, Authentication failure"),
            user: "bob",
            event: "login",
            resource: "login",
            outcome: "failure"
        ),
        // Blanks for a name and a NULL host, as util-linux prints them; older shadow quotes `so' and writes UNKNOWN for
        // a name with no account.
        ActivityCase(
            bsd("login[25160]", "FAILED LOGIN 1 FROM (null) FOR    , Authentication failure"),
            event: "login",
            resource: "login",
            outcome: "failure"
        ),
        ActivityCase(
            bsd(
                "login[9352]",
                "FAILED LOGIN (1) on 'pts/0' FOR `UNKNOWN', User not known to the underlying authentication module"
            ),
            event: "login",
            resource: "login",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("login[9352]", "FAILED LOGIN (2) on 'tty1' FOR `bob', Authentication failure"),
            user: "bob",
            event: "login",
            resource: "login",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("login[7]", "FAILED LOGIN 2 FROM 192.0.2.7 FOR bob, Authentication failure"),
            user: "bob",
            event: "login",
            resource: "login",
            outcome: "failure",
            client: "192.0.2.7"
        ),
        ActivityCase(
            bsd("login[7]", "FAILED LOGIN (1) on '/dev/pts/1' from 'host.example' FOR 'bob', Authentication failure"),
            user: "bob",
            event: "login",
            resource: "login",
            outcome: "failure",
            client: "host.example"
        ),
        ActivityCase(
            bsd("login[7]", "ROOT LOGIN  on '/dev/tty1'"),
            user: "root",
            event: "login",
            resource: "login",
            outcome: "success"
        ),
        ActivityCase(
            bsd("login[7]", "TOO MANY LOGIN TRIES (5) on '/dev/tty1' FOR 'bob'"),
            user: "bob",
            event: "login",
            resource: "login",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("systemd-logind[1]", "New session 12 of user bob."),
            user: "bob",
            event: "session-open",
            outcome: "success"
        ),
        ActivityCase(
            bsd("systemd-logind[1]", "New session c3 of user john.doe."),
            user: "john.doe",
            event: "session-open",
            outcome: "success"
        ),
        ActivityCase(bsd("systemd-logind[1]", "Removed session 12."), event: "session-close"),
        ActivityCase(
            bsd("systemd-logind[1]", "Session 12 logged out. Waiting for processes to exit."),
            event: "session-close"
        ),
        // systemd 256 and later quote the session and the user.
        ActivityCase(
            bsd("systemd-logind[667]", "New session '1' of user 'ubuntu' with class 'user' and type 'tty'."),
            user: "ubuntu",
            event: "session-open",
            outcome: "success"
        ),
        ActivityCase(
            bsd("systemd-logind[667]", "New session '2' of user 'ubuntu' with class 'manager' and type 'unspecified'.")
        ),
        ActivityCase(
            bsd(
                "systemd-logind[667]",
                "New session '3' of user 'ubuntu' with class 'manager-early' and type 'unspecified'."
            )
        ),
        ActivityCase(bsd("systemd-logind[1]", "Watching system buttons on /dev/input/event0")),
        ActivityCase(
            bsd("CRON[1234]", "(root) CMD (   cd / && run-parts --report /etc/cron.hourly)"),
            user: "root",
            event: "job-start",
            resource: "cd / && run-parts --report /etc/cron.hourly"
        ),
        ActivityCase(
            bsd("crond[1]", "(www-data) CMD (php /var/www/cron.php (nightly))"),
            user: "www-data",
            event: "job-start",
            resource: "php /var/www/cron.php (nightly)"
        ),
        // cronie on Red Hat systems tags its lines CROND.
        ActivityCase(
            bsd("CROND[2201]", "(root) CMD (run-parts /etc/cron.hourly)"),
            user: "root",
            event: "job-start",
            resource: "run-parts /etc/cron.hourly"
        ),
        // A tag written as the program's path: FreeBSD's cron, and old Debian's upper-cased one.
        ActivityCase(
            bsd("/usr/sbin/cron[12141]", "(root) CMD (/usr/local/bin/backup.sh)"),
            user: "root",
            event: "job-start",
            resource: "/usr/local/bin/backup.sh"
        ),
        ActivityCase(
            bsd("/USR/SBIN/CRON[3812]", "(root) CMD (run-parts --report /etc/cron.hourly)"),
            user: "root",
            event: "job-start",
            resource: "run-parts --report /etc/cron.hourly"
        ),
        ActivityCase(bsd("/usr/sbin/crontab[1]", "(root) CMD (x)")),
        ActivityCase(bsd("CRON[1]", "(root) CMDEND (run-parts /etc/cron.hourly)")),
        ActivityCase(bsd("CRON[1]", "(root) CMD (   )"), user: "root", event: "job-start"),
        // util-linux's runuser logs as su does.
        ActivityCase(
            bsd("runuser[812]", "(to postgres) root on none"),
            user: "root",
            event: "su",
            resource: "postgres",
            outcome: "success"
        ),
        // shadow's login for any user but root.
        ActivityCase(
            bsd("login[3001]", "'bob' logged in  on 'pts/0' from 'host.example.com'"),
            user: "bob",
            event: "login",
            resource: "login",
            outcome: "success",
            client: "host.example.com"
        ),
        ActivityCase(
            bsd("login[3001]", "'bob' logged in  on '/dev/tty1'"),
            user: "bob",
            event: "login",
            resource: "login",
            outcome: "success"
        ),
        // util-linux: `(unknown)` for a name it will not show, the terminal (a hypervisor's console) for no host.
        ActivityCase(
            bsd(
                "login[1]",
                "FAILED LOGIN 1 FROM tty1 FOR (unknown), User not known to the underlying authentication module"
            ),
            event: "login",
            resource: "login",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("login[1]", "FAILED LOGIN 1 FROM hvc0 FOR root, Authentication failure"),
            user: "root",
            event: "login",
            resource: "login",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("login[1]", "FAILED LOGIN 1 FROM <unknown> FOR root, Authentication failure"),
            user: "root",
            event: "login",
            resource: "login",
            outcome: "failure"
        ),
        // cronie's job output is no job start, even when it quotes one.
        ActivityCase(bsd("CROND[5000]", "(root) CMDOUT (Dec  6 10:00:01 web1 CROND[4000]: (bob) CMD (backup.sh))")),
    ]

    @Test(arguments: Self.cases)
    func recognizes(_ row: ActivityCase) throws {
        try row.verify()
    }
}

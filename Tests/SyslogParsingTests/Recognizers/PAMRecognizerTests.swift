import Testing

/// Linux-PAM lines from any program, in the `pam_MODULE(SERVICE:TYPE)` and `SERVICE(pam_unix)` styles.
struct PAMRecognizerTests {
    static let cases: [ActivityCase] = [
        ActivityCase(
            "Dec  7 14:53:04 vskub1master01p sudo: pam_tally2(sudo:auth): user zbadguy (4001) tally 6, deny 5",
            user: "zbadguy",
            event: "login",
            resource: "sudo",
            outcome: "failure"
        ),
        ActivityCase("Dec  7 14:53:04 h sshd[1]: pam_tally2(sshd:auth): user root (0) tally 2"),
        ActivityCase(
            "<86>Dec  6 10:01:02 host1 vsftpd[123]: pam_listfile(vsftpd:auth): Refused user root for service vsftpd",
            user: "root",
            event: "login",
            resource: "vsftpd",
            outcome: "failure"
        ),
        ActivityCase(
            "<86>Dec  6 10:01:02 host1 sshd[1]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 "
                + "tty=ssh ruser= rhost=UNKNOWN  user=root",
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        ActivityCase(
            "<86>Dec  6 10:01:02 web1 sshd[1]: pam_unix(sshd:account): account bob has expired (account expired)",
            user: "bob",
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        ActivityCase(
            "<86>Dec  6 10:01:02 web1 sshd[1]: pam_unix(sshd:account): expired password for user bob (password aged)"
        ),
        // pam_unix's helper writes under its own name, without the service.
        ActivityCase(
            "<86>Dec  6 10:01:02 web1 unix_chkpwd[1234]: password check failed for user (root)",
            user: "root",
            event: "login",
            outcome: "failure"
        ),
        ActivityCase("<86>Dec  6 10:01:02 web1 unix_chkpwd[1234]: could not obtain user info (bob)"),
        ActivityCase(
            bsd(
                "sshd[1]",
                "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9  user=root"
            ),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd("sshd[1]", "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost="),
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("sshd[1]", "pam_unix(sshd:auth): check pass; user unknown"),
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("sshd[1]", "pam_unix(sshd:session): session opened for user bob(uid=1000) by (uid=0)"),
            user: "bob",
            event: "session-open",
            resource: "sshd",
            outcome: "success"
        ),
        ActivityCase(
            bsd("login[1]", "pam_unix(login:session): session opened for user root by LOGIN(uid=0)"),
            user: "root",
            event: "session-open",
            resource: "login",
            outcome: "success"
        ),
        ActivityCase(
            bsd("sshd[1]", "pam_unix(sshd:session): session closed for user bob"),
            user: "bob",
            event: "session-close",
            resource: "sshd"
        ),
        ActivityCase(
            bsd("passwd[1]", "pam_unix(passwd:chauthtok): password changed for bob"),
            event: "password-change",
            resource: "bob"
        ),
        // Run by root: the line names the account changed, not who changed it.
        ActivityCase(
            bsd("chpasswd[1]", "pam_unix(chpasswd:chauthtok): password changed for ubuntu"),
            event: "password-change",
            resource: "ubuntu"
        ),
        ActivityCase(
            bsd("CRON[1]", "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)"),
            user: "root",
            event: "session-open",
            resource: "cron",
            outcome: "success"
        ),
        ActivityCase(
            bsd("sudo[1]", "pam_unix(sudo:auth): auth could not identify password for [alice]"),
            user: "alice",
            event: "login",
            resource: "sudo",
            outcome: "failure"
        ),
        ActivityCase(
            bsd(
                "sshd[1]",
                "pam_sss(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.4 user=carol"
            ),
            user: "carol",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "192.0.2.4"
        ),
        // The old app style, where the count comes without the application's `PAM `.
        ActivityCase(
            bsd(
                "sshd(pam_unix)[15794]",
                "2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.0.3.1  user=root"
            ),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "10.0.3.1"
        ),
        // Older Linux-PAM: `pam_unix: `, no service in the line but the app.
        ActivityCase(
            bsd(
                "vsftpd",
                "pam_unix: authentication failure; logname= uid=0 euid=0 tty=ftp ruser=an8767 rhost=www.example.com"
            ),
            event: "login",
            resource: "vsftpd",
            outcome: "failure",
            client: "www.example.com"
        ),
        // A word of digits that is no count.
        ActivityCase(bsd("sshd(pam_unix)[1]", "2 more things happened")),
        ActivityCase(
            bsd("sshd[1]", "pam_sss(sshd:auth): received for user carol: 7 (Authentication failure)"),
            user: "carol",
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        ActivityCase(
            bsd(
                "sshd[1]",
                "PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9  user=root"
            ),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            "<86>Feb 13 13:30:22 frestea gdm-password]: pam_unix(gdm-password:auth): authentication failure; "
                + "logname= uid=0 euid=0 tty=/dev/tty1 ruser= rhost=  user=ken",
            user: "ken",
            event: "login",
            resource: "gdm-password",
            outcome: "failure"
        ),
        // pam_sss reports PAM's return code: only 0 is a success.
        ActivityCase(
            bsd("sshd-session[11722]", "pam_sss(sshd:auth): received for user vault_admin: 4 (System error)"),
            user: "vault_admin",
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("sshd[1]", "pam_sss(sshd:auth): received for user carol: 0 (Success)"),
            user: "carol",
            event: "login",
            resource: "sshd",
            outcome: "success"
        ),
        ActivityCase(
            bsd(
                "sshd[641839]",
                "pam_faillock(sshd:auth): Consecutive login failures for user test account temporarily locked"
            ),
            user: "test",
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("sshd[4431]", "pam_access(sshd:account): access denied for user `bob' from `203.0.113.9'"),
            user: "bob",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        // Linux-PAM 0.99 put the module in parentheses before the text.
        ActivityCase(
            bsd(
                "sshd[16004]",
                "(pam_unix) authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.12  user=root"
            ),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "192.0.2.12"
        ),
        // Relayed as RFC 5424 by rsyslog: the MSG starts with a space.
        ActivityCase(
            "<86>1 2026-12-06T10:01:02Z web1 sshd 77 - -  pam_unix(sshd:session): session closed for user bob",
            user: "bob",
            event: "session-close",
            resource: "sshd"
        ),
        // pam_unix writes `failure` after one more, `failures` after more.
        ActivityCase(
            bsd(
                "sshd[1]",
                "PAM 1 more authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9  user=root"
            ),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd(
                "sshd(pam_unix)[1]",
                "authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=host.example  user=root"
            ),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "host.example"
        ),
        ActivityCase(
            bsd("sshd(pam_unix)[1]", "session opened for user root by (uid=0)"),
            user: "root",
            event: "session-open",
            resource: "sshd",
            outcome: "success"
        ),
        ActivityCase(
            bsd(
                "su[1]",
                "pam_unix(su:auth): authentication failure; logname=alice uid=1000 euid=0 tty=/dev/pts/0 ruser=alice rhost=  user=root"
            ),
            user: "root",
            event: "login",
            resource: "su",
            outcome: "failure"
        ),
        ActivityCase(bsd("sshd[1]", "PAM service(sshd) ignoring max retries; 6 > 3")),
        ActivityCase(bsd("systemd[1]", "pam_unix(systemd-user:session): something else")),
        // pam_access's `from` is the host, else the terminal, else the service: only a host is a client.
        ActivityCase(
            bsd("su[1]", "pam_access(su:account): access denied for user `bob' from `pts/0'"),
            user: "bob",
            event: "login",
            resource: "su",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("crond[1]", "pam_access(crond:account): access denied for user `bob' from `crond'"),
            user: "bob",
            event: "login",
            resource: "crond",
            outcome: "failure"
        ),
    ]

    @Test(arguments: Self.cases)
    func recognizes(_ row: ActivityCase) throws {
        try row.verify()
    }
}

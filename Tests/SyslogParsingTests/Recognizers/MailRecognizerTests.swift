import Testing

/// Dovecot's login processes and Postfix's SMTP AUTH.
struct MailRecognizerTests {
    static let cases: [ActivityCase] = [
        ActivityCase(
            "<22>Dec  6 10:01:02 mail dovecot: imap-login: Login: user=<bob>, method=PLAIN, rip=203.0.113.9, "
                + "lip=10.0.0.1, mpid=1234, TLS, session=<abc>",
            user: "bob",
            event: "login",
            resource: "imap",
            outcome: "success",
            client: "203.0.113.9"
        ),
        ActivityCase(
            "<22>Dec  6 10:01:02 mail dovecot: imap-login: Disconnected (auth failed, 1 attempts in 6 secs): "
                + "user=<toto@toto.com>, method=PLAIN, rip=1.1.1.1, lip=10.0.0.1, TLS, session=<x>",
            user: "toto@toto.com",
            event: "login",
            resource: "imap",
            outcome: "failure",
            client: "1.1.1.1"
        ),
        ActivityCase(
            "<22>Dec  6 10:01:02 mail dovecot: imap-login: Login aborted: Connection closed (auth failed, 3 attempts in "
                + "15 secs) (auth_failed): user=<bob>, method=PLAIN, rip=203.0.113.9, lip=10.0.0.1, session=<x>",
            user: "bob",
            event: "login",
            resource: "imap",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        // Dovecot's own log file: the process as the TAG, the level written; `user=<>` names no one.
        ActivityCase(
            "<22>Dec  6 10:01:02 mail pop3-login: Info: Login: user=<test@yourdomain.net>, method=PLAIN, "
                + "rip=172.17.0.1, lip=172.17.0.2, mpid=36, session=<x>",
            user: "test@yourdomain.net",
            event: "login",
            resource: "pop3",
            outcome: "success",
            client: "172.17.0.1"
        ),
        ActivityCase(
            "<22>Dec  6 10:01:02 mail imap-login: Info: Disconnected (auth failed, 1 attempts in 2 secs): user=<>, "
                + "method=PLAIN, rip=1.1.1.1, lip=10.0.0.1",
            event: "login",
            resource: "imap",
            outcome: "failure",
            client: "1.1.1.1"
        ),
        // No login tried, and other processes' lines: nothing (not `user=<>,` as a key=value user).
        ActivityCase(
            "<22>Dec  6 10:01:02 mail dovecot: imap-login: Disconnected (no auth attempts in 0 secs): user=<>, "
                + "rip=1.1.1.1, lip=10.0.0.1, session=<x>"
        ),
        ActivityCase("<22>Dec  6 10:01:02 mail dovecot: imap(bob)<123><abc>: Logged out in=100 out=200"),
        ActivityCase("<22>Dec  6 10:01:02 mail dovecot: master: Dovecot v2.3.16 starting up for imap, pop3"),
        // Postfix: a failed SMTP AUTH (the user only from Postfix 3.x), a message submitted after one.
        ActivityCase(
            "<22>Dec  6 10:01:02 mail postfix/smtpd[123]: warning: unknown[203.0.113.9]: SASL LOGIN authentication "
                + "failed: UGFzc3dvcmQ6",
            event: "login",
            resource: "smtpd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            "<22>Dec  6 10:01:02 mail postfix/smtpd[123]: warning: mx.example.com[203.0.113.9]: SASL PLAIN "
                + "authentication failed: , sasl_username=bob",
            user: "bob",
            event: "login",
            resource: "smtpd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            "<22>Dec  6 10:01:02 mail postfix/submission/smtpd[123]: 4F2A1C0B: client=mx.example.com[203.0.113.9], "
                + "sasl_method=PLAIN, sasl_username=bob",
            user: "bob",
            event: "login",
            resource: "smtpd",
            outcome: "success",
            client: "203.0.113.9"
        ),
        ActivityCase("<22>Dec  6 10:01:02 mail postfix/smtpd[123]: 4F2A1C0B: client=mx.example.com[203.0.113.9]"),
        ActivityCase("<22>Dec  6 10:01:02 mail postfix/smtpd[123]: connect from unknown[203.0.113.9]"),
        ActivityCase(
            "<22>Dec  6 10:01:02 mail postfix/smtpd[123]: warning: hostname x does not resolve to address 203.0.113.9"
        ),
    ]

    @Test(arguments: Self.cases)
    func recognizes(_ row: ActivityCase) throws {
        try row.verify()
    }
}

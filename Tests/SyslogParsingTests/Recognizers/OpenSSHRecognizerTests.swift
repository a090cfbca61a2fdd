import Testing

/// OpenSSH lines as `auth.c`/`auth2.c` write them, every method and the preauth endings.
struct OpenSSHRecognizerTests {
    static let cases: [ActivityCase] = [
        ActivityCase(
            bsd("sshd[1234]", "Failed password for invalid user admin from 203.0.113.9 port 52144 ssh2"),
            user: "admin",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd("sshd[1]", "Accepted publickey for bob from 198.51.100.4 port 50000 ssh2: ED25519 SHA256:AbC/dEf+1"),
            user: "bob",
            event: "login",
            resource: "sshd",
            outcome: "success",
            client: "198.51.100.4"
        ),
        ActivityCase(
            bsd("sshd[1]", "Accepted keyboard-interactive/pam for carol from 2001:db8::5 port 2200 ssh2"),
            user: "carol",
            event: "login",
            resource: "sshd",
            outcome: "success",
            client: "2001:db8::5"
        ),
        ActivityCase(
            bsd("sshd[1]", "Failed publickey for root from 203.0.113.9 port 1 ssh2: RSA SHA256:x"),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd("sshd[1]", "Failed none for invalid user guest from 203.0.113.9 port 1 ssh2"),
            user: "guest",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd("sshd[1]", "Failed password for invalid user a user from x from 203.0.113.9 port 22 ssh2"),
            user: "a user from x",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd("sshd[1]", "Partial publickey for dave from 192.0.2.1 port 22 ssh2: ED25519 SHA256:y"),
            user: "dave",
            event: "login",
            resource: "sshd",
            client: "192.0.2.1"
        ),
        ActivityCase(
            bsd("sshd[1]", "Invalid user admin from 203.0.113.9 port 52144"),
            user: "admin",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        // Older OpenSSH wrote no port (public auth-log collections are full of these).
        ActivityCase(
            bsd("sshd[24200]", "Invalid user webmaster from 173.234.31.186"),
            user: "webmaster",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "173.234.31.186"
        ),
        ActivityCase(
            bsd("sshd[1]", "Illegal user bob from host.example.net"),
            user: "bob",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "host.example.net"
        ),
        // A client that sent an empty user name: the login failed, and no user is stated.
        ActivityCase(
            bsd("sshd[1]", "Invalid user  from 203.0.113.9 port 40000"),
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd("sshd[1]", "Invalid user  from 203.0.113.9"),
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd("sshd[1]", "Failed password for invalid user  from 203.0.113.9 port 40000 ssh2"),
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd("sshd[1]", "Connection closed by invalid user  203.0.113.9 port 40000 [preauth]"),
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        // sshd's report of a PAM error (auth-pam.c): PAM's own text, then the user and the address.
        ActivityCase(
            bsd("sshd[1]", "error: PAM: Authentication failure for root from 203.0.113.9"),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd(
                "sshd[1]",
                "error: PAM: User not known to the underlying authentication module for illegal user admin from "
                    + "scanner.example.net"
            ),
            user: "admin",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "scanner.example.net"
        ),
        // A trailing space after the address (fail2ban's collection has such lines) is no part of it.
        ActivityCase(
            bsd(
                "sshd[1]",
                "error: PAM: User not known to the underlying authentication module for illegal user kernel from "
                    + "10.215.4.227 "
            ),
            user: "kernel",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "10.215.4.227"
        ),
        ActivityCase(
            bsd("sshd[1]", "Invalid user admin from 203.0.113.9 "),
            user: "admin",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        // OpenSSH before 3.9: `illegal user`.
        ActivityCase(
            bsd("sshd[1]", "Failed password for illegal user jordan from 61.244.242.25 port 48631 ssh2"),
            user: "jordan",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "61.244.242.25"
        ),
        ActivityCase(
            bsd("sshd[1]", "input_userauth_request: illegal user jordan"),
            user: "jordan",
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("sshd[1]", "input_userauth_request: invalid user admin [preauth]"),
            user: "admin",
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("sshd[1]", "Connection closed by authenticating user root 203.0.113.9 port 22 [preauth]"),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd("sshd[1]", "Disconnected from invalid user oracle 203.0.113.9 port 40000 [preauth]"),
            user: "oracle",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd("sshd[1]", "Disconnecting: Too many authentication failures for root [preauth]"),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        // OpenSSH 6 and 7 name the address too.
        ActivityCase(
            bsd(
                "sshd[1]",
                "Disconnecting: Too many authentication failures for root from 193.201.225.25 port 58710 ssh2 [preauth]"
            ),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "193.201.225.25"
        ),
        ActivityCase(
            bsd(
                "sshd[1]",
                "Disconnecting: Too many authentication failures for invalid user admin from 203.0.113.9 port 40000 ssh2"
            ),
            user: "admin",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd("sshd[1]", "Disconnecting: Too many authentication failures for invalid user admin [preauth]"),
            user: "admin",
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        ActivityCase(
            bsd(
                "sshd[1]",
                "Disconnecting authenticating user root 203.0.113.9 port 22: Too many authentication failures [preauth]"
            ),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd(
                "sshd[1]",
                "error: maximum authentication attempts exceeded for root from 203.0.113.9 port 22 ssh2 [preauth]"
            ),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd(
                "sshd[1]",
                "error: maximum authentication attempts exceeded for invalid user pi from 203.0.113.9 port 22 ssh2 [preauth]"
            ),
            user: "pi",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd("sshd[1]", "User root from 203.0.113.9 not allowed because not listed in AllowUsers"),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        // The account itself refused: no address in the line.
        ActivityCase(
            bsd("sshd[1]", "User root not allowed because account is locked"),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("sshd[1]", "User git not allowed because shell /usr/bin/git-shell does not exist"),
            user: "git",
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("sshd[1]", "Disconnected from user bob 198.51.100.4 port 50000"),
            user: "bob",
            event: "session-close",
            resource: "sshd",
            client: "198.51.100.4"
        ),
        ActivityCase(
            bsd("sshd[1]", "Close session: user ansible from 192.168.1.1 port 34928 id 0"),
            user: "ansible",
            event: "session-close",
            resource: "sshd",
            client: "192.168.1.1"
        ),
        // `UNKNOWN`: sshd could not read the peer's address.
        ActivityCase(
            bsd("sshd[1]", "Invalid user user from UNKNOWN"),
            user: "user",
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        ActivityCase(
            bsd("sshd[1]", "Failed password for root from UNKNOWN port 65535 ssh2"),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        // An authenticated user's connection ending any other way (packet.c, serverloop.c).
        ActivityCase(
            bsd("sshd[1]", "Connection closed by user bob 198.51.100.4 port 50000"),
            user: "bob",
            event: "session-close",
            resource: "sshd",
            client: "198.51.100.4"
        ),
        ActivityCase(
            bsd("sshd[1]", "Connection reset by user bob 2001:db8::4 port 50000"),
            user: "bob",
            event: "session-close",
            resource: "sshd",
            client: "2001:db8::4"
        ),
        ActivityCase(
            bsd("sshd[1]", "Timeout, client not responding from user bob 198.51.100.4 port 50000"),
            user: "bob",
            event: "session-close",
            resource: "sshd",
            client: "198.51.100.4"
        ),
        ActivityCase(
            bsd("sshd[1]", "Connection from user bob 198.51.100.4 port 50000 timed out"),
            user: "bob",
            event: "session-close",
            resource: "sshd",
            client: "198.51.100.4"
        ),
        ActivityCase(
            bsd("sshd[1]", "Connection from authenticating user root 203.0.113.9 port 50000 timed out [preauth]"),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        // Not a user's: a client that never named one, or the connection's start.
        ActivityCase(bsd("sshd[1]", "Connection closed by 203.0.113.9 port 50000 [preauth]")),
        ActivityCase(bsd("sshd[1]", "Timeout, client not responding from 203.0.113.9 port 50000")),
        ActivityCase(bsd("sshd[1]", "Connection from 203.0.113.9 port 50000 on 10.0.0.1 port 22 rdomain \"\"")),
        ActivityCase(
            bsd("sshd-session[9]", "Accepted password for eve from 192.0.2.8 port 1022 ssh2"),
            user: "eve",
            event: "login",
            resource: "sshd",
            outcome: "success",
            client: "192.0.2.8"
        ),
        ActivityCase(
            bsd("sshd[1]", "message repeated 3 times: [ Failed password for root from 203.0.113.9 port 22 ssh2]"),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            "<13>1 2026-12-06T10:01:02Z web1 sshd 77 - - Accepted password for frank from 192.0.2.9 port 22 ssh2",
            user: "frank",
            event: "login",
            resource: "sshd",
            outcome: "success",
            client: "192.0.2.9"
        ),
        // rsyslog relaying a BSD line as RFC 5424 keeps the space after the tag's colon in MSG.
        ActivityCase(
            "<38>1 2026-12-06T10:01:02.123456+00:00 web1 sshd 77 - -  Failed password for root from 192.0.2.9 port 22 "
                + "ssh2",
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "192.0.2.9"
        ),
        // PermitRootLogin no.
        ActivityCase(
            bsd("sshd[1643]", "ROOT LOGIN REFUSED FROM 203.0.113.9 port 12345 [preauth]"),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd("sshd[1]", "ROOT LOGIN REFUSED FROM 203.0.113.9"),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        // Not activities: no field at all.
        ActivityCase(bsd("sshd[1]", "Server listening on 0.0.0.0 port 22.")),
        ActivityCase(bsd("sshd[1]", "Connection closed by 203.0.113.9 port 22 [preauth]")),
        ActivityCase(
            bsd("sshd[1]", "Received disconnect from 203.0.113.9 port 22:11: Bye Bye [preauth]")
        ),
        ActivityCase(
            bsd("sshd[1]", "Did not receive identification string from 203.0.113.9 port 22")
        ),
        // Without a port, the address must be the last word: anything after it is not guessed at.
        ActivityCase(bsd("sshd[1]", "Invalid user admin from 203.0.113.9 now")),
        ActivityCase(bsd("sshd[1]", "Invalid user admin from ")),
        ActivityCase(bsd("sshd[1]", "error: PAM: Authentication failure")),
        ActivityCase(bsd("sshd[1]", "Accepted")),
        ActivityCase(bsd("sshd[1]", "Failed password for root")),
        ActivityCase(
            bsd("myapp[1]", "saw 'Failed password for root from 1.2.3.4 port 22 ssh2' in a log")
        ),
        // PAM's own text may hold ` for `: the user follows the last one.
        ActivityCase(
            bsd(
                "sshd[1]",
                "error: PAM: Have exhausted maximum number of retries for service for root from 203.0.113.9"
            ),
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            bsd("sshd[1]", "fatal: Access denied for user bob by PAM account configuration [preauth]"),
            user: "bob",
            event: "login",
            resource: "sshd",
            outcome: "failure"
        ),
        ActivityCase(bsd("sshd[1]", "fatal: Read from socket failed: Connection reset by peer [preauth]")),
    ]

    @Test(arguments: Self.cases)
    func recognizes(_ row: ActivityCase) throws {
        try row.verify()
    }
}

/// Auth-log and network-device lines of the kinds the recognizers read, as the programs write them, with random
/// users, addresses and numbers: the extraction benchmark's half of its corpus.
enum ActivityLines {
    private static let users = ["alice", "bob", "carol", "root", "admin", "deploy", "oracle", "svc-backup"]

    /// Appends one line (no terminator).
    static func append(_ random: inout SplitMix64, number: Int, to output: inout [UInt8]) {
        let user = Self.users[random.next(below: Self.users.count)]
        let address = "203.0.\(random.next(below: 256)).\(random.next(below: 256))"
        let port = 1024 + random.next(below: 60000)
        let pid = 1000 + random.next(below: 60000)
        let header = "<86>Dec  6 10:\(10 + number % 50):\(10 + number % 49) web\(number % 7) "
        let line: String =
            switch random.next(below: 16) {
            case 0: header + "sshd[\(pid)]: Failed password for invalid user \(user) from \(address) port \(port) ssh2"
            case 1:
                header + "sshd[\(pid)]: Accepted publickey for \(user) from \(address) port \(port) ssh2: ED25519 "
                    + "SHA256:Wm1ZfX2c3q8Yk4b1uJ0tL9pRrS7vTnQeH6aGdCyK5Uo"
            case 2: header + "sshd[\(pid)]: Invalid user \(user) from \(address) port \(port)"
            case 3:
                header + "sshd[\(pid)]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh "
                    + "ruser= rhost=\(address)  user=\(user)"
            case 4:
                header + "sshd[\(pid)]: pam_unix(sshd:session): session opened for user \(user)(uid=1000) by (uid=0)"
            case 5:
                header + "sudo[\(pid)]:    \(user) : TTY=pts/\(pid % 9) ; PWD=/home/\(user) ; USER=root ; "
                    + "COMMAND=/usr/bin/systemctl restart nginx"
            case 6: header + "su[\(pid)]: (to root) \(user) on pts/\(pid % 9)"
            case 7: header + "systemd-logind[\(pid)]: New session \(pid) of user \(user)."
            case 8: header + "CRON[\(pid)]: (\(user)) CMD (   cd / && run-parts --report /etc/cron.hourly)"
            case 9:
                header
                    + "useradd[\(pid)]: new user: name=\(user)\(pid), UID=\(pid), GID=\(pid), home=/home/\(user), shell=/bin/bash"
            case 10:
                "<189>\(number % 9999): *Dec  6 10:01:02.123: %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: \(user)] "
                    + "[Source: \(address)] [localport: 22] at 10:01:02 UTC Sun Dec 6 2026"
            case 11:
                "<187>Dec  6 10:01:02 sw\(number % 5) %LINK-3-UPDOWN: Interface GigabitEthernet0/\(pid % 48), changed state to down"
            case 12:
                header + "mgd[\(pid)]: UI_LOGIN_EVENT: User '\(user)' login, class 'j-super-user' [\(pid)], "
                    + "ssh-connection '\(address) \(port) 10.0.0.1 22', client-mode 'cli'"
            case 13:
                "<189>date=2026-12-06 time=10:01:02 devname=\"FGT60F\" devid=\"FGT60FTK1\" logid=\"0000000013\" "
                    + "type=\"traffic\" subtype=\"forward\" level=\"notice\" srcip=\(address) srcport=\(port) "
                    + "dstip=8.8.8.8 dstport=53 proto=17 action=\"\(pid % 2 == 0 ? "accept" : "deny")\" policyid=1"
            case 14:
                "<134>Dec  6 10:01:02 ids CEF:0|Security|threatmanager|1.0|100|worm successfully stopped|10|"
                    + "src=\(address) dst=2.1.2.2 spt=\(port) suser=\(user) act=blocked outcome=failure"
            default:
                header + "audit[\(pid)]: type=USER_LOGIN msg=audit(1733479262.123:\(pid)): pid=\(pid) uid=0 "
                    + "msg='op=login acct=\"\(user)\" exe=\"/usr/sbin/sshd\" addr=\(address) terminal=ssh res=failed'"
            }
        output.append(contentsOf: line.utf8)
    }
}

import Testing

/// Cisco ASA and FTD messages by message ID: management logins, AAA, commands, VPN sessions and flows, with and
/// without the host name's ` : `, and lines of the same families that must give nothing.
struct CiscoASARecognizerTests {
    static let cases: [ActivityCase] = [
        // Management logins: the service logged in to is the resource; the console's `serial` names no client.
        ActivityCase(
            asa(6, 605_005, #"Login permitted from 10.1.1.1/52144 to inside:10.2.2.2/ssh for user "admin""#),
            user: "admin",
            event: "login",
            resource: "ssh",
            outcome: "success",
            client: "10.1.1.1"
        ),
        ActivityCase(
            asa(6, 605_004, #"Login denied from 10.1.1.1/52144 to outside:10.2.2.2/https for user "admin""#),
            user: "admin",
            event: "login",
            resource: "https",
            outcome: "failure",
            client: "10.1.1.1"
        ),
        ActivityCase(
            asa(6, 605_005, #"Login permitted from serial to console for user "enable_15""#),
            user: "enable_15",
            event: "login",
            resource: "console",
            outcome: "success"
        ),
        // The ASA hides a failed login's name unless told not to.
        ActivityCase(
            asa(6, 605_004, #"Login denied from 10.1.1.1/52144 to outside:10.2.2.2/ssh for user "*****""#),
            event: "login",
            resource: "ssh",
            outcome: "failure",
            client: "10.1.1.1"
        ),
        ActivityCase(
            asa(6, 611_101, "User authentication succeeded: IP address: 10.1.1.1, Uname: admin"),
            user: "admin",
            event: "login",
            outcome: "success",
            client: "10.1.1.1"
        ),
        ActivityCase(
            asa(6, 611_101, "User authentication succeeded: IP address: 10.1.1.1,, Uname: admin"),
            user: "admin",
            event: "login",
            outcome: "success",
            client: "10.1.1.1"
        ),
        ActivityCase(
            asa(6, 611_102, "User authentication failed: Uname: admin"),
            user: "admin",
            event: "login",
            outcome: "failure"
        ),
        // AAA: `server =` is the AAA server, not the client.
        ActivityCase(
            asa(6, 113_004, "AAA user authentication Successful : server =  10.0.0.7 : user = admin"),
            user: "admin",
            event: "login",
            outcome: "success"
        ),
        ActivityCase(
            asa(6, 113_012, "AAA user authentication Successful : local database : user = admin"),
            user: "admin",
            event: "login",
            outcome: "success"
        ),
        ActivityCase(
            asa(
                6,
                113_005,
                "AAA user authentication Rejected : reason = AAA failure : server = 10.0.0.7 : user = ***** : user IP = 10.1.1.1"
            ),
            event: "login",
            outcome: "failure",
            client: "10.1.1.1"
        ),
        ActivityCase(
            asa(
                6,
                113_015,
                "AAA user authentication Rejected : reason = Invalid password : local database : user = bob : user IP = 10.1.1.1"
            ),
            user: "bob",
            event: "login",
            outcome: "failure",
            client: "10.1.1.1"
        ),
        // 9.x writes some of the colons with no space before them, and may end with the user.
        ActivityCase(
            "May  5 19:02:25 dev01: %ASA-6-113005: AAA user authentication Rejected: reason = AAA failure: server = 81.2.69.144 : user = alice: user IP = 172.31.98.44",
            user: "alice",
            event: "login",
            outcome: "failure",
            client: "172.31.98.44"
        ),
        ActivityCase(
            asa(
                6,
                113_015,
                "AAA user authentication Rejected : reason = Invalid password : local database : user = bob : user IP = None"
            ),
            user: "bob",
            event: "login",
            outcome: "failure"
        ),
        ActivityCase(
            asa(6, 113_005, "AAA user authentication Rejected : reason = AAA failure : server = 10.0.0.7 : user = bob"),
            user: "bob",
            event: "login",
            outcome: "failure"
        ),
        ActivityCase(
            asa(6, 605_004, #"Login denied from 81.2.69.144/51215 to dmz-1000:81.2.69.145/https for user """#),
            event: "login",
            resource: "https",
            outcome: "failure",
            client: "81.2.69.144"
        ),
        // Commands.
        // 111008 logs every command but `show`: who ran what, not that anything changed.
        ActivityCase(
            asa(5, 111_008, "User 'enable_15' executed the 'configure terminal' command."),
            user: "enable_15",
            resource: "configure terminal"
        ),
        ActivityCase(
            asa(5, 111_010, "User 'admin', running 'CLI' from IP 10.1.1.1, executed 'write memory'"),
            user: "admin",
            event: "config-change",
            resource: "write memory",
            client: "10.1.1.1"
        ),
        // From the console the address is 0.0.0.0: none.
        ActivityCase(
            asa(5, 111_010, "User 'john', running 'CLI' from IP 0.0.0.0, executed 'dir disk0:/dap.xml'"),
            user: "john",
            event: "config-change",
            resource: "dir disk0:/dap.xml"
        ),
        // VPN sessions.
        ActivityCase(
            asa(6, 716_001, "Group <Staff> User <bob> IP <203.0.113.9> WebVPN session started."),
            user: "bob",
            event: "session-open",
            outcome: "success",
            client: "203.0.113.9"
        ),
        ActivityCase(
            asa(6, 113_039, "Group <Staff> User <bob> IP <203.0.113.9> AnyConnect parent session started."),
            user: "bob",
            event: "session-open",
            outcome: "success",
            client: "203.0.113.9"
        ),
        ActivityCase(
            asa(6, 716_002, "Group <Staff> User <bob> IP <203.0.113.9> WebVPN session terminated: User Requested."),
            user: "bob",
            event: "session-close",
            client: "203.0.113.9"
        ),
        // Without the brackets.
        ActivityCase(
            asa(6, 716_002, "Group another-policy User alice IP 192.168.50.1 WebVPN session terminated: Idle timeout."),
            user: "alice",
            event: "session-close",
            client: "192.168.50.1"
        ),
        ActivityCase(
            asa(6, 113_039, "Group VPN_USERS User example.user IP 67.43.156.14 AnyConnect parent session started."),
            user: "example.user",
            event: "session-open",
            outcome: "success",
            client: "67.43.156.14"
        ),
        // A LAN-to-LAN tunnel's "user name" is its peer's address.
        ActivityCase(
            asa(
                4,
                113_019,
                "Group = 81.2.69.144, Username = 81.2.69.144, IP = 81.2.69.144, Session disconnected. Session Type: LAN-to-LAN, Duration: 0h:00m:22s, Bytes xmt: 1, Bytes rcv: 2, Reason: User Requested"
            ),
            event: "session-close",
            client: "81.2.69.144"
        ),
        ActivityCase(
            asa(
                4,
                113_019,
                "Group = Staff, Username = bob, IP = 203.0.113.9, Session disconnected. Session Type: SSL, Duration: 0h:10m:02s, Bytes xmt: 1, Bytes rcv: 2, Reason: User Requested"
            ),
            user: "bob",
            event: "session-close",
            client: "203.0.113.9"
        ),
        // Flows: inbound ones are opened from the `for` side, outbound ones from the `to` side.
        ActivityCase(
            asa(
                6,
                302_013,
                "Built inbound TCP connection 7 for outside:203.0.113.9/4444 (203.0.113.9/4444) to inside:10.0.0.5/22 (10.0.0.5/22)"
            ),
            event: "connection",
            resource: "10.0.0.5:22",
            outcome: "success",
            client: "203.0.113.9"
        ),
        ActivityCase(
            asa(
                6,
                302_015,
                #"Built outbound UDP connection 8 for outside:8.8.8.8/53 (8.8.8.8/53) to inside:10.0.0.5/5353 (198.51.100.2/5353) (LOCAL\bob)"#
            ),
            event: "connection",
            resource: "8.8.8.8:53",
            outcome: "success",
            client: "10.0.0.5"
        ),
        ActivityCase(
            asa(
                4,
                106_023,
                #"Deny tcp src outside:203.0.113.9/4444 dst inside:10.0.0.5/22 by access-group "outside_in" [0x0, 0x0]"#
            ),
            event: "connection",
            resource: "10.0.0.5:22",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            asa(
                4,
                106_023,
                #"Deny icmp src outside:203.0.113.9 dst inside:10.0.0.5 (type 8, code 0) by access-group "outside_in" [0x0, 0x0]"#
            ),
            event: "connection",
            resource: "10.0.0.5",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            asa(
                6,
                106_100,
                "access-list outside_in permitted tcp outside/2001:db8::9(4444) -> inside/2001:db8::5(443) hit-cnt 1 first hit [0x91c26a3, 0x0]"
            ),
            event: "connection",
            resource: "[2001:db8::5]:443",
            outcome: "success",
            client: "2001:db8::9"
        ),
        ActivityCase(
            asa(
                2,
                106_001,
                "Inbound TCP connection denied from 203.0.113.9/4444 to 10.0.0.5/22 flags SYN  on interface outside"
            ),
            event: "connection",
            resource: "10.0.0.5:22",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            asa(2, 106_006, "Deny inbound UDP from 203.0.113.9/4444 to 10.0.0.5/53 on interface outside"),
            event: "connection",
            resource: "10.0.0.5:53",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            asa(
                6,
                106_015,
                "Deny TCP (no connection) from 203.0.113.9/4444 to 10.0.0.5/80 flags RST  on interface outside"
            ),
            event: "connection",
            resource: "10.0.0.5:80",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            "<166>Dec 06 2026 10:01:02: %FTD-6-710003: TCP access denied by ACL from 203.0.113.9/4444 to outside:10.0.0.5/22",
            event: "connection",
            resource: "10.0.0.5:22",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        // Headers: the host name and its ` : `, a message class in the mnemonic, a timestamp after the PRI's colon.
        ActivityCase(
            "<166>Dec 06 2026 10:01:02 fw1 : %ASA-6-605005: Login permitted from 10.1.1.1/52144 to inside:10.2.2.2/ssh for user \"admin\"",
            user: "admin",
            event: "login",
            resource: "ssh",
            outcome: "success",
            client: "10.1.1.1"
        ),
        ActivityCase(
            "<166>:Jan 13 2020 15:51:28 MSK: %ASA-auth-6-113004: AAA user authentication Successful : server = 10.0.0.7 : user = bob",
            user: "bob",
            event: "login",
            outcome: "success"
        ),
        // The message guide's own form, `…, User = NAME`, and a device ID before the mnemonic.
        ActivityCase(
            "<166>May  5 19:02:25 dev01: %ASA-6-113004: AAA user authentication Successful: server = 81.2.69.144 , "
                + "User = alice",
            user: "alice",
            event: "login",
            outcome: "success"
        ),
        ActivityCase(
            "<166>%ASA-6-113005: AAA user authentication Rejected: reason = string: server = 174.143.32.22, User = user: "
                + "user IP = 192.168.0.1",
            user: "user",
            event: "login",
            outcome: "failure",
            client: "192.168.0.1"
        ),
        // Headers the parser cannot read (a host but no timestamp; a year first): the mnemonic is found in the text.
        ActivityCase(
            "<166>ACA1a-FW-FTDV01 %FTD-6-113005: AAA user authentication Rejected : reason = AAA failure : server = "
                + "192.168.0.38 : user = scan : user IP = 192.168.0.139",
            user: "scan",
            event: "login",
            outcome: "failure",
            client: "192.168.0.139"
        ),
        ActivityCase(
            "<166>: 2024 Aug 07 10:29:42 UTC ccafa9b4-b48a-4156-b3af-de2d35e5f432 : %FTD-auth-6-113039: Group "
                + "<GroupPolicy_XXX> User <bob> IP <10.10.4.100> AnyConnect parent session started.",
            user: "bob",
            event: "session-open",
            outcome: "success",
            client: "10.10.4.100"
        ),
        ActivityCase(
            "<165>:Jan 14 18:10:27 MSK :%ASA-5-111008: User 'somebody' executed the 'write memory' command.",
            user: "somebody",
            resource: "write memory"
        ),
        ActivityCase(
            "<166>2024-06-26T01:35:42Z: %FTD-6-113004: AAA user authentication Successful : server =  10.10.48.61 : user = jdoe",
            user: "jdoe",
            event: "login",
            outcome: "success"
        ),
        ActivityCase(
            "<166>Dec 06 2026 10:01:02: %FWSM-6-605005: Login permitted from 10.1.1.1/52144 to inside:10.2.2.2/ssh for user \"admin\"",
            user: "admin",
            event: "login",
            resource: "ssh",
            outcome: "success",
            client: "10.1.1.1"
        ),
        // The same families, but no activity (or not one the message states).
        ActivityCase(
            asa(
                6,
                302_014,
                "Teardown TCP connection 7 for outside:203.0.113.9/4444 to inside:10.0.0.5/22 duration 0:00:30 bytes 1024 TCP FINs"
            )
        ),
        ActivityCase(
            asa(
                6,
                106_100,
                "access-list outside_in est-allowed tcp outside/203.0.113.9(4444) -> inside/10.0.0.5(22) hit-cnt 1 first hit [0x0, 0x0]"
            )
        ),
        ActivityCase(asa(7, 111_009, "User 'admin' executed cmd: show running-config")),
        ActivityCase(asa(6, 113_008, "AAA transaction status ACCEPT : user = admin")),
        ActivityCase(asa(6, 113_004, "AAA user authorization Successful : server = 10.0.0.7 : user = admin")),
        ActivityCase(asa(6, 605_005, "Login permitted from 10.1.1.1/52144")),
        ActivityCase(asa(4, 106_023, "Deny tcp src outside: dst inside:10.0.0.5/22 by access-group \"x\"")),
        ActivityCase(asa(6, 12_345, "Login permitted from 10.1.1.1/1 to inside:10.2.2.2/ssh for user \"admin\"")),
        ActivityCase(
            asa(4, 411_002, "Line protocol on Interface inside, changed state to down"),
            event: "link-down",
            resource: "inside"
        ),
        ActivityCase(
            asa(4, 411_001, "Line protocol on Interface GigabitEthernet0/1, changed state to up"),
            event: "link-up",
            resource: "GigabitEthernet0/1"
        ),
        ActivityCase(asa(4, 411_003, "Configuration status on Interface inside, changed state to up")),
        // ICMP flows: the numbers after `/` are no ports; outbound ones are opened from the local side.
        ActivityCase(
            asa(
                6,
                302_020,
                "Built inbound ICMP connection for faddr 203.0.113.9/1 gaddr 198.51.100.5/0 laddr 10.0.0.5/0 type 8 code 0"
            ),
            event: "connection",
            resource: "10.0.0.5",
            outcome: "success",
            client: "203.0.113.9"
        ),
        ActivityCase(
            asa(
                6,
                302_020,
                "Built outbound ICMP connection for faddr 8.8.8.8/0 gaddr 198.51.100.5/7 laddr 10.0.0.5/7(LOCAL\\bob) type 8 code 0"
            ),
            event: "connection",
            resource: "8.8.8.8",
            outcome: "success",
            client: "10.0.0.5"
        ),
        ActivityCase(
            asa(6, 302_021, "Teardown ICMP connection for faddr 203.0.113.9/1 gaddr 198.51.100.5/0 laddr 10.0.0.5/0")
        ),
        ActivityCase(
            asa(3, 106_014, "Deny inbound icmp src outside:203.0.113.9 dst inside:10.0.0.5 (type 8, code 0)"),
            event: "connection",
            resource: "10.0.0.5",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            asa(3, 106_010, "Deny inbound protocol 47 src outside:203.0.113.9 dst inside:10.0.0.5"),
            event: "connection",
            resource: "10.0.0.5",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        // A trailing space; an interface name with spaces and no mapped address; ICMPv6 in capitals has no port.
        ActivityCase(
            "<166>%ASA-3-106011: Deny inbound (No xlate) tcp src outside:203.0.113.9/4444 dst outside:10.0.0.5/22 ",
            event: "connection",
            resource: "10.0.0.5:22",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            "<166>%ASA-6-302013: Built inbound TCP connection 7 for NP Identity Ifc:203.0.113.9/4444 (203.0.113.9/4444) "
                + "to NP Identity Ifc:10.0.0.5/22",
            event: "connection",
            resource: "10.0.0.5:22",
            outcome: "success",
            client: "203.0.113.9"
        ),
        ActivityCase(
            "<118>2020-02-04T11:00:54Z %FTD-6-430002: DeviceUUID: 9, AccessControlRuleAction: Allow, SrcIP: 1.2.3.4, "
                + "DstIP: 10.0.0.5, SrcPort: 8, DstPort: 0, Protocol: ipv6-ICMP",
            event: "connection",
            resource: "10.0.0.5",
            outcome: "success",
            client: "1.2.3.4"
        ),
        // FTD's connection events; ASA's denied ICMP to the device and untranslated packets.
        ActivityCase(
            "<185>2020-07-24T13:13:45Z   %FTD-1-430003: DeviceUUID: 854f1702-0ecf-1de8-0df9-e7e6f1185fdb, "
                + "AccessControlRuleAction: Allow, SrcIP: 192.0.2.143, DstIP: 192.0.2.74, SrcPort: 48522, DstPort: 80, "
                + "Protocol: tcp, IngressInterface: Outside, ACPolicy: My ASA Policy, User: No Authentication Required",
            event: "connection",
            resource: "192.0.2.74:80",
            outcome: "success",
            client: "192.0.2.143"
        ),
        ActivityCase(
            "<118>2020-02-04T11:00:54Z %FTD-6-430002: DeviceUUID: 90e1, AccessControlRuleAction: Block with reset, "
                + "SrcIP: 75.150.94.75, DstIP: 2001:db8::2, SrcPort: 59698, DstPort: 8027, Protocol: tcp",
            event: "connection",
            resource: "[2001:db8::2]:8027",
            outcome: "failure",
            client: "75.150.94.75"
        ),
        ActivityCase(
            "<118>2020-02-04T11:00:54Z %FTD-6-430003: DeviceUUID: 90e1, AccessControlRuleAction: Monitor, "
                + "SrcIP: 75.150.94.75, DstIP: 10.0.0.5, Protocol: icmp",
            event: "connection",
            resource: "10.0.0.5",
            client: "75.150.94.75"
        ),
        ActivityCase("<118>2020-02-04T11:00:54Z %FTD-1-430001: DeviceUUID: 90e1, SrcIP: 1.2.3.4, DstIP: 10.0.0.5"),
        ActivityCase(
            asa(3, 313_001, "Denied ICMP type=8, code=0 from 203.0.113.9 on interface outside"),
            event: "connection",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            asa(2, 106_011, "Deny inbound (No xlate) tcp src outside:203.0.113.9/4444 dst outside:198.51.100.5/80"),
            event: "connection",
            resource: "198.51.100.5:80",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        // An interface name with spaces (the to-the-box `NP Identity Ifc`); PIX's documented `outside: ADDRESS`; an
        // ICMP type glued to the address is no port.
        ActivityCase(
            "<166>Sep  7 06:25:28 PIXName %PIX-6-302013: Built inbound TCP connection 141968 for db:10.0.0.1/60749 "
                + "(10.0.0.1/60749) to NP Identity Ifc:10.0.0.2/22 (10.0.0.2/22)",
            event: "connection",
            resource: "10.0.0.2:22",
            outcome: "success",
            client: "10.0.0.1"
        ),
        ActivityCase(
            "<166>Sep  7 06:25:28 fw %ASA-4-106023: Deny tcp src outside: 204.16.208.49/58940 dst NP Identity "
                + "Ifc:10.0.0.2/22 by access-group \"x\" [0x0, 0x0]",
            event: "connection",
            resource: "10.0.0.2:22",
            outcome: "failure",
            client: "204.16.208.49"
        ),
        ActivityCase(
            "<166>Sep  7 06:25:28 fw %ASA-3-106014: Deny inbound icmp src fw111:10.10.10.10 dst "
                + "fw111:10.10.10.11(type 8, code 0)",
            event: "connection",
            resource: "10.10.10.11",
            outcome: "failure",
            client: "10.10.10.10"
        ),
        // The identity firewall's user and security-group tag after the source, a space inside.
        ActivityCase(
            "<140>Oct 06 2023 09:22:20 asa1 : %ASA-4-106023: Deny tcp src outside:192.168.2.2/51982(LOCAL\\bob, "
                + "9999:my_SgtName) dst inside:192.168.2.3/443 by access-group \"outside_access_in\" [0x2a9e189a, 0x0]",
            event: "connection",
            resource: "192.168.2.3:443",
            outcome: "failure",
            client: "192.168.2.2"
        ),
    ]

    @Test(arguments: Self.cases)
    func recognizes(_ row: ActivityCase) throws {
        try row.verify()
    }
}

/// An ASA line as a device without `logging device-id` sends it: `%ASA-SEVERITY-ID: TEXT` after a timestamp with the
/// year.
private func asa(_ severity: Int, _ id: Int, _ text: String) -> String {
    "<166>Dec 06 2026 10:01:02: %ASA-\(severity)-\(id): \(text)"
}

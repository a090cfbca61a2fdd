import Testing

/// Linux netfilter `LOG` lines (UFW, firewalld, plain iptables) from the `kernel`.
struct NetfilterRecognizerTests {
    static let cases: [ActivityCase] = [
        ActivityCase(
            "<4>Dec  6 10:01:02 web1 kernel: [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:00:00:01:00:16:3e:00:00:02:08:00 "
                + "SRC=203.0.113.9 DST=10.0.0.5 LEN=40 TOS=0x00 PREC=0x00 TTL=245 ID=54321 PROTO=TCP SPT=4444 DPT=22 "
                + "WINDOW=1024 RES=0x00 SYN URGP=0",
            event: "connection",
            resource: "10.0.0.5:22",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        // The kernel's own clock before the prefix.
        ActivityCase(
            "<4>Dec  6 10:01:02 web1 kernel: [  512.113456] [UFW ALLOW] IN=eth0 OUT= MAC= SRC=203.0.113.9 "
                + "DST=10.0.0.5 LEN=60 PROTO=UDP SPT=5353 DPT=53 LEN=40",
            event: "connection",
            resource: "10.0.0.5:53",
            outcome: "success",
            client: "203.0.113.9"
        ),
        // ICMP has no port; firewalld's prefixes; an outbound packet; a prefix that says no outcome.
        ActivityCase(
            "<4>Dec  6 10:01:02 web1 kernel: FINAL_REJECT: IN=eth0 OUT= MAC= SRC=203.0.113.9 DST=10.0.0.5 LEN=84 "
                + "TOS=0x00 PREC=0x00 TTL=64 ID=0 DF PROTO=ICMP TYPE=8 CODE=0 ID=1 SEQ=1",
            event: "connection",
            resource: "10.0.0.5",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            "<4>Dec  6 10:01:02 web1 kernel: IN_public_DROP: IN=eth0 OUT= MAC= SRC=203.0.113.9 DST=10.0.0.5 LEN=40 "
                + "PROTO=TCP SPT=1 DPT=23",
            event: "connection",
            resource: "10.0.0.5:23",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            "<4>Dec  6 10:01:02 web1 kernel: IN= OUT=eth0 SRC=10.0.0.5 DST=2001:db8::2 LEN=40 PROTO=TCP SPT=40000 DPT=443",
            event: "connection",
            resource: "[2001:db8::2]:443",
            client: "10.0.0.5"
        ),
        ActivityCase(
            "<4>Dec  6 10:01:02 web1 kernel: [UFW AUDIT] IN=eth0 OUT= MAC= SRC=203.0.113.9 DST=10.0.0.5 LEN=40 "
                + "PROTO=TCP SPT=1 DPT=23 RES=0x00",
            event: "connection",
            resource: "10.0.0.5:23",
            client: "203.0.113.9"
        ),
        // UniFi's gateways log with no `kernel` TAG, the rule's name first.
        ActivityCase(
            #"Jun 13 23:29:15 UDMP-DTC [WAN_LOCAL-D-2147483647] DESCR="[WAN_LOCAL]Block All Traffic" IN=eth8 OUT= "#
                + "MAC=aa SRC=192.168.1.1 DST=192.168.1.25 LEN=40 PROTO=TCP SPT=1 DPT=54329",
            event: "connection",
            resource: "192.168.1.25:54329",
            outcome: "failure",
            client: "192.168.1.1"
        ),
        // Not netfilter's: no `OUT=`, `IN=` inside a word or too far in, other kernel lines.
        ActivityCase(
            "<4>Dec  6 10:01:02 web1 kernel: IN=eth0 SRC=203.0.113.9 DST=10.0.0.5 DPT=23",
            client: "203.0.113.9"
        ),
        ActivityCase(
            "<4>Dec  6 10:01:02 web1 kernel: LOGIN=eth0 OUT= SRC=203.0.113.9 DST=10.0.0.5",
            client: "203.0.113.9"
        ),
        ActivityCase("<4>Dec  6 10:01:02 web1 kernel: e1000e: eth0 NIC Link is Up 1000 Mbps Full Duplex"),
        ActivityCase(
            "<4>Dec  6 10:01:02 web1 kernel: " + String(repeating: "x", count: 81) + " IN=eth0 OUT= SRC=1.2.3.4 "
                + "DST=10.0.0.5",
            client: "1.2.3.4"
        ),
        ActivityCase(
            "<4>Dec  6 10:01:02 web1 sshd[1]: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.9 DST=10.0.0.5 DPT=22",
            client: "203.0.113.9"
        ),
    ]

    @Test(arguments: Self.cases)
    func recognizes(_ row: ActivityCase) throws {
        try row.verify()
    }
}

import Testing

/// Where `key=value` pairs start and end: an `=` inside a value that is not read, quotes, auditd's `msg='…'`, the
/// pair limit, absent values, FortiGate's keys, and text a recognizer read.
struct KeyValueEdgeTests {
    static let cases: [ActivityCase] = [
        // An `=` inside an unquoted value begins no pair, whether or not the value is one a field reads.
        ActivityCase(bsd("shop", "note=a=b user=bob action=run"), user: "bob", event: "run"),
        ActivityCase(bsd("shop", "user=a=b action=run"), user: "a=b", event: "run"),
        // A key may follow an `=` that began none, but not inside a value.
        ActivityCase(bsd("shop", "x:=user=bob act=go"), user: "bob", event: "go"),
        ActivityCase(bsd("shop", "note=x:=user=bob act=go"), event: "go"),
        // Inside msg='…' an unquoted value ends at the closing quote; a key right after it follows no space.
        ActivityCase(bsd("shop", "msg='op=x zz=1'addr=192.0.2.7 user=u"), user: "u", event: "x"),
        ActivityCase(
            bsd("shop", "msg='op=x zz=1 addr=192.0.2.7' user=u"),
            user: "u",
            event: "x",
            client: "192.0.2.7"
        ),
        ActivityCase(bsd("shop", "msg='op=login acct=bob res=ok"), user: "bob", event: "login", outcome: "success"),
        // Quoted values hide the pairs in them; an unclosed quote runs to the end.
        ActivityCase(bsd("shop", #"a="p=q user=x" user=bob act=go"#), user: "bob", event: "go"),
        ActivityCase(bsd("shop", "a='p=q user=x' user=bob act=go"), user: "bob", event: "go"),
        ActivityCase(bsd("shop", #"user="a\"b c" act=go"#), user: #"a"b c"#, event: "go"),
        ActivityCase(bsd("shop", #"user="unclosed act=go status=ok"#)),
        // At most 64 pairs are read.
        ActivityCase(
            bsd("shop", (0..<63).map { "k\($0)=v" }.joined(separator: " ") + " user=edge act=late"),
            user: "edge"
        ),
        // An absent value leaves the field to the next candidate.
        ActivityCase(bsd("shop", "client=? src=192.0.2.1 user=bob"), user: "bob", client: "192.0.2.1"),
        ActivityCase(bsd("shop", "user= username=bob act=go"), user: "bob", event: "go"),
        // FortiGate's keys in any case, the first pair of each; without `subtype=` the line is generic.
        ActivityCase(
            bsd("shop", "TYPE=traffic subtype=x srcip=192.0.2.1 srcip=192.0.2.2 dstip=192.0.2.3 action=deny"),
            event: "connection",
            resource: "192.0.2.3",
            outcome: "failure",
            client: "192.0.2.1"
        ),
        ActivityCase(bsd("shop", "type=traffic srcip=192.0.2.1 action=deny"), event: "deny", client: "192.0.2.1"),
        // A message a recognizer read is not read as pairs too: a command's arguments state no client or outcome.
        ActivityCase(
            bsd(
                "sudo",
                "alice : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/usr/bin/probe src=192.0.2.9 status=failed"
            ),
            user: "alice",
            event: "sudo",
            resource: "/usr/bin/probe src=192.0.2.9 status=failed",
            outcome: "success"
        ),
        ActivityCase(
            bsd("CRON", "(root) CMD (fetch rhost=192.0.2.9 result=ok)"),
            user: "root",
            event: "job-start",
            resource: "fetch rhost=192.0.2.9 result=ok"
        ),
        ActivityCase(
            bsd("useradd", "new user: name=bob, UID=1001, GID=1001, home=/home/bob, shell=/bin/sh, addr=192.0.2.9"),
            event: "user-add",
            resource: "bob"
        ),
        // A CEF extension is pairs: what CEF's own mapping leaves, the pairs may give (Trend Micro's `target=`).
        ActivityCase(
            "<134>Dec  6 10:01:02 dsm CEF:0|Trend Micro|Deep Security Manager|1.2.3|600|User Signed In|3|src=10.52.116.160 suser=admin target=admin msg=User signed in from 2001:db8::5",
            user: "admin",
            event: "User Signed In",
            resource: "admin",
            client: "10.52.116.160"
        ),
        // The same pairs in a message no recognizer reads give their fields.
        ActivityCase(
            bsd("probe", "run src=192.0.2.9 status=failed"),
            outcome: "failure",
            client: "192.0.2.9"
        ),
        // `N/A` says nothing: the next candidate is taken (FortiGate's VPN lines write `result="N/A"` beside
        // `status="failure"`, and `user="N/A"` for no user).
        ActivityCase(
            "<189>date=2026-12-06 time=10:01:02 logid=\"0101039426\" type=\"event\" subtype=\"vpn\" "
                + "action=\"ssl-new-con\" user=\"N/A\" status=\"failure\" result=\"N/A\"",
            event: "ssl-new-con",
            outcome: "failure"
        ),
        ActivityCase(bsd("probe", "run user=n/a src=? result=N/A")),
        ActivityCase(
            "<134>Dec  6 10:01:02 ids CEF:0|V|P|1|100|Blocked|5|src=203.0.113.9 duser=n/a suser=N/A outcome=blocked",
            event: "Blocked",
            outcome: "failure",
            client: "203.0.113.9"
        ),
    ]

    @Test(arguments: Self.cases)
    func readsPairs(_ row: ActivityCase) throws {
        try row.verify()
    }
}

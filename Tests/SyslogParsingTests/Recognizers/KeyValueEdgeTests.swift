import Testing

/// Where `key=value` pairs start and end: an `=` inside a value that is not read, quotes, auditd's `msg='…'`, the
/// pair limit, absent values and FortiGate's keys.
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
    ]

    @Test(arguments: Self.cases)
    func readsPairs(_ row: ActivityCase) throws {
        try row.verify()
    }
}

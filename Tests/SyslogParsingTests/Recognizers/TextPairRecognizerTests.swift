import Testing

/// FortiGate, CEF, auditd and generic `key=value` text.
struct TextPairRecognizerTests {
    static let cases: [ActivityCase] = [
        ActivityCase(
            #"<189>date=2026-12-06 time=10:01:02 devname="FGT60F" devid="FGT60FTK1" logid="0100032001" type="event" subtype="system" level="information" vd="root" logdesc="Admin login successful" sn="1" user="admin" ui="https(10.0.0.5)" method="https" srcip=10.0.0.5 dstip=10.0.0.1 action="login" status="success" reason="none" profile="super_admin" msg="Administrator admin logged in successfully from https(10.0.0.5)""#,
            user: "admin",
            event: "login",
            outcome: "success",
            client: "10.0.0.5"
        ),
        ActivityCase(
            #"<189>date=2026-12-06 time=10:01:02 type="event" subtype="system" user="admin" ui="ssh(10.0.0.6)" action="login" status="failed" reason="passwd_invalid""#,
            user: "admin",
            event: "login",
            outcome: "failure",
            client: "10.0.0.6"
        ),
        ActivityCase(
            #"<189>date=2026-12-06 time=10:01:02 type="event" subtype="system" user="admin" ui="GUI(10.0.0.5)" action="Edit" cfgpath="system.interface" cfgobj="port1" msg="Edit system.interface port1""#,
            user: "admin",
            event: "config-change",
            resource: "system.interface",
            client: "10.0.0.5"
        ),
        // F5 ASM writes its product's name before `CEF:`; the extension's escapes are removed.
        ActivityCase(
            #"Sep 3 16:06:16 172.30.0.20 ASM:CEF:0|F5|ASM|10.2.1|Successful Request|Successful Request|2|dvchost=bigip1 act=passed src=10.2.1.1 spt=55468 dst=10.2.2.2 dpt=80 suser=N/A request=/xss/xss.php?param\=<script"#,
            event: "passed",
            resource: "/xss/xss.php?param=<script",
            client: "10.2.1.1"
        ),
        ActivityCase(#"<13>Sep 3 16:06:16 h1 ASM:nothing|here src=10.2.1.1 dst=10.2.2.2"#, client: "10.2.1.1"),
        // A VPN negotiation is no user's activity: its remote address is no client.
        ActivityCase(
            #"<189>date=2026-04-03 time=17:38:00 devname="FGVM" logid="0101037120" type="event" subtype="vpn" level="notice" logdesc="Negotiate IPsec phase 1" msg="negotiate IPsec phase 1" action="negotiate" remip=172.20.114.249 locip=10.0.0.1 status="success""#,
            event: "negotiate",
            outcome: "success"
        ),
        // FortiOS 5 wrote a flow's end as `status=`.
        ActivityCase(
            "<45>date=2017-03-06 time=12:53:10 devname=FG type=traffic subtype=forward level=notice srcip=10.0.0.1 srcport=45748 dstip=10.0.0.2 dstport=443 status=close",
            event: "connection",
            resource: "10.0.0.2:443",
            outcome: "success",
            client: "10.0.0.1"
        ),
        // FortiOS 4's traffic log: `dst=` and `dst_port=`, the outcome in `status=`.
        ActivityCase(
            "<189>date=2012-02-10 time=11:27:01 devname=FW01 device_id=FGT80C9999999999 log_id=2 subtype=allowed type=traffic pri=notice src=10.1.2.3 src_port=53624 dst=4.3.2.2 dst_port=80 service=80/tcp proto=6 status=accept user=N/A",
            event: "connection",
            resource: "4.3.2.2:80",
            outcome: "success",
            client: "10.1.2.3"
        ),
        // SSL VPN: a login failure and a tunnel from the remote address, `remip`; `N/A` is no user or client.
        ActivityCase(
            #"<189>date=2019-02-15 time=10:57:56 logid="0101039426" type="event" subtype="vpn" level="alert" vd="root" eventtime=1550257076 logdesc="SSL VPN login fail" action="ssl-login-fail" tunneltype="ssl-web" tunnelid=0 remip=10.1.100.254 user="u1" group="g1" dst_host="N/A" reason="sslvpn_login_password_expired" msg="SSL user failed to logged in""#,
            user: "u1",
            event: "login",
            outcome: "failure",
            client: "10.1.100.254"
        ),
        ActivityCase(
            #"<189>date=2019-02-15 time=10:57:56 logid="0101039424" type="event" subtype="vpn" logdesc="SSL VPN tunnel up" action="tunnel-up" tunneltype="ssl-tunnel" tunnelid=1 remip=203.0.113.9 tunnelip=10.212.134.200 user="bob" group="g1" msg="SSL tunnel established""#,
            user: "bob",
            event: "session-open",
            outcome: "success",
            client: "203.0.113.9"
        ),
        ActivityCase(
            #"<189>date=2019-02-15 time=10:57:56 logid="0101037138" type="event" subtype="vpn" logdesc="IPsec connection status changed" action="tunnel-down" remip=N/A locip=203.0.113.1 user="N/A" tunneltype="ipsec""#,
            event: "session-close"
        ),
        ActivityCase(
            #"<189>date=2026-12-06 time=10:01:02 logid="0000000013" type="traffic" subtype="forward" level="notice" srcip=10.1.2.3 srcport=50000 srcintf="port2" dstip=8.8.8.8 dstport=53 dstintf="wan1" proto=17 action="deny" policyid=0"#,
            event: "connection",
            resource: "8.8.8.8:53",
            outcome: "failure",
            client: "10.1.2.3"
        ),
        ActivityCase(
            #"<189>date=2026-12-06 time=10:01:02 type="traffic" subtype="forward" srcip=10.1.2.3 dstip=93.184.216.34 dstport=443 action="accept" user="bob""#,
            user: "bob",
            event: "connection",
            resource: "93.184.216.34:443",
            outcome: "success",
            client: "10.1.2.3"
        ),
        // An IPv6 destination is bracketed, so its port can be told from it.
        ActivityCase(
            #"<189>date=2026-12-06 time=10:01:02 type="traffic" subtype="forward" srcip=2001:db8::9 dstip=2001:db8::5 dstport=443 action="accept""#,
            event: "connection",
            resource: "[2001:db8::5]:443",
            outcome: "success",
            client: "2001:db8::9"
        ),
        ActivityCase(
            #"<189>date=2026-12-06 time=10:01:02 type="traffic" subtype="local" srcip=10.1.2.3 dstip=10.0.0.1 dstport=22 action="server-rst""#,
            event: "connection",
            resource: "10.0.0.1:22",
            client: "10.1.2.3"
        ),
        ActivityCase(
            "<134>Dec  6 10:01:02 fw CEF:0|Security|threatmanager|1.0|100|worm successfully stopped|10|src=10.0.0.1 dst=2.1.2.2 spt=1232",
            event: "worm successfully stopped",
            resource: "2.1.2.2",
            client: "10.0.0.1"
        ),
        ActivityCase(
            #"CEF:0|Vendor|Product|1.0|4624|An account logged on|3|suser=bob smith duser=alice act=logon outcome=Success shost=ws1.example request=https://x.example/a\=b?c filePath=/tmp/a\\b"#,
            user: "bob smith",
            event: "logon",
            resource: "https://x.example/a=b?c",
            outcome: "success",
            client: "ws1.example"
        ),
        ActivityCase(
            #"<134>1 2026-12-06T10:01:02Z fw app - - - CEF:0|V|P|1|1|Name with \| pipe|5|duser=carol fname=report.pdf outcome=partial"#,
            user: "carol",
            event: "Name with | pipe",
            resource: "report.pdf",
            outcome: "partial"
        ),
        // An even run of backslashes escapes itself, not the `|` or `=` after it.
        ActivityCase(
            #"CEF:0|V|P|1|1|Share C:\\|5|suser=x\\ request=a\\=b outcome=ok"#,
            user: "x\\",
            event: "Share C:\\",
            resource: "a\\=b",
            outcome: "success"
        ),
        // FortiOS writes `CEF: 0|…`: a syslog parser takes `CEF:` for the tag.
        ActivityCase(
            "Dec 27 11:15:40 FGT-A-LOG CEF: 0|Fortinet|Fortigate|v6.0.3|32002|event:system login failed|7|"
                + "deviceExternalId=FGT5HD3915800610 FTNTFGTlogid=0100032002 cat=event:system duser=admin1 "
                + "sproc=https(172.16.200.254) src=172.16.200.254 dst=172.16.200.1 act=login outcome=failed "
                + "reason=name_invalid",
            user: "admin1",
            event: "login",
            resource: "172.16.200.1",
            outcome: "failure",
            client: "172.16.200.254"
        ),
        ActivityCase("<134>Dec  6 10:01:02 fw CEF: not|a|header"),
        // A user authenticating to the firewall.
        ActivityCase(
            #"date=2019-05-13 time=15:55:56 logid="0102043008" type="event" subtype="user" level="notice" vd="root" "#
                + #"srcip=10.1.100.11 dstip=172.16.200.55 user="bob" action="authentication" status="success""#,
            user: "bob",
            event: "login",
            outcome: "success",
            client: "10.1.100.11"
        ),
        ActivityCase("<134>Dec  6 10:01:02 fw CEF:0|only|three|fields"),
        ActivityCase(
            #"<85>Dec  6 10:01:02 host audit: type=USER_LOGIN msg=audit(1733479262.123:456): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='op=login acct="bob" exe="/usr/sbin/sshd" hostname=? addr=203.0.113.9 terminal=ssh res=failed'"#,
            user: "bob",
            event: "login",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            #"<85>Dec  6 10:01:02 host audit: type=USER_AUTH msg=audit(1.2:3): pid=1 msg='op=PAM:authentication grantors=pam_unix acct="root" exe="/usr/bin/su" hostname=? addr=? terminal=pts/0 res=success'"#,
            user: "root",
            event: "PAM:authentication",
            outcome: "success"
        ),
        ActivityCase(
            #"<14>Dec  6 10:01:02 app1 shop: user=alice action=checkout status=OK path="/cart/1 2" client=?"#,
            user: "alice",
            event: "checkout",
            resource: "/cart/1 2",
            outcome: "success"
        ),
        ActivityCase(
            #"<14>Dec  6 10:01:02 app1 shop: USERNAME="a \"quoted\" name" RESULT=weird src=192.0.2.1"#,
            user: #"a "quoted" name"#,
            outcome: "weird",
            client: "192.0.2.1"
        ),
        ActivityCase("<14>Dec  6 10:01:02 app1 shop: only user=alice here"),
        ActivityCase("<14>Dec  6 10:01:02 app1 shop: user= action="),
        ActivityCase("<14>Dec  6 10:01:02 app1 shop: a=b==c x=y"),
        ActivityCase(
            #"<13>1 - - app - - [x@1 user="sd-user"] user=text-user action=delete"#,
            user: "sd-user",
            event: "delete"
        ),
        // The CEF specification's `\r` is a carriage return, like `\n` a line feed.
        ActivityCase(
            #"CEF:0|security|threatmanager|1.0|100|multi-line|10|src=10.0.0.1 act=line one\rline two dst=1.1.1.1"#,
            event: "line one\rline two",
            resource: "1.1.1.1",
            client: "10.0.0.1"
        ),
    ]

    @Test(arguments: Self.cases)
    func recognizes(_ row: ActivityCase) throws {
        try row.verify()
    }
}

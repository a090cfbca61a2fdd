import ActivityModel
import SyslogParsing
import Testing

struct RFC3164ParserTests {
    static let cases: [ParserCase] = [
        // RFC 3164 §5.4 examples
        ParserCase(
            "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
            .rfc3164,
            .auth,
            .crit,
            time: "2026-10-11T22:14:15.000000Z",
            host: "mymachine",
            app: "su",
            msg: "'su root' failed for lonvick on /dev/pts/8",
            user: "lonvick",
            event: "su",
            resource: "root",
            outcome: "failure"
        ),
        ParserCase(
            "<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!",
            .rfc3164,
            time: "2026-02-05T17:32:18.000000Z",
            host: "10.0.0.99",
            msg: "Use the BFG!"
        ),
        ParserCase(
            "<0>1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That's All Folks!",
            .rfc3164,
            .kern,
            .emerg,
            msg: "1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That's All Folks!"
        ),
        // GNOME's gdm-session-worker [pam/gdm-password] logs under the end of its name.
        ParserCase(
            "<86>Feb 13 13:30:22 frestea gdm-password]: gkr-pam: unlocked login keyring",
            .rfc3164,
            .authpriv,
            .info,
            time: "2026-02-13T13:30:22.000000Z",
            host: "frestea",
            app: "gdm-password]",
            msg: "gkr-pam: unlocked login keyring"
        ),
        ParserCase(
            "<86>Feb 13 13:30:22 frestea a]b: c",
            .rfc3164,
            .authpriv,
            .info,
            time: "2026-02-13T13:30:22.000000Z",
            host: "frestea",
            msg: "a]b: c"
        ),
        // syslog-ng's chain-hostnames: HOST/RELAY.
        ParserCase(
            "<78>Nov  9 12:01:01 dn228/dn228 crond[2916]: (root) CMDEND (run-parts /etc/cron.hourly)",
            .rfc3164,
            .cron,
            .info,
            time: "2026-11-09T12:01:01.000000Z",
            host: "dn228/dn228",
            app: "crond",
            procid: "2916",
            msg: "(root) CMDEND (run-parts /etc/cron.hourly)"
        ),
        // Timestamp variants
        ParserCase(
            "<13>Nov  6 01:02:03 host app: m",
            .rfc3164,
            time: "2026-11-06T01:02:03.000000Z",
            host: "host",
            app: "app",
            msg: "m"
        ),
        ParserCase(
            "<13>Nov 6 01:02:03 host app: m",
            .rfc3164,
            time: "2026-11-06T01:02:03.000000Z",
            host: "host",
            app: "app",
            msg: "m"
        ),
        ParserCase(
            "<13>Nov 06 01:02:03 host app: m",
            .rfc3164,
            time: "2026-11-06T01:02:03.000000Z",
            host: "host",
            app: "app",
            msg: "m"
        ),
        ParserCase(
            "<13>nov 26 14:41:09 host app: m",
            .rfc3164,
            time: "2026-11-26T14:41:09.000000Z",
            host: "host",
            app: "app",
            msg: "m"
        ),
        ParserCase(
            "<13>Nov 26 2025 14:41:09 host app: m",
            .rfc3164,
            time: "2025-11-26T14:41:09.000000Z",
            host: "host",
            app: "app",
            msg: "m"
        ),
        ParserCase(
            "<13>Nov 26 14:41:09.123 host app: m",
            .rfc3164,
            time: "2026-11-26T14:41:09.123000Z",
            host: "host",
            app: "app",
            msg: "m"
        ),
        ParserCase(
            "<13>2026-11-26T14:41:09.5+01:00 host app[1]: m",
            .rfc3164,
            time: "2026-11-26T13:41:09.500000Z",
            host: "host",
            app: "app",
            procid: "1",
            msg: "m"
        ),
        ParserCase(
            "<13>2026-11-26T14:41:09Z host app: m",
            .rfc3164,
            time: "2026-11-26T14:41:09.000000Z",
            host: "host",
            app: "app",
            msg: "m"
        ),
        ParserCase("<13>Nov 26 14:41:09", .rfc3164, time: "2026-11-26T14:41:09.000000Z"),
        ParserCase("<13>Nov 26 14:41:09 ", .rfc3164, time: "2026-11-26T14:41:09.000000Z"),
        ParserCase("<13>Feb 30 10:00:00 host app: m", .rfc3164, msg: "Feb 30 10:00:00 host app: m"),
        ParserCase("<13>Nov 26 24:00:00 host app: m", .rfc3164, msg: "Nov 26 24:00:00 host app: m"),
        ParserCase("<13>Foo 26 14:41:09 host app: m", .rfc3164, msg: "Foo 26 14:41:09 host app: m"),
        ParserCase("<13>Nov 26 14:41:09x host", .rfc3164, msg: "Nov 26 14:41:09x host"),
        // Year inference (docs/design.md, "Reading a message")
        ParserCase(
            "<13>Dec 31 23:59:58 h a: m",
            received: "2027-01-01T00:00:05Z",
            .rfc3164,
            time: "2026-12-31T23:59:58.000000Z",
            host: "h",
            app: "a",
            msg: "m"
        ),
        ParserCase(
            "<13>Jan  1 00:00:03 h a: m",
            received: "2026-12-31T23:59:58Z",
            .rfc3164,
            time: "2027-01-01T00:00:03.000000Z",
            host: "h",
            app: "a",
            msg: "m"
        ),
        ParserCase(
            "<13>Feb 29 12:00:00 h a: m",
            .rfc3164,
            time: "2024-02-29T12:00:00.000000Z",
            host: "h",
            app: "a",
            msg: "m"
        ),
        ParserCase(
            "<13>Dec 20 12:00:00 h a: m",
            .rfc3164,
            time: "2026-12-20T12:00:00.000000Z",
            host: "h",
            app: "a",
            msg: "m"
        ),
        ParserCase(
            "<13>Dec 28 12:00:00 h a: m",
            .rfc3164,
            time: "2025-12-28T12:00:00.000000Z",
            host: "h",
            app: "a",
            msg: "m"
        ),
        // Zones
        ParserCase(
            "<13>Jul  1 12:00:00 h a: m",
            zone: CivilTimeZone(name: "Europe/Berlin")!,
            .rfc3164,
            time: "2026-07-01T10:00:00.000000Z",
            host: "h",
            app: "a",
            msg: "m"
        ),
        ParserCase(
            "<13>Jan  1 12:00:00 h a: m",
            zone: CivilTimeZone(name: "Europe/Berlin")!,
            .rfc3164,
            time: "2026-01-01T11:00:00.000000Z",
            host: "h",
            app: "a",
            msg: "m"
        ),
        ParserCase(
            "<13>Nov 26 12:00:00 h a: m",
            zone: CivilTimeZone(name: "-05:00")!,
            .rfc3164,
            time: "2026-11-26T17:00:00.000000Z",
            host: "h",
            app: "a",
            msg: "m"
        ),
        // HOSTNAME
        ParserCase(
            "<13>Nov 26 14:41:09 sshd[7]: Accepted key",
            .rfc3164,
            time: "2026-11-26T14:41:09.000000Z",
            app: "sshd",
            procid: "7",
            msg: "Accepted key"
        ),
        ParserCase(
            "<13>Nov 26 14:41:09 kernel: boot",
            .rfc3164,
            time: "2026-11-26T14:41:09.000000Z",
            app: "kernel",
            msg: "boot"
        ),
        ParserCase(
            "<13>Nov 26 14:41:09 fe80::1 app: m",
            .rfc3164,
            time: "2026-11-26T14:41:09.000000Z",
            host: "fe80::1",
            app: "app",
            msg: "m"
        ),
        ParserCase(
            "<13>Nov 26 14:41:09 web_01.example.net app: m",
            .rfc3164,
            time: "2026-11-26T14:41:09.000000Z",
            host: "web_01.example.net",
            app: "app",
            msg: "m"
        ),
        ParserCase("<13>Nov 26 14:41:09 host", .rfc3164, time: "2026-11-26T14:41:09.000000Z", msg: "host"),
        // TAG
        ParserCase(
            "<13>Nov 26 14:41:09 host postfix/smtpd[123]: connect",
            .rfc3164,
            time: "2026-11-26T14:41:09.000000Z",
            host: "host",
            app: "postfix/smtpd",
            procid: "123",
            msg: "connect"
        ),
        ParserCase(
            "<13>Nov 26 14:41:09 host app[5] text",
            .rfc3164,
            time: "2026-11-26T14:41:09.000000Z",
            host: "host",
            app: "app",
            procid: "5",
            msg: "text"
        ),
        ParserCase(
            "<13>Nov 26 14:41:09 host app[]: text",
            .rfc3164,
            time: "2026-11-26T14:41:09.000000Z",
            host: "host",
            app: "app",
            msg: "text"
        ),
        ParserCase(
            "<13>Nov 26 14:41:09 host app:",
            .rfc3164,
            time: "2026-11-26T14:41:09.000000Z",
            host: "host",
            app: "app"
        ),
        ParserCase(
            "<13>Nov 26 14:41:09 host http://example.com/ down",
            .rfc3164,
            time: "2026-11-26T14:41:09.000000Z",
            host: "host",
            msg: "http://example.com/ down"
        ),
        ParserCase(
            "<13>Nov 26 14:41:09 host app[12 x]: m",
            .rfc3164,
            time: "2026-11-26T14:41:09.000000Z",
            host: "host",
            msg: "app[12 x]: m"
        ),
        ParserCase("<13>sshd[12]: hello", .rfc3164, app: "sshd", procid: "12", msg: "hello"),
        ParserCase("<13>hello world", .rfc3164, msg: "hello world"),
        ParserCase("<13>myhost sshd: x", .rfc3164, msg: "myhost sshd: x"),
        ParserCase("<13>", .rfc3164),
        ParserCase(
            "<13>Nov 26 14:41:09 host app: \u{FEFF}bom",
            .rfc3164,
            time: "2026-11-26T14:41:09.000000Z",
            host: "host",
            app: "app",
            msg: "bom"
        ),
        // A short TAG right after the timestamp (no HOSTNAME) is a TAG, not a Cisco zone name.
        ParserCase(
            "<34>Oct 11 22:14:15 su: msg",
            .rfc3164,
            .auth,
            .crit,
            time: "2026-10-11T22:14:15.000000Z",
            app: "su",
            msg: "msg"
        ),
        ParserCase(
            "<78>Nov 26 14:41:09 CRON: (root) CMD (x)",
            .rfc3164,
            .cron,
            .info,
            time: "2026-11-26T14:41:09.000000Z",
            app: "CRON",
            msg: "(root) CMD (x)",
            user: "root",
            event: "job-start",
            resource: "x"
        ),
        ParserCase("<13>Oct 11 22:14:15 a: b: c", .rfc3164, time: "2026-10-11T22:14:15.000000Z", app: "a", msg: "b: c"),
        // Cisco IOS
        ParserCase(
            "<189>123: *Nov 26 14:41:09.5 UTC: Configured from console",
            zone: CivilTimeZone(name: "+02:00")!,
            .rfc3164,
            .local7,
            .notice,
            time: "2026-11-26T14:41:09.500000Z",
            msg: "Configured from console"
        ),
        ParserCase(
            "<189>Nov 26 14:41:09.25 CUSTOMZ: %SYS-5-RESTART: up",
            zone: CivilTimeZone(name: "+02:00")!,
            .rfc3164,
            .local7,
            .notice,
            time: "2026-11-26T12:41:09.250000Z",
            app: "%SYS-5-RESTART",
            msg: "up"
        ),
        ParserCase(
            "<189>1234: *Nov 26 14:41:09.123 UTC: %SYS-5-CONFIG_I: Configured from console",
            .rfc3164,
            .local7,
            .notice,
            time: "2026-11-26T14:41:09.123000Z",
            app: "%SYS-5-CONFIG_I",
            msg: "Configured from console"
        ),
        ParserCase(
            "<187>12: .Nov 26 14:41:09.5: %LINK-3-UPDOWN: Interface up",
            .rfc3164,
            .local7,
            .err,
            time: "2026-11-26T14:41:09.500000Z",
            app: "%LINK-3-UPDOWN",
            msg: "Interface up"
        ),
        ParserCase(
            "<189>77: Nov 26 14:41:09 CET: %SYS-5-RESTART: up",
            zone: CivilTimeZone(name: "+01:00")!,
            .rfc3164,
            .local7,
            .notice,
            time: "2026-11-26T13:41:09.000000Z",
            app: "%SYS-5-RESTART",
            msg: "up"
        ),
        ParserCase(
            "<189>45: %SYS-5-CONFIG_I: Configured",
            .rfc3164,
            .local7,
            .notice,
            app: "%SYS-5-CONFIG_I",
            msg: "Configured"
        ),
        // Cisco ASA: a `:` after the PRI, a zone name, a class in the mnemonic; an RFC 3339 timestamp ending in `:`.
        ParserCase(
            "<166>:Jan 13 2026 15:51:28 MSK: %ASA-auth-6-113004: AAA user authentication Successful",
            .rfc3164,
            .local4,
            .info,
            time: "2026-01-13T15:51:28.000000Z",
            app: "%ASA-auth-6-113004",
            msg: "AAA user authentication Successful"
        ),
        ParserCase(
            "<166>2024-06-26T01:35:42Z: %ASA-6-113008: AAA transaction status ACCEPT : user = USER_1",
            .rfc3164,
            .local4,
            .info,
            time: "2024-06-26T01:35:42.000000Z",
            app: "%ASA-6-113008",
            msg: "AAA transaction status ACCEPT : user = USER_1"
        ),
        ParserCase(
            "<189>: Jan  6 2022 20:54:26.961: %SYS-5-RESTART: up",
            .rfc3164,
            .local7,
            .notice,
            time: "2022-01-06T20:54:26.961000Z",
            app: "%SYS-5-RESTART",
            msg: "up"
        ),
        ParserCase(
            "<189>Jan  6 13:24:18 one.example.net 54: 000051: Jan  6 10:24:17: %SYS-5-RESTART: up",
            .rfc3164,
            .local7,
            .notice,
            time: "2026-01-06T13:24:18.000000Z",
            host: "one.example.net",
            app: "%SYS-5-RESTART",
            msg: "up"
        ),
        // No counter, then IOS's clock mark; no counter, then an uptime.
        ParserCase(
            "<189>: *Mar  1 00:00:01.123 UTC: %SYS-5-RESTART: up",
            .rfc3164,
            .local7,
            .notice,
            time: "2026-03-01T00:00:01.123000Z",
            app: "%SYS-5-RESTART",
            msg: "up"
        ),
        ParserCase("<189>: 00:00:46: %SYS-5-RESTART: up", .rfc3164, .local7, .notice, app: "%SYS-5-RESTART", msg: "up"),
        // A relay's header, the ASA's device ID and ` : `, then the ASA's own clock.
        ParserCase(
            "<166>Sep 25 15:47:07 host1.example.com : Sep 25 15:47:07 EDT: %ASA-6-113008: x",
            .rfc3164,
            .local4,
            .info,
            time: "2026-09-25T15:47:07.000000Z",
            host: "host1.example.com",
            app: "%ASA-6-113008",
            msg: "x"
        ),
        // Junos's `time-format year`, in its own log file (two spaces before the HOSTNAME).
        ParserCase(
            "<13>Jan 24 21:16:48 2020  r1 mgd[7]: UI_CHILD_EXITED: Child exited",
            .rfc3164,
            time: "2020-01-24T21:16:48.000000Z",
            host: "r1",
            app: "mgd",
            procid: "7",
            msg: "UI_CHILD_EXITED: Child exited"
        ),
        // The ` : ` an ASA writes after its device ID: the mnemonic is still the TAG.
        ParserCase(
            "<166>2024-06-26T01:35:42Z asa : %ASA-6-113008: x",
            .rfc3164,
            .local4,
            .info,
            time: "2024-06-26T01:35:42.000000Z",
            host: "asa",
            app: "%ASA-6-113008",
            msg: "x"
        ),
        ParserCase(
            "<165>:Jan 14 18:10:27 asa1 :%ASA-5-111008: x",
            .rfc3164,
            .local4,
            .notice,
            time: "2026-01-14T18:10:27.000000Z",
            host: "asa1",
            app: "%ASA-5-111008",
            msg: "x"
        ),
        // The device ID as `HOST: `, as a TAG would be, when a mnemonic follows.
        ParserCase(
            "<166>May  5 19:02:25 dev01: %ASA-6-113004: AAA user authentication Successful",
            .rfc3164,
            .local4,
            .info,
            time: "2026-05-05T19:02:25.000000Z",
            host: "dev01",
            app: "%ASA-6-113004",
            msg: "AAA user authentication Successful"
        ),
        ParserCase(
            "<13>May  5 19:02:25 web1: %not-a-mnemonic: x",
            .rfc3164,
            .user,
            .notice,
            time: "2026-05-05T19:02:25.000000Z",
            app: "web1",
            msg: "%not-a-mnemonic: x"
        ),
        // IOS with a message counter and `service sequence-numbers`: two numbers.
        ParserCase(
            "<189>35: 000034: *Sep 23 10:15:32.123: %SYS-5-RESTART: System restarted",
            .rfc3164,
            .local7,
            .notice,
            time: "2026-09-23T10:15:32.123000Z",
            app: "%SYS-5-RESTART",
            msg: "System restarted"
        ),
        // `logging origin-id`: the device's name after the counter, then its own number and clock.
        ParserCase(
            "<165>7433: ASR920: 007439: 2y10w: %SYS-5-RESTART: System restarted",
            .rfc3164,
            .local4,
            .notice,
            host: "ASR920",
            app: "%SYS-5-RESTART",
            msg: "System restarted"
        ),
        ParserCase(
            "<190>123: core-1: Jan 02 2006 22:04:05: %SYS-5-CONFIG_I: Configured",
            .rfc3164,
            .local7,
            .info,
            time: "2006-01-02T22:04:05.000000Z",
            host: "core-1",
            app: "%SYS-5-CONFIG_I",
            msg: "Configured"
        ),
        ParserCase(
            "<189>: sw01: Jan  6 2022 21:01:34.964: %SYS-5-CONFIG_I: Configured",
            .rfc3164,
            .local7,
            .notice,
            time: "2022-01-06T21:01:34.964000Z",
            host: "sw01",
            app: "%SYS-5-CONFIG_I",
            msg: "Configured"
        ),
        // Only a mnemonic, not any `%`, makes a host of a TAG or drops a clock.
        ParserCase("<13>123: app: %s done", .rfc3164, app: "app", msg: "%s done"),
        ParserCase(
            "<13>Jan  6 21:01:34 host 10:30: %d%% done",
            .rfc3164,
            time: "2026-01-06T21:01:34.000000Z",
            host: "host",
            msg: "10:30: %d%% done"
        ),
        ParserCase(
            "<13>Jan  6 21:01:34 2048 bytes received",
            .rfc3164,
            time: "2026-01-06T21:01:34.000000Z",
            host: "2048",
            msg: "bytes received"
        ),
        // No origin-id host when no mnemonic follows: a TAG after a counter stays a TAG.
        ParserCase(
            "<13>123: sshd: Jan  6 2022 21:01:34.964: hello",
            .rfc3164,
            .user,
            .notice,
            app: "sshd",
            msg: "Jan  6 2022 21:01:34.964: hello"
        ),
        // An uptime before the mnemonic is skipped, not taken for a host or TAG; one before other text stays.
        ParserCase(
            "<189>007439: 2y10w: %SYS-5-RESTART: System restarted",
            .rfc3164,
            .local7,
            .notice,
            app: "%SYS-5-RESTART",
            msg: "System restarted"
        ),
        ParserCase(
            "<189>007439: 00:00:46: %SYS-5-RESTART: System restarted",
            .rfc3164,
            .local7,
            .notice,
            app: "%SYS-5-RESTART",
            msg: "System restarted"
        ),
        ParserCase(
            "<13>Jan  6 21:01:34 host 1d02h: not a mnemonic",
            .rfc3164,
            .user,
            .notice,
            time: "2026-01-06T21:01:34.000000Z",
            host: "host",
            app: "1d02h",
            msg: "not a mnemonic"
        ),
        // A relay's header before the device's own counter and clock: the relay's time, the mnemonic as TAG.
        ParserCase(
            "<189>Mar 24 18:06:03 198.51.100.2 1991219: Mar 24 18:06:03.424 UTC: %SYS-5-RESTART: up",
            .rfc3164,
            .local7,
            .notice,
            time: "2026-03-24T18:06:03.000000Z",
            host: "198.51.100.2",
            app: "%SYS-5-RESTART",
            msg: "up"
        ),
        ParserCase(
            "<189>Nov 26 14:41:09 router 1234: %SYS-5-CONFIG_I: x",
            .rfc3164,
            .local7,
            .notice,
            time: "2026-11-26T14:41:09.000000Z",
            host: "router",
            app: "%SYS-5-CONFIG_I",
            msg: "x"
        ),
        // NX-OS writes the year first: after `: `, after its host (`logging origin-id`), or before a HOSTNAME.
        ParserCase(
            "<189>: 2022 Dec 25 21:50:46 UTC: %ETHPORT-5-IF_DOWN_ADMIN_DOWN: Interface Ethernet1/1 is down",
            .rfc3164,
            .local7,
            .notice,
            time: "2022-12-25T21:50:46.000000Z",
            app: "%ETHPORT-5-IF_DOWN_ADMIN_DOWN",
            msg: "Interface Ethernet1/1 is down",
            event: "link-down",
            resource: "Ethernet1/1"
        ),
        ParserCase(
            "<190>sw01.bjm01: 2017 Jul 26 14:42:46.637 UTC: %AUTHPRIV-6-SYSTEM_MSG: x",
            .rfc3164,
            .local7,
            .info,
            time: "2017-07-26T14:42:46.637000Z",
            host: "sw01.bjm01",
            app: "%AUTHPRIV-6-SYSTEM_MSG",
            msg: "x"
        ),
        ParserCase(
            "<189>2019 Jan 21 15:47:11 nxos2 %VSHD-5-VSHD_SYSLOG_CONFIG_I: x",
            .rfc3164,
            .local7,
            .notice,
            time: "2019-01-21T15:47:11.000000Z",
            host: "nxos2",
            app: "%VSHD-5-VSHD_SYSLOG_CONFIG_I",
            msg: "x"
        ),
        // A host first needs a clock after it: without one, `word: ` is the TAG even before a mnemonic.
        ParserCase("<13>sw01: %SYS-5-RESTART: up", .rfc3164, app: "sw01", msg: "%SYS-5-RESTART: up"),
        ParserCase(
            "<13>sw01: 2017 Jul 26 14:42:46 hello",
            .rfc3164,
            app: "sw01",
            msg: "2017 Jul 26 14:42:46 hello"
        ),
        // A year out of range, a second year, or an end unlike NX-OS's (RFC 3164's example above) is no timestamp.
        ParserCase("<13>2019 Jan 21 15:47:11 nxos2 sshd[5]: x", .rfc3164, msg: "2019 Jan 21 15:47:11 nxos2 sshd[5]: x"),
        ParserCase("<13>1969 Jul 26 14:42:46 h x", .rfc3164, msg: "1969 Jul 26 14:42:46 h x"),
        ParserCase("<13>2017 Jul 26 2017 14:42:46 h x", .rfc3164, msg: "2017 Jul 26 2017 14:42:46 h x"),
        // A zone that fixes an offset is applied (`UTC+1`, `UTC+07:30`, `GMT-5`); another name is read in the
        // configured zone.
        ParserCase(
            "<189>387448: host-01: May  6 16:13:09.123 UTC+1: %DOT1X-5-FAIL: x",
            .rfc3164,
            .local7,
            .notice,
            time: "2026-05-06T15:13:09.123000Z",
            host: "host-01",
            app: "%DOT1X-5-FAIL",
            msg: "x"
        ),
        ParserCase(
            "<189>12: *May  6 16:13:09 UTC+07:30: %SYS-5-RESTART: x",
            .rfc3164,
            .local7,
            .notice,
            time: "2026-05-06T08:43:09.000000Z",
            app: "%SYS-5-RESTART",
            msg: "x"
        ),
        ParserCase(
            "<189>12: *May  6 16:13:09 GMT-0500: %SYS-5-RESTART: x",
            .rfc3164,
            .local7,
            .notice,
            time: "2026-05-06T21:13:09.000000Z",
            app: "%SYS-5-RESTART",
            msg: "x"
        ),
        ParserCase(
            "<189>12: *May  6 16:13:09 CET: %SYS-5-RESTART: x",
            .rfc3164,
            .local7,
            .notice,
            time: "2026-05-06T16:13:09.000000Z",
            app: "%SYS-5-RESTART",
            msg: "x"
        ),
        // FTD: a `Z` after the time; no clock at all, its name then its mnemonic; a zone then its name and ` : `.
        ParserCase(
            "<166>May 01 2026 09:24:32Z  %FTD-6-113005: x",
            .rfc3164,
            .local4,
            .info,
            time: "2026-05-01T09:24:32.000000Z",
            app: "%FTD-6-113005",
            msg: "x"
        ),
        ParserCase(
            "<166>ACA1a-FW-FTDV01 %FTD-6-113005: x",
            .rfc3164,
            .local4,
            .info,
            host: "ACA1a-FW-FTDV01",
            app: "%FTD-6-113005",
            msg: "x"
        ),
        ParserCase(
            "<166>fw01 : %ASA-6-113005: x",
            .rfc3164,
            .local4,
            .info,
            host: "fw01",
            app: "%ASA-6-113005",
            msg: "x"
        ),
        ParserCase(
            "<166>: 2024 Aug 07 10:29:42 UTC ccafa9b4-b48a : %FTD-auth-6-113039: x",
            .rfc3164,
            .local4,
            .info,
            time: "2024-08-07T10:29:42.000000Z",
            host: "ccafa9b4-b48a",
            app: "%FTD-auth-6-113039",
            msg: "x"
        ),
        ParserCase(
            "<166>:Jan 13 15:44:18 MSK 10.113.219.101: %PIX-auth-6-113004: x",
            .rfc3164,
            .local4,
            .info,
            time: "2026-01-13T15:44:18.000000Z",
            host: "10.113.219.101",
            app: "%PIX-auth-6-113004",
            msg: "x"
        ),
        // Only an upper-case name or a UTC name before a device's name and mnemonic is a zone; a lower-case one is
        // the HOSTNAME, and a zone-like HOSTNAME before a TAG stays one.
        ParserCase(
            "<166>Jan 13 15:44:18 fw 10.1.1.1: %PIX-6-113004: x",
            .rfc3164,
            .local4,
            .info,
            time: "2026-01-13T15:44:18.000000Z",
            host: "fw",
            app: "10.1.1.1",
            msg: "%PIX-6-113004: x"
        ),
        ParserCase(
            "<13>Jan 13 15:44:18 WEB sshd[5]: x",
            .rfc3164,
            time: "2026-01-13T15:44:18.000000Z",
            host: "WEB",
            app: "sshd",
            procid: "5",
            msg: "x"
        ),
        // A word before a mnemonic with no clock is the host only with a space between (`word:` is a TAG).
        ParserCase("<13>disk at 95 %FULL-1-X: y", .rfc3164, msg: "disk at 95 %FULL-1-X: y"),
        // A relay's header with no HOSTNAME, then the device's own clock: no host, the mnemonic as TAG.
        ParserCase(
            "<166>Nov 02 14:37:11 Nov 02 2010 14:24:38: %ASA-3-313001: x",
            .rfc3164,
            .local4,
            .info,
            time: "2026-11-02T14:37:11.000000Z",
            app: "%ASA-3-313001",
            msg: "x"
        ),
        ParserCase(
            "<166>Nov 03 02:08:10 :Nov 03 01:55:38 EDT: %ASA-session-6-302016: x",
            .rfc3164,
            .local4,
            .info,
            time: "2026-11-03T02:08:10.000000Z",
            app: "%ASA-session-6-302016",
            msg: "x"
        ),
        // IOS XR: a node before the clock (after a sequence number and the device's name, or first), ` : ` or a
        // zone after it, the process before the mnemonic, and the mnemonic's ` : `.
        ParserCase(
            "<187>94307: gw2.acy1 LC/0/2/CPU0:Jul  7 20:16:14.834 : ifmgr[214]: %PKT_INFRA-LINK-3-UPDOWN : x",
            .rfc3164,
            .local7,
            .err,
            time: "2026-07-07T20:16:14.834000Z",
            host: "gw2.acy1",
            app: "%PKT_INFRA-LINK-3-UPDOWN",
            msg: "x"
        ),
        ParserCase(
            "<187>138076: RP/0/RP0/CPU0:Dec 11 12:43:29.227 UTC: snmpd[1002]: %SNMP-SNMP-3-AUTH_FAIL : x",
            .rfc3164,
            .local7,
            .err,
            time: "2026-12-11T12:43:29.227000Z",
            app: "%SNMP-SNMP-3-AUTH_FAIL",
            msg: "x"
        ),
        ParserCase(
            "<187>RP/0/RP0/CPU0:2024 Jun 27 23:14:49.708 JST: config[66279]: %MGBL-CONFIG-6-DB_COMMIT : x",
            .rfc3164,
            .local7,
            .err,
            time: "2024-06-27T23:14:49.708000Z",
            app: "%MGBL-CONFIG-6-DB_COMMIT",
            msg: "x"
        ),
        // Behind a relay's header and counter; a bare offset as the zone.
        ParserCase(
            "<189>May 22 21:00:31 192.168.200.11 52536: RP/0/RP0/CPU0:May 22 21:00:56.247 +06: SSHD_[68879]: "
                + "%SECURITY-SSHD-6-INFO_GENERAL : x",
            .rfc3164,
            .local7,
            .notice,
            time: "2026-05-22T21:00:31.000000Z",
            host: "192.168.200.11",
            app: "%SECURITY-SSHD-6-INFO_GENERAL",
            msg: "x"
        ),
        ParserCase(
            "<189>12: *May 22 21:00:56.247 +0600: %SYS-5-RESTART: x",
            .rfc3164,
            .local7,
            .notice,
            time: "2026-05-22T15:00:56.247000Z",
            app: "%SYS-5-RESTART",
            msg: "x"
        ),
        // A CRS node (`DRP/…`) behind a relay's header and counter; a process after a sequence number alone.
        ParserCase(
            "<187>Feb  4 20:12:36 crs1 3852752: DRP/0/0/CPU0:Feb  4 20:12:36.098 EST: SSHD_[65697]: "
                + "%SECURITY-SSHD-3-ERR_GENERAL: x",
            .rfc3164,
            .local7,
            .err,
            time: "2026-02-04T20:12:36.000000Z",
            host: "crs1",
            app: "%SECURITY-SSHD-3-ERR_GENERAL",
            msg: "x"
        ),
        ParserCase(
            "<187>94307: ifmgr[214]: %PKT_INFRA-LINK-3-UPDOWN : x",
            .rfc3164,
            .local7,
            .err,
            app: "%PKT_INFRA-LINK-3-UPDOWN",
            msg: "x"
        ),
        // A `/` word before a clock but no mnemonic after the process: the process is the TAG.
        ParserCase(
            "<13>RP/0/RP0/CPU0:Dec 11 12:43:29.227 UTC: snmpd[1002]: hello",
            .rfc3164,
            time: "2026-12-11T12:43:29.227000Z",
            app: "snmpd",
            procid: "1002",
            msg: "hello"
        ),
        ParserCase("<13>a/b:c d", .rfc3164, msg: "a/b:c d"),
        // A wireless LAN controller's task before its clock, after its name or a counter.
        ParserCase(
            "<134>Cisco-00f8.2c26.6580: *apfMsConnTask_0: Apr 20 19:37:28.624: %APF-6-USE_DEFAULT_CIPHER_SUITE: x",
            .rfc3164,
            .local0,
            .info,
            time: "2026-04-20T19:37:28.624000Z",
            host: "Cisco-00f8.2c26.6580",
            app: "%APF-6-USE_DEFAULT_CIPHER_SUITE",
            msg: "x"
        ),
        ParserCase(
            "<132>12345: *spamApTask1: May 26 18:52:01.958: %CAPWAP-4-DISC_INTF_ERR2: x",
            .rfc3164,
            .local0,
            .warning,
            time: "2026-05-26T18:52:01.958000Z",
            app: "%CAPWAP-4-DISC_INTF_ERR2",
            msg: "x"
        ),
        ParserCase("<13>*task: not a clock", .rfc3164, app: "*task", msg: "not a clock"),
        // UniFi writes its HOSTNAME twice; a different word after it is no repeat.
        ParserCase(
            "<13>Jun 27 09:02:22 Dream-Machine-Pro Dream-Machine-Pro sshd[454008]: x",
            .rfc3164,
            time: "2026-06-27T09:02:22.000000Z",
            host: "Dream-Machine-Pro",
            app: "sshd",
            procid: "454008",
            msg: "x"
        ),
        ParserCase(
            "<13>Jun 27 09:02:22 web webx sshd[5]: x",
            .rfc3164,
            time: "2026-06-27T09:02:22.000000Z",
            host: "web",
            msg: "webx sshd[5]: x"
        ),
        // One space between the PRI and a BSD timestamp is passed over; two are not.
        ParserCase(
            "<19> Nov 17 14:28:48 host1 sshd[5]: x",
            .rfc3164,
            .mail,
            .err,
            time: "2026-11-17T14:28:48.000000Z",
            host: "host1",
            app: "sshd",
            procid: "5",
            msg: "x"
        ),
        ParserCase(
            "<19>  Nov 17 14:28:48 host1 sshd[5]: x",
            .rfc3164,
            .mail,
            .err,
            msg: "  Nov 17 14:28:48 host1 sshd[5]: x"
        ),
    ]

    @Test(arguments: Self.cases)
    func parses(_ row: ParserCase) throws {
        try row.verify()
    }
}

struct RawAndPriorityTests {
    static let cases: [ParserCase] = [
        ParserCase("no pri here", .raw, msg: "no pri here"),
        // No PRI but a timestamp: a line forwarded from a file, read as RFC 3164 with the default PRI.
        ParserCase(
            "Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186 port 38926",
            .rfc3164,
            time: "2026-12-10T06:55:46.000000Z",
            host: "LabSZ",
            app: "sshd",
            procid: "24200",
            msg: "Invalid user webmaster from 173.234.31.186 port 38926",
            user: "webmaster",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "173.234.31.186"
        ),
        ParserCase(
            "2024-06-26T01:35:42Z: %ASA-6-113008: AAA transaction status ACCEPT : user = USER_1",
            .rfc3164,
            time: "2024-06-26T01:35:42.000000Z",
            app: "%ASA-6-113008",
            msg: "AAA transaction status ACCEPT : user = USER_1"
        ),
        ParserCase(
            "2026-11-26T14:41:09.5Z web1 app[7]: started",
            .rfc3164,
            time: "2026-11-26T14:41:09.500000Z",
            host: "web1",
            app: "app",
            procid: "7",
            msg: "started"
        ),
        // IOS XR's console log, forwarded.
        ParserCase(
            "RP/0/RP0/CPU0:Nov 18 08:48:26.388 UTC: ifmgr[427]: %PKT_INFRA-LINK-3-UPDOWN : Interface Mgmt0, changed "
                + "state to Down",
            .rfc3164,
            time: "2026-11-18T08:48:26.388000Z",
            app: "%PKT_INFRA-LINK-3-UPDOWN",
            msg: "Interface Mgmt0, changed state to Down",
            event: "link-down",
            resource: "Mgmt0"
        ),
        // NX-OS's log file, forwarded.
        ParserCase(
            "2022 Dec 25 19:35:57 boram %ETHPORT-5-IF_DOWN_ERROR_DISABLED: Interface Ethernet1/1 is down",
            .rfc3164,
            time: "2022-12-25T19:35:57.000000Z",
            host: "boram",
            app: "%ETHPORT-5-IF_DOWN_ERROR_DISABLED",
            msg: "Interface Ethernet1/1 is down",
            event: "link-down",
            resource: "Ethernet1/1"
        ),
        ParserCase("2022 Dec 32 19:35:57 boram x", .raw, msg: "2022 Dec 32 19:35:57 boram x"),
        ParserCase("Dec 10 is not a time", .raw, msg: "Dec 10 is not a time"),
        ParserCase("2026-13-45 junk", .raw, msg: "2026-13-45 junk"),
        ParserCase("12345 digits", .raw, msg: "12345 digits"),
        ParserCase("", .raw),
        ParserCase("<192>x", .raw, msg: "<192>x"),
        ParserCase("<999>x", .raw, msg: "<999>x"),
        ParserCase("<1000>x", .raw, msg: "<1000>x"),
        ParserCase("<00>x", .raw, msg: "<00>x"),
        ParserCase("<013>x", .raw, msg: "<013>x"),
        ParserCase("<13", .raw, msg: "<13"),
        ParserCase("<>x", .raw, msg: "<>x"),
        ParserCase("<-1>x", .raw, msg: "<-1>x"),
        ParserCase("<a>x", .raw, msg: "<a>x"),
        ParserCase(" <13>x", .raw, msg: " <13>x"),
        ParserCase("<0>x", .rfc3164, .kern, .emerg, msg: "x"),
        ParserCase("<191>x", .rfc3164, .local7, .debug, msg: "x"),
        ParserCase("<13>x\r\n", .rfc3164, msg: "x"),
        ParserCase("<13>x\n", .rfc3164, msg: "x"),
        ParserCase("<13>x\0", .rfc3164, msg: "x"),
        ParserCase("<13>x\r", .rfc3164, msg: "x"),
        ParserCase("<13>x\n\n", .rfc3164, msg: "x\n"),
        ParserCase(
            "CEF:0|Vendor|Product|1.0|100|Login|5|suser=bob",
            .raw,
            msg: "CEF:0|Vendor|Product|1.0|100|Login|5|suser=bob",
            user: "bob",
            event: "Login"
        ),
    ]

    @Test(arguments: Self.cases)
    func parses(_ row: ParserCase) throws {
        try row.verify()
    }

    @Test func everyValidPriorityMapsToFacilityAndSeverity() {
        for value in 0...191 {
            let record = parseRecord(Array("<\(value)>x".utf8))
            #expect(record.format == .rfc3164)
            #expect(Int(record.facility.rawValue) == value / 8)
            #expect(Int(record.severity.rawValue) == value % 8)
        }
        #expect(
            Facility.allCases.map(\.name) == [
                "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
                "ntp",
                "security", "console", "solaris-cron", "local0", "local1", "local2", "local3", "local4", "local5",
                "local6",
                "local7",
            ]
        )
        #expect(
            Severity.allCases.map(\.name) == ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"]
        )
    }
}

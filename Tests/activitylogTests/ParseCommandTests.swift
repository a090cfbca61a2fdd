import Foundation
import Testing
import ToolRunning

struct ParseCommandTests {
    private let fixed = [
        "parse", "--received", "2026-11-26T14:41:09.12Z", "--source", "10.0.0.5", "--transport", "tcp",
        "--rfc3164-timezone", "UTC",
    ]

    @Test func printsOneRecordPerLine() throws {
        let input = """
            <34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - 'su root' failed
            <13>Nov 26 14:41:09 host sshd[123]: Accepted publickey for alice

            not syslog at all\r

            """
        let result = try Tool.run(["activitylog"] + self.fixed, stdin: Array(input.utf8))
        #expect(result.status == 0)
        #expect(
            result.output == """
                {"time":"2003-10-11T22:14:15.003000Z","received":"2026-11-26T14:41:09.120000Z","facility":"auth","severity":"crit","host":"mymachine.example.com","app":"su","msgid":"ID47","msg":"'su root' failed","source":"10.0.0.5","transport":"tcp","format":"rfc5424"}
                {"time":"2026-11-26T14:41:09.000000Z","received":"2026-11-26T14:41:09.120000Z","facility":"user","severity":"notice","host":"host","app":"sshd","procid":"123","msg":"Accepted publickey for alice","source":"10.0.0.5","transport":"tcp","format":"rfc3164"}
                {"received":"2026-11-26T14:41:09.120000Z","facility":"user","severity":"notice","msg":"not syslog at all","source":"10.0.0.5","transport":"tcp","format":"raw"}

                """
        )
    }

    /// The issue's new-user example: an ordinary auth-log line gives who, what, to which service, how, from where.
    @Test func anAuthLogLineGivesItsActivity() throws {
        let line =
            "<38>Dec  6 10:01:02 web1 sshd[1234]: Failed password for invalid user admin from 203.0.113.9 port 52144 ssh2\n"
        let result = try Tool.run(["activitylog", "parse"], stdin: Array(line.utf8))
        #expect(result.status == 0)
        #expect(
            result.output.contains(
                #""user":"admin","event":"login","resource":"sshd","outcome":"failure","client":"203.0.113.9""#
            ),
            "\(result.output)"
        )
    }

    /// `--config` applies a file's extract rules, map lists, zone and size limit, so rules are tried before they go
    /// live; a bad rule is refused with its file and line.
    @Test func configAppliesTheRulesOfAFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.conf").path
        try """
        listen udp 127.0.0.1:0
        rfc3164-timezone +02:00
        max-message-size 1k
        map-client peer
        extract app=shop "order %resource% placed by %user%" event=order-placed outcome=success
        """.write(toFile: good, atomically: true, encoding: .utf8)
        let input = """
            <14>Dec  6 10:00:00 h shop[1]: order 42 placed by alice
            <13>1 - - - - - [x peer="192.0.2.1" src="192.0.2.2"] mapped
            <14>Dec  6 10:00:00 h shop[1]: \(String(repeating: "x", count: 2000))

            """
        let result = try Tool.run(
            ["activitylog", "parse", "--config", good, "--received", "2026-12-06T10:00:00Z"],
            stdin: Array(input.utf8)
        )
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains(#""time":"2026-12-06T08:00:00.000000Z""#), "the file's rfc3164-timezone")
        #expect(lines[0].contains(#""user":"alice","event":"order-placed","resource":"42","outcome":"success""#))
        #expect(lines[1].contains(#""client":"192.0.2.1""#), "the file's map-client")
        #expect(lines[2].contains(#""truncated":true"#), "the file's max-message-size")
        let bad = directory.appendingPathComponent("bad.conf").path
        try "listen udp 127.0.0.1:0\nextract \"a %who% b\"\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try Tool.run(["activitylog", "parse", "--config", bad])
        #expect(refused.status == 78)
        #expect(refused.errors.contains("\(bad):2: extract '%who%'"), "\(refused.errors)")
    }

    @Test(arguments: [
        ("Europe/Berlin", "2026-07-15T10:00:00.000000Z"),
        (":America/New_York", "2026-07-15T16:00:00.000000Z"),
        ("/usr/share/zoneinfo/Asia/Tokyo", "2026-07-15T03:00:00.000000Z"),
        ("CET-1CEST,M3.5.0,M10.5.0/3", "2026-07-15T10:00:00.000000Z"),
        ("UTC", "2026-07-15T12:00:00.000000Z"),
        ("", "2026-07-15T12:00:00.000000Z"),  // empty: UTC, as the C library reads it
        ("Mars/Olympus", "2026-07-15T12:00:00.000000Z"),  // unusable: UTC too
    ])
    func localZoneFollowsTZ(tz: String, expected: String) throws {
        let result = try Tool.run(
            ["activitylog", "parse", "--received", "2026-07-20T00:00:00Z", "--rfc3164-timezone", "local"],
            stdin: Array("<13>Jul 15 12:00:00 host app: x\n".utf8),
            environment: ["TZ": tz]
        )
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("{\"time\":\"\(expected)\""), "TZ=\(tz): \(result.output)")
    }

    @Test func octetFramingReadsRFC6587Frames() throws {
        let first = "<13>1 - - - - - - a"
        let second = "<13>1 - - - - - - b\nstill b"
        let input = "\(first.utf8.count) \(first)\(second.utf8.count) \(second)<13>1 - - - - - - c\n"
        let result = try Tool.run(["activitylog"] + self.fixed + ["--framing", "octet"], stdin: Array(input.utf8))
        #expect(result.status == 0)
        let messages = result.output.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["msg"] as? String
        }
        #expect(messages == ["a", "b\nstill b", "c"])
    }

    @Test func longMessagesAreTruncatedAndFlagged() throws {
        let input = "<13>1 - - - - - - " + String(repeating: "x", count: 100) + "\n<13>short\n"
        let result = try Tool.run(
            ["activitylog"] + self.fixed + ["--max-message-size", "32"],
            stdin: Array(input.utf8)
        )
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines[0].hasSuffix(
                #""msg":"xxxxxxxxxxxxxx","source":"10.0.0.5","transport":"tcp","format":"rfc5424","truncated":true}"#
            )
        )
        #expect(!lines[1].contains("truncated"))
    }

    @Test func withoutOptionsRecordsOmitSourceAndTransport() throws {
        let result = try Tool.run(["activitylog", "parse"], stdin: Array("<13>hi\n".utf8))
        #expect(result.status == 0)
        #expect(result.output.contains(#""msg":"hi","format":"rfc3164"}"#))
        #expect(result.output.contains(#"{"received":""#))
    }

    @Test(arguments: [
        (["--received", "yesterday"], "yesterday"),
        (["--source", "10.0.0.256"], "10.0.0.256"),
        (["--transport", "sctp"], "sctp"),
        (["--rfc3164-timezone", "Mars/Base"], "Mars/Base"),
        (["--max-message-size", "0"], "0"),
        (["--framing", "xml"], "xml"),
    ])
    func badOptionsAreRejectedNamingTheValue(arguments: [String], value: String) throws {
        let result = try Tool.run(["activitylog", "parse"] + arguments)
        #expect(result.status != 0)
        #expect(result.errors.contains(value))
        #expect(result.output.isEmpty)
    }

    @Test func ipv6SourceIsCanonicalised() throws {
        let result = try Tool.run(
            ["activitylog", "parse", "--source", "0:0:0:0:0:0:0:1"],
            stdin: Array("<13>x\n".utf8)
        )
        #expect(result.output.contains(#""source":"::1""#))
    }

    @Test func hostileInputGivesOneValidLinePerMessage() throws {
        var random = SystemRandomNumberGenerator()
        var input: [UInt8] = []
        var messages = 0
        for _ in 0..<2000 {
            let line = (0..<Int.random(in: 1..<200, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            .map { $0 == 0x0A ? UInt8(ascii: "n") : $0 }
            input += Array("<13>".utf8) + line + [0x0A]
            messages += 1
        }
        let result = try Tool.run(["activitylog", "parse"], stdin: input)
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == messages)
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
    }

    @Test func helpListsEveryOption() throws {
        let result = try Tool.run(["activitylog", "parse", "--help"])
        #expect(result.status == 0)
        for option in [
            "--framing", "--received", "--source", "--transport", "--rfc3164-timezone", "--max-message-size",
        ] {
            #expect(result.output.contains(option))
        }
    }
}

import ActivityModel
import SyslogParsing
import Testing

struct StructuredDataTests {
    @Test func mergesManyRepeatedNamesAndIdsInFirstAppearanceOrder() {
        // More parameters than the pairwise fast path handles, so the sort-based merge runs.
        var message = "<13>1 - - - - - "
        for element in 0..<30 {
            message += "[e\(element % 3)"
            for param in 0..<4 { message += " p\((element + param) % 5)=\"\(element).\(param)\"" }
            message += "]"
        }
        let record = parseRecord(Array(message.utf8))
        let data = record.structuredData
        #expect(data.elements.map { record.string($0.id) } == ["e0", "e1", "e2"])
        for (position, element) in data.elements.enumerated() {
            // Expected: every (element, param) in message order, grouped by name in order of first appearance.
            var expected: [(String, [String])] = []
            for index in stride(from: position, to: 30, by: 3) {
                for param in 0..<4 {
                    let name = "p\((index + param) % 5)"
                    let value = "\(index).\(param)"
                    if let slot = expected.firstIndex(where: { $0.0 == name }) {
                        expected[slot].1.append(value)
                    } else {
                        expected.append((name, [value]))
                    }
                }
            }
            let actual = element.params.map { index in
                let param = data.params[index]
                return (record.string(param.name), param.values.map { record.string(data.values[$0]) })
            }
            #expect(actual.map(\.0) == expected.map(\.0))
            #expect(actual.map(\.1) == expected.map(\.1))
        }
    }

    @Test func hostileMessageWithThousandsOfParamsIsParsed() throws {
        // 64 KiB of tiny parameters: the merge must stay O(n log n) and the output valid.
        var message = "<13>1 - - - - - [x"
        var count = 0
        while message.utf8.count < 65_000 {
            message += " a=\"\(count % 7)\""
            count += 1
        }
        message += "]"
        let record = parseRecord(Array(message.utf8))
        #expect(record.structuredData.params.count == 1)
        #expect(record.structuredData.values.count == count)
        try expectOneValidJSONLine(Array(JSONLineEncoder.line(record).utf8))
    }

    @Test func customCandidatesReplaceTheDefaults() {
        let fields = ActivityFieldCandidates(
            user: ["suser", "duser"],
            event: ["cat"],
            resource: [],
            outcome: ["res"],
            client: ["peer"]
        )
        let record = parseRecord(
            Array(
                #"<13>1 - - - - - [cef duser="d" suser="s" user="u" cat="c" res="ok" path="/p" src="x" peer="p"]"#.utf8
            ),
            fields: fields
        )
        #expect(record.string(\.user) == "s")
        #expect(record.string(\.event) == "c")
        #expect(record.string(\.resource) == nil)
        #expect(record.string(\.outcome) == "ok")
        #expect(record.string(\.client) == "p")
    }

    @Test func defaultCandidatesAreDesignMdLists() {
        let defaults = ActivityFieldCandidates.default
        #expect(defaults.user == ["user", "uid", "usr", "account", "actor"])
        #expect(defaults.event == ["event", "action", "act", "type", "op"])
        #expect(defaults.resource == ["resource", "res", "object", "target", "path", "file"])
        #expect(defaults.outcome == ["outcome", "result", "status"])
        #expect(defaults.client == ["client", "src", "srcip", "rhost", "addr"])
    }

    @Test func reusedRecordAndParserGiveTheSameLinesAsFreshOnes() {
        let messages = [
            #"<13>1 2026-01-02T03:04:05Z h a 1 M [a user="x" p="1" p="2"][a q="3"] m"#,
            "<13>Nov 26 14:41:09 host app[5]: text",
            "garbage",
            #"<13>1 - - - - - [b path="/x"]"#,
            "<13>1 - - - - - -",
        ]
        var parser = SyslogParser(configuration: SyslogParserConfiguration(rfc3164TimeZone: .utc))
        var record = ActivityRecord()
        let context = ReceptionContext(received: timestamp(defaultReceived), source: "::1", transport: .tcp)
        for round in 0..<3 {
            for message in messages.shuffled() {
                Array(message.utf8).withUnsafeBytes {
                    parser.parse($0, truncated: round == 1, context: context, into: &record)
                }
                var fresh = SyslogParser(configuration: SyslogParserConfiguration(rfc3164TimeZone: .utc))
                let expected = fresh.parse(Array(message.utf8), truncated: round == 1, context: context)
                #expect(JSONLineEncoder.line(record) == JSONLineEncoder.line(expected))
            }
        }
    }
}

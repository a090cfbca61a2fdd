import ActivityModel
import Testing

@testable import SyslogParsing

struct TimestampTests {
    private func resolve(_ text: String, received: String, zone: CivilTimeZone = .utc) -> String? {
        var resolver = BSDTimeResolver(zone: zone)
        let bytes = Array(text.utf8)
        let fields = bytes.withUnsafeBufferPointer { BSDTimestampParser.parse($0, at: 0) }
        guard let fields else { return nil }
        return resolver.resolve(fields, received: timestamp(received), utcOffset: nil).map(RFC3339Formatter.string)
    }

    @Test(arguments: [
        ("Dec 31 23:59:58", "2027-01-01T00:00:05Z", "2026-12-31T23:59:58.000000Z"),
        ("Jan  1 00:00:03", "2026-12-31T23:59:58Z", "2027-01-01T00:00:03.000000Z"),
        ("Nov 26 14:41:09", "2026-11-26T14:41:09Z", "2026-11-26T14:41:09.000000Z"),
        ("Dec 27 00:00:00", "2026-11-26T00:00:00Z", "2026-12-27T00:00:00.000000Z"),
        ("Dec 27 00:00:01", "2026-11-26T00:00:00Z", "2025-12-27T00:00:01.000000Z"),
        ("Feb 29 12:00:00", "2026-11-26T00:00:00Z", "2024-02-29T12:00:00.000000Z"),
        ("Feb 29 12:00:00", "2104-06-01T00:00:00Z", "2104-02-29T12:00:00.000000Z"),
        ("Feb 29 12:00:00", "2103-06-01T00:00:00Z", "2096-02-29T12:00:00.000000Z"),
        ("Mar  1 00:00:00", "2026-01-15T00:00:00Z", "2025-03-01T00:00:00.000000Z"),
        // A written year is kept, before the time (Cisco) or after it (Junos's `time-format year`).
        ("Jan 24 2020 21:16:48", "2026-11-26T00:00:00Z", "2020-01-24T21:16:48.000000Z"),
        ("Jan 24 21:16:48 2020  r1", "2026-11-26T00:00:00Z", "2020-01-24T21:16:48.000000Z"),
        ("Jan 24 21:16:48.401 2020  r1", "2026-11-26T00:00:00Z", "2020-01-24T21:16:48.401000Z"),
        // Four digits out of range, run into more, or followed by one space are no year: the host after the time.
        ("Jan 24 21:16:48 1234  r1", "2026-11-26T00:00:00Z", "2026-01-24T21:16:48.000000Z"),
        ("Jan 24 21:16:48 20201  r1", "2026-11-26T00:00:00Z", "2026-01-24T21:16:48.000000Z"),
        ("Jan 24 21:16:48 2048 bytes received", "2026-11-26T00:00:00Z", "2026-01-24T21:16:48.000000Z"),
    ])
    func yearIsLatestNotAfterReceivedPlus31Days(text: String, received: String, expected: String) {
        #expect(self.resolve(text, received: received) == expected)
    }

    @Test(arguments: [
        ("2022 Dec 25 21:50:46", "2022-12-25T21:50:46.000000Z"),
        ("2013 Sep  7 11:43:12.123 UTC", "2013-09-07T11:43:12.123000Z"),
        ("1970 Jan  1 00:00:00", "1970-01-01T00:00:00.000000Z"),
    ])
    func nexusWritesTheYearFirst(text: String, expected: String) {
        var resolver = BSDTimeResolver(zone: .utc)
        let fields = Array(text.utf8).withUnsafeBufferPointer { BSDTimestampParser.parseYearFirst($0, at: 0) }
        let time = fields.flatMap { resolver.resolve($0, received: timestamp("2026-11-26T00:00:00Z"), utcOffset: nil) }
        #expect(time.map(RFC3339Formatter.string) == expected)
    }

    @Test(arguments: [
        "1969 Dec 31 23:59:59", "2100 Jan  1 00:00:00", "20221 Dec 25 21:50:46", "2022  Dec 25 21:50:46",
        "2022 Dec 25 2021 21:50:46", "2022 Dec 25", "Dec 25 21:50:46",
    ])
    func noNexusTimestamp(text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { BSDTimestampParser.parseYearFirst($0, at: 0) } == nil)
    }

    @Test func namedZoneFollowsDaylightSavingTime() throws {
        let berlin = try #require(CivilTimeZone(name: "Europe/Berlin"))
        #expect(
            self.resolve("Mar 29 01:30:00", received: "2026-04-01T00:00:00Z", zone: berlin)
                == "2026-03-29T00:30:00.000000Z"
        )
        #expect(
            self.resolve("Mar 29 03:30:00", received: "2026-04-01T00:00:00Z", zone: berlin)
                == "2026-03-29T01:30:00.000000Z"
        )
        #expect(
            self.resolve("Oct 25 12:00:00", received: "2026-11-01T00:00:00Z", zone: berlin)
                == "2026-10-25T11:00:00.000000Z"
        )
        #expect(
            self.resolve("Oct 24 12:00:00", received: "2026-11-01T00:00:00Z", zone: berlin)
                == "2026-10-24T10:00:00.000000Z"
        )
    }

    @Test func zoneNames() {
        #expect(CivilTimeZone(name: "UTC")?.description == "UTC")
        #expect(CivilTimeZone(name: "+05:30")?.description == "+05:30")
        #expect(CivilTimeZone(name: "-08:00")?.description == "-08:00")
        #expect(CivilTimeZone(name: "America/New_York")?.description == "America/New_York")
        #expect(CivilTimeZone(name: "local") != nil)
        #expect(CivilTimeZone(name: "Mars/Olympus") == nil)
        #expect(CivilTimeZone(name: "+25:00") == nil)
        #expect(CivilTimeZone(name: "") == nil)
    }

    @Test(arguments: [
        ("1985-04-12T23:20:50.52Z", "1985-04-12T23:20:50.520000Z"),
        ("1996-12-19T16:39:57-08:00", "1996-12-20T00:39:57.000000Z"),
        ("1990-12-31T23:59:60Z", "1991-01-01T00:00:00.000000Z"),
        ("1937-01-01T12:00:27.87+00:20", "1937-01-01T11:40:27.870000Z"),
        ("2026-11-26T14:41:09.0000001Z", "2026-11-26T14:41:09.000000Z"),
    ])
    func rfc3339Examples(text: String, expected: String) {
        #expect(RFC3339Formatter.string(timestamp(text)) == expected)
    }

    @Test(arguments: [
        "2026-11-26", "2026-11-26T14:41:09", "2026-11-26T14:41:09+0100", "2026-11-26T14:41:09.Z", "2026-11-26T14:41Z",
        "2026-11-26T25:00:00Z", "2026-11-26T14:60:00Z", "2026-11-26T14:41:61Z", "2026-11-31T00:00:00Z",
        "2026-11-26T14:41:09+24:00", "2026-11-26T14:41:09Z ", "2026-11-26X14:41:09Z", "202a-11-26T14:41:09Z",
    ])
    func invalidRFC3339IsRejected(text: String) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { RFC3339TimestampParser.parse($0, in: 0..<$0.count) } == nil)
    }
}

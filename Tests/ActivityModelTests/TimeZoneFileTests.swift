import ActivityModel
import Foundation
import Testing

/// Our TZif reader against Foundation's `TimeZone` (ICU), and POSIX rules against hand-computed transitions.
struct TimeZoneFileTests {
    /// Zones with every kind of rule: northern and southern daylight time, half and quarter hours, negative
    /// daylight saving (Dublin), none (Tokyo, Kolkata), and Jerusalem's Friday-before-last-Sunday rule.
    static let zones = [
        "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Australia/Sydney", "Pacific/Auckland",
        "Pacific/Chatham", "America/St_Johns", "Asia/Kolkata", "Asia/Tokyo", "Europe/Dublin", "Europe/London",
        "Asia/Jerusalem", "Africa/Johannesburg", "Australia/Lord_Howe",
    ]

    @Test(arguments: Self.zones)
    func offsetsMatchFoundation(name: String) throws {
        let ours = try #require(TimeZoneFile(named: name))
        let theirs = try #require(TimeZone(identifier: name))
        // Every 7 h 13 min from 1990 to 2100: hits every hour of the day and both sides of every transition year;
        // after 2037 only the footer rule speaks.
        var mismatches: [String] = []
        var instant: Int64 = 631_152_000
        while instant < 4_102_444_800, mismatches.count < 5 {
            let expected = theirs.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
            let actual = ours.offset(atUTC: instant)
            if actual != expected { mismatches.append("\(instant): \(actual) != \(expected)") }
            instant += 7 * 3600 + 13 * 60
        }
        #expect(mismatches.isEmpty, "\(name): \(mismatches)")
    }

    @Test func transitionsHappenAtTheRightSecond() throws {
        let berlin = try #require(TimeZoneFile(named: "Europe/Berlin"))
        // 2026-03-29 01:00:00 UTC: CET -> CEST; 2026-10-25 01:00:00 UTC: back. Also far after the last listed one.
        #expect(berlin.offset(atUTC: 1_774_745_999) == 3600)
        #expect(berlin.offset(atUTC: 1_774_746_000) == 7200)
        #expect(berlin.offset(atUTC: 1_792_889_999) == 7200)
        #expect(berlin.offset(atUTC: 1_792_890_000) == 3600)
        #expect(berlin.offset(atUTC: 4_070_912_400 + 86_400 * 180) == 7200, "summer 2099")
        #expect(berlin.offset(atUTC: -2_500_000_000) == 3208, "1890: local mean time, before the first transition")
    }

    @Test func filesWithoutTransitionsAndVersionOneFiles() throws {
        #expect(try #require(TimeZoneFile(named: "UTC")).offset(atUTC: 1_795_000_000) == 0)
        #expect(try #require(TimeZoneFile(named: "Etc/GMT-3")).offset(atUTC: 1_795_000_000) == 10_800)
        // A version 1 file built by hand: LMT +0:30 until 2000-01-01T00:00:00Z, then +01:00.
        func be32(_ value: Int32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }
        var file = Array("TZif".utf8) + [0] + Array(repeating: 0, count: 15)
        file += be32(0) + be32(0) + be32(0) + be32(1) + be32(2) + be32(8)  // isut, isstd, leap, time, type, char
        file += be32(946_684_800) + [1]  // one transition, to type 1
        file += be32(1800) + [0, 0] + be32(3600) + [0, 4]  // ttinfo: utoff, isdst, abbreviation index
        file += Array("LMT\0CET\0".utf8)
        let zone = try #require(TimeZoneFile(name: "v1", tzif: file))
        #expect(zone.offset(atUTC: 946_684_799) == 1800)
        #expect(zone.offset(atUTC: 946_684_800) == 3600)
        #expect(zone.offset(atUTC: 4_000_000_000) == 3600, "no footer in version 1: the last type stays")
    }

    @Test func namesThatAreNotZoneFilesAreRefused() {
        #expect(TimeZoneFile(named: "Mars/Olympus") == nil)
        #expect(TimeZoneFile(named: "../../etc/passwd") == nil)
        #expect(TimeZoneFile(named: "/etc/localtime") == nil)
        #expect(TimeZoneFile(named: "Europe//Berlin") == nil)
        #expect(TimeZoneFile(named: "") == nil)
        #expect(TimeZoneFile(name: "x", tzif: Array("TZif2 but short".utf8)) == nil)
        #expect(TimeZoneFile(name: "x", tzif: Array(repeating: 0, count: 100)) == nil)
    }

    @Test func everyTruncationOfAZoneFileIsRefusedWithoutCrashing() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "/usr/share/zoneinfo/Europe/Berlin")))
        #expect(TimeZoneFile(name: "Europe/Berlin", tzif: bytes) != nil)
        var accepted = 0
        for length in 0..<bytes.count where TimeZoneFile(name: "cut", tzif: Array(bytes[0..<length])) != nil {
            accepted += 1
        }
        // Only cuts inside the footer still parse (then without the footer rule, or with a shorter one).
        #expect(accepted <= 40)
    }

    @Test(arguments: [
        // (rule, UTC instant, expected offset)
        ("CET-1CEST,M3.5.0,M10.5.0/3", 1_774_745_999, 3600),  // 2026-03-29 00:59:59 UTC
        ("CET-1CEST,M3.5.0,M10.5.0/3", 1_774_746_000, 7200),
        ("CET-1CEST,M3.5.0,M10.5.0/3", 1_792_889_999, 7200),  // 2026-10-25 00:59:59 UTC
        ("CET-1CEST,M3.5.0,M10.5.0/3", 1_792_890_000, 3600),
        ("EST5EDT,M3.2.0,M11.1.0", 1_772_953_199, -18_000),  // 2026-03-08 06:59:59 UTC
        ("EST5EDT,M3.2.0,M11.1.0", 1_772_953_200, -14_400),
        ("EST5EDT", 1_772_953_200, -14_400),  // no rule: the US one
        ("AEST-10AEDT,M10.1.0,M4.1.0/3", 1_767_225_600, 39_600),  // January: southern summer
        ("AEST-10AEDT,M10.1.0,M4.1.0/3", 1_783_000_000, 36_000),  // July
        ("<+0330>-3:30", 1_783_000_000, 12_600),
        ("<-03>3", 1_783_000_000, -10_800),
        ("UTC0", 1_783_000_000, 0),
        ("EST5EDT,0/0,J365/25", 1_783_000_000, -14_400),  // permanent daylight time (RFC 8536)
        ("EST5EDT,0/0,J365/25", 1_767_225_600, -14_400),
        ("XXX0YYY,J60/0,J61/0", 1_709_164_800, 0),  // 2024-02-29 (leap): J60 is 1 March, never 29 February
        ("XXX0YYY,J60/0,J61/0", 1_709_251_200, 3600),  // 2024-03-01
        ("XXX0YYY,59/0,60/0", 1_709_164_800, 3600),  // zero-based 59 is 29 February in a leap year
    ])
    func posixRules(rule: String, instant: Int64, expected: Int) throws {
        let parsed = try #require(POSIXTimeZoneRule(rule))
        #expect(parsed.offset(atUTC: instant) == expected)
    }

    @Test(arguments: [
        "", "C", "CET", "CET-", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0", "CET-25", "<>1", "CET-1X",
    ])
    func invalidPOSIXRulesAreRefused(rule: String) {
        #expect(POSIXTimeZoneRule(rule) == nil)
    }
}

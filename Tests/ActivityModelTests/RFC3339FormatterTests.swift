import ActivityModel
import Testing

struct RFC3339FormatterTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000000Z"),
        (Int64(1_795_704_069_120_000), "2026-11-26T14:41:09.120000Z"),
        (Int64(-1), "1969-12-31T23:59:59.999999Z"),
        (Int64(951_782_400_000_001), "2000-02-29T00:00:00.000001Z"),
        (Int64(253_402_300_799_999_999), "9999-12-31T23:59:59.999999Z"),
        (Int64(-62_167_219_200_000_000), "0000-01-01T00:00:00.000000Z"),
    ])
    func formats(microseconds: Int64, expected: String) {
        #expect(RFC3339Formatter.string(Timestamp(microsecondsSinceEpoch: microseconds)) == expected)
    }

    @Test func clampsInstantsOutsideFourDigitYears() {
        #expect(RFC3339Formatter.string(Timestamp(microsecondsSinceEpoch: .max)) == "9999-12-31T23:59:59.999999Z")
        #expect(RFC3339Formatter.string(Timestamp(microsecondsSinceEpoch: .min)) == "0000-01-01T00:00:00.000000Z")
    }

    @Test func isAlwaysTwentySevenBytes() {
        for seconds in stride(from: Int64(-100_000_000), to: 5_000_000_000, by: 12_345_677) {
            #expect(RFC3339Formatter.string(Timestamp(secondsSinceEpoch: seconds, microseconds: 7)).utf8.count == 27)
        }
    }
}

/// What follows a BSD timestamp in an RFC 3164 header (``RFC3164Parser``): the end, a space, `: ` (Cisco), or a
/// zone name and `: ` (Cisco with `clock timezone`) before its `%FACILITY-SEVERITY-MNEMONIC`, or before anything
/// when the message is known to be Cisco's (a sequence number or clock mark came first). Anything else means the
/// bytes were not a timestamp after all.
///
/// Otherwise the `%` tells a zone from a TAG: `Oct 11 22:14:15 su: msg` and `… CRON: (root) CMD` have no HOSTNAME,
/// and `su` and `CRON` are their TAGs.
///
/// ```
/// 14:41:09: %SYS-…            Cisco style, the configured zone
/// 14:41:09.834 : ifmgr[214]:  Cisco style (IOS XR)
/// 14:41:09 UTC: %SYS-…        Cisco style, UTC            (also GMT, UT, Z, any case)
/// 14:41:09.123 UTC+1: %SYS-…  Cisco style, UTC+01:00      (UTC+07:30, GMT-5, UTC+0530 too)
/// 14:41:09.247 +06: SSHD_[1]: Cisco style, UTC+06:00      (a bare offset)
/// 14:41:09 MSK: %SYS-…        Cisco style, the configured zone (a name that fixes no offset)
/// 14:41:09Z  %FTD-…           UTC, then the rest (FTD)
/// 14:41:09 MSK 10.1.1.1: %…   a zone name, then maybe the device's name (``nameAfterZone``)
/// ```
struct TimestampSuffix {
    /// Where the rest of the message starts.
    var next: Int
    /// The zone's offset from UTC in seconds when the device wrote one that fixes it; `nil`: the configured zone.
    var utcOffset: Int?
    /// The timestamp ended with `:` (after which no HOSTNAME follows).
    var isCiscoStyle: Bool
    /// After a space and an upper-case zone name of 2 to 5 letters (`MSK`) or a UTC name (`UTC`, `UTC+1`) and one
    /// more space, where the next word starts: the device's name when its mnemonic follows it (the parser decides),
    /// with the zone's offset in ``zoneOffset``.
    var nameAfterZone: Int?
    /// The offset of the zone before ``nameAfterZone``, as ``utcOffset``.
    var zoneOffset: Int?

    /// Cisco's `clock timezone` names have up to 7 letters.
    private static let longestZoneName = 7

    /// The suffix at `index` (right after the timestamp's last digit), or `nil` when none of the forms is there.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, isCisco: Bool) -> TimestampSuffix? {
        let end = bytes.count
        var index = start
        var utcOffset: Int?
        // FTD's `May 01 2026 09:24:32Z  %FTD-…`.
        if index < end, bytes[index] == UInt8(ascii: "Z"),
            index + 1 == end || bytes[index + 1] == ByteClass.space || bytes[index + 1] == UInt8(ascii: ":")
        {
            (index, utcOffset) = (index + 1, 0)
        }
        guard index < end else { return TimestampSuffix(next: end, utcOffset: utcOffset, isCiscoStyle: false) }
        if bytes[index] == UInt8(ascii: ":"), index + 1 == end || bytes[index + 1] == ByteClass.space {
            return TimestampSuffix(next: min(index + 2, end), utcOffset: utcOffset, isCiscoStyle: true)
        }
        guard bytes[index] == ByteClass.space else { return nil }
        // IOS XR: `Jul  7 20:16:14.834 : ifmgr[214]: …`.
        if index + 2 < end, bytes[index + 1] == UInt8(ascii: ":"), bytes[index + 2] == ByteClass.space {
            return TimestampSuffix(next: index + 3, utcOffset: utcOffset, isCiscoStyle: true)
        }
        var suffix = TimestampSuffix(next: index + 1, utcOffset: utcOffset, isCiscoStyle: false)
        // Most lines go on with a lower-case HOSTNAME (`web1`, `db-02.example.net`), which names no zone unless a
        // `:` ends it (`mdt: %…`).
        guard utcOffset == nil, index + 1 < end, !Self.isLowerCaseHostname(bytes, at: index + 1),
            let zone = Self.zone(bytes, at: index + 1)
        else { return suffix }
        let zoneEnd = zone.end
        if zoneEnd + 1 < end, bytes[zoneEnd] == UInt8(ascii: ":"), bytes[zoneEnd + 1] == ByteClass.space,
            isCisco || (zoneEnd + 2 < end && bytes[zoneEnd + 2] == UInt8(ascii: "%"))
        {
            return TimestampSuffix(next: min(zoneEnd + 2, end), utcOffset: zone.utcOffset, isCiscoStyle: true)
        }
        if zone.mayPrecedeName, zoneEnd + 1 < end, bytes[zoneEnd] == ByteClass.space,
            bytes[zoneEnd + 1] != ByteClass.space
        {
            (suffix.nameAfterZone, suffix.zoneOffset) = (zoneEnd + 1, zone.utcOffset)
        }
        return suffix
    }

    /// A zone name at `index`: 1 to 7 letters, and after a UTC name an offset (`UTC+1`, `GMT-05:30`); its end, its
    /// offset when it fixes one, and whether it looks like a zone enough to stand before a device's name (upper-case
    /// letters, 2 to 5 of them, or a UTC name).
    @inline(__always)
    private static func zone(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at index: Int
    ) -> (end: Int, utcOffset: Int?, mayPrecedeName: Bool)? {
        let end = bytes.count
        // A bare offset, `+06` or `-05:00` (IOS XR's `clock timezone` written as one).
        if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            guard let (offset, offsetEnd) = Self.offset(bytes, at: index), offsetEnd < end,
                bytes[offsetEnd] == UInt8(ascii: ":") || bytes[offsetEnd] == ByteClass.space
            else { return nil }
            return (offsetEnd, offset, false)
        }
        var nameEnd = index
        var isUpperCase = true
        while nameEnd < end, nameEnd - index <= Self.longestZoneName, ByteClass.isASCIILetter(bytes[nameEnd]) {
            isUpperCase = isUpperCase && bytes[nameEnd] &- UInt8(ascii: "A") < 26
            nameEnd += 1
        }
        let length = nameEnd - index
        // A name runs into `:`, an offset's sign or a space: any other byte (`web1`) makes it a HOSTNAME.
        guard length >= 1, length <= Self.longestZoneName, nameEnd < end else { return nil }
        switch bytes[nameEnd] {
        case UInt8(ascii: ":"), UInt8(ascii: "+"), UInt8(ascii: "-"): break
        // Before a space only a zone that may stand before a device's name counts: most HOSTNAMEs end here.
        case ByteClass.space where isUpperCase || length <= 3: break
        default: return nil
        }
        guard Self.isUTCName(bytes, in: index..<nameEnd) else {
            return (nameEnd, nil, isUpperCase && length >= 2 && length <= 5)
        }
        guard let (offset, offsetEnd) = Self.offset(bytes, at: nameEnd) else { return (nameEnd, 0, true) }
        return (offsetEnd, offset, true)
    }

    /// Whether a lower-case word that is no zone starts at `index`: lower-case letters then anything but `:` and an
    /// offset's sign, or more than the longest zone name.
    @inline(__always)
    private static func isLowerCaseHostname(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard bytes[index] &- UInt8(ascii: "a") < 26 else { return false }
        var position = index + 1
        while position < bytes.count, bytes[position] &- UInt8(ascii: "a") < 26 { position += 1 }
        guard position < bytes.count, position - index <= Self.longestZoneName else { return true }
        switch bytes[position] {
        case UInt8(ascii: ":"), UInt8(ascii: "+"), UInt8(ascii: "-"): return false
        // `utc fw01 : %FTD-…`: a UTC name may stand before a device's name.
        case ByteClass.space: return position - index > 3
        default: return true
        }
    }

    /// `+H`, `-HH`, `+HH:MM` or `+HHMM` at `index`: seconds east of UTC, and the index after it.
    private static func offset(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, Int)? {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
            ByteClass.isDigit(bytes[index + 1])
        else { return nil }
        var position = index + 1
        var digits = 0
        var value = 0
        while position < bytes.count, ByteClass.isDigit(bytes[position]), digits < 4 {
            value = value * 10 + Int(bytes[position] &- UInt8(ascii: "0"))
            (position, digits) = (position + 1, digits + 1)
        }
        let hours = digits <= 2 ? value : value / 100
        var minutes = digits <= 2 ? 0 : value % 100
        if digits <= 2, position + 2 < bytes.count, bytes[position] == UInt8(ascii: ":"),
            let written = ByteClass.decimal(bytes, at: position + 1, count: 2)
        {
            (minutes, position) = (written, position + 3)
        }
        guard digits != 3, hours <= 14, minutes < 60 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return (bytes[index] == UInt8(ascii: "-") ? -seconds : seconds, position)
    }

    /// `true` for the zone names that certainly mean UTC: `UTC`, `GMT`, `UT`, `Z` (any case).
    private static func isUTCName(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Bool {
        guard range.count <= 3 else { return false }
        var name: UInt32 = 0
        for index in range { name = name << 8 | UInt32(bytes[index] | 0x20) }
        return name == 0x75_74_63 || name == 0x67_6D_74 || name == 0x75_74 || name == 0x7A
    }
}

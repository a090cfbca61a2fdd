import ActivityModel

/// Parses a legacy (BSD, RFC 3164) message after its PRI, taking each part only when it is recognisably there.
///
/// ```
/// <PRI>[SEQ: ][*|.]TIMESTAMP[ ZONE]: [TAG[[PID]]: ]CONTENT     Cisco IOS   (no HOSTNAME; ZONE only before `%`)
/// <PRI>[SEQ: [SEQ: ]|: ][HOST: ][SEQ: ][CLOCK: ]%MNEMONIC: CONTENT  Cisco IOS `logging origin-id`, uptime or none
/// <PRI>[: |HOST: ]YYYY Mmm dd hh:mm:ss[ ZONE]: %MNEMONIC: CONTENT        Cisco NX-OS (HOST: with a CLOCK only)
/// <PRI>[SEQ: |HOST: ]*TASK: CLOCK: %MNEMONIC: CONTENT                   Cisco wireless LAN controller
/// <PRI>[[SP]TIMESTAMP SP [HOSTNAME SP [SEQ: ][CLOCK: ]]][TAG[[PID]]: ]CONTENT BSD / RFC 3164 / RFC 3339 variants
/// ```
///
/// CLOCK is a Cisco timestamp or an uptime (`00:00:46`, `2y10w`), skipped when a `%` mnemonic follows it: the
/// mnemonic is the TAG.
///
/// - TIMESTAMP: `Mmm dd hh:mm:ss` and the variants of ``BSDTimestampParser`` (NX-OS's year first too), or an
///   RFC 3339 timestamp (used as written). Without a year it is resolved by ``BSDTimeResolver``.
/// - HOSTNAME: only after a timestamp, and only a token of hostname characters (letters, digits, `.-_:`, and `/`
///   for syslog-ng's `chain-hostnames`, `host/relay`) that is followed by a space and does not end in `:`; so
///   `Nov 26 14:41:09 sshd[7]: x` has no host and TAG `sshd`.
///   More than one space may come before it.
/// - SEQ: a Cisco sequence number (`1234: `), skipped at the start and after the HOSTNAME (two of them too).
/// - TAG: a token of printable ASCII without `[`, `]` or `:`, followed by `[PID]` and/or `:`, then a space or the
///   end (`app: `, `app[12]: `, `app[12] `); a name cut short after its `[` keeps its `]` (`gdm-password]: `).
///   A bare `word:` followed by anything but a space is not a TAG, so `http://…` stays in the content.
/// - CONTENT becomes `msg` (leading UTF-8 BOM removed, absent when empty).
struct RFC3164Parser {
    private var resolver: BSDTimeResolver

    init(zone: CivilTimeZone) {
        self.resolver = BSDTimeResolver(zone: zone)
    }

    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into record: inout ActivityRecord) {
        record.format = .rfc3164
        // A space after the PRI is no sign of Cisco's; a sequence number or a controller's task is.
        let first = Self.skippingSpaceBeforeTimestamp(bytes, at: start)
        var index = CiscoHeader.skippingTask(bytes, at: CiscoHeader.skippingSequenceNumbers(bytes, at: first))
        var expectsHostname = false
        let hasSequenceNumber = index != first
        var timestamp = self.timestamp(
            bytes,
            at: index,
            received: record.received,
            afterSequenceNumber: hasSequenceNumber
        )
        if timestamp == nil, let node = CiscoHeader.node(bytes, at: index),
            let clock = self.timestamp(bytes, at: node.clock, received: record.received, afterSequenceNumber: true)
        {
            // IOS XR: `[HOST ]NODE:CLOCK …`.
            record.host = node.host
            timestamp = clock
        } else if timestamp == nil,
            let origin = CiscoHeader.originHostname(bytes, at: index, afterSequenceNumber: hasSequenceNumber)
        {
            record.host = origin.host
            index = origin.next
            timestamp = self.timestamp(bytes, at: index, received: record.received, afterSequenceNumber: true)
        } else if timestamp == nil, let device = CiscoHeader.deviceName(bytes, at: index, allowsColon: false) {
            // No clock, the device's name and its mnemonic: `<166>fw01 %FTD-6-113005: …`.
            record.host = device.name
            index = device.next
        }
        if let (time, afterTimestamp, isCiscoStyle) = timestamp {
            record.time = time
            index = afterTimestamp
            expectsHostname = !isCiscoStyle
            // Junos's log files put two spaces before the HOSTNAME (`Jan 19 17:17:59  R1 mgd[158]: …`).
            while expectsHostname, index < bytes.count, bytes[index] == ByteClass.space { index += 1 }
        }
        // A relay's header with no HOSTNAME before the device's own clock (`Nov 02 14:37:11 Nov 02 2010 14:24:38:
        // %ASA-…`): no host.
        if expectsHostname, index < bytes.count, CiscoHeader.mayStartClock(bytes[index]),
            CiscoHeader.skippingClock(bytes, at: index) != index
        {
            expectsHostname = false
        }
        if expectsHostname, let host = Self.hostname(bytes, at: index) {
            record.host = host
            index = CiscoHeader.skippingSequenceNumbers(
                bytes,
                at: Self.skippingRepeat(of: host, bytes, at: host.end + 1)
            )
        }
        index = CiscoHeader.skippingClock(bytes, at: index)
        if var tag = Self.tag(bytes, at: index) {
            // IOS XR's process before the mnemonic (`ifmgr[214]: %PKT_INFRA-LINK-3-UPDOWN : …`), after a Cisco clock or
            // sequence number: the mnemonic is the TAG.
            if timestamp?.2 == true || hasSequenceNumber, tag.pid != nil,
                CiscoHeader.isMnemonic(bytes, at: tag.contentStart),
                let mnemonic = Self.tag(bytes, at: tag.contentStart)
            {
                tag = mnemonic
            }
            // A device ID written as `HOST: ` before the mnemonic (`May  5 19:02:25 asa01: %ASA-6-113004: …`).
            if expectsHostname, record.host == nil, tag.pid == nil, CiscoHeader.isMnemonic(bytes, at: tag.contentStart),
                let mnemonic = Self.tag(bytes, at: tag.contentStart)
            {
                record.host = tag.name
                tag = mnemonic
            }
            record.app = tag.name
            record.procid = tag.pid
            index = tag.contentStart
        }
        record.msg = MessageText.span(bytes, from: index)
    }

    /// Whether a message without PRI starts with a timestamp this parser reads: `Mmm dd hh:mm:ss` (and its
    /// variants) or an RFC 3339 timestamp, followed by a space or the end.
    static func startsWithTimestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if ByteClass.isDigit(first) {
            // NX-OS's log file: `2022 Dec 25 19:35:57 sw01 %ETHPORT-…`.
            if let fields = BSDTimestampParser.parseYearFirst(bytes, at: 0) {
                return Self.isNexusHeader(bytes, after: fields, isCisco: false)
            }
            var end = ByteClass.endOfToken(bytes, from: 0)
            if end > 1, bytes[end - 1] == UInt8(ascii: ":") { end -= 1 }
            return RFC3339TimestampParser.parse(bytes, in: 0..<end) != nil
        }
        var position = 0
        if Self.isClockMark(first) { position = 1 }
        // IOS XR's node before its clock: `RP/0/RP0/CPU0:Nov 18 08:48:26.388 UTC: ifmgr[427]: %PKT_INFRA-…`.
        if let node = CiscoHeader.node(bytes, at: 0), node.host == nil {
            return Self.bsdFields(bytes, at: node.clock, isCisco: true) != nil
        }
        guard let fields = BSDTimestampParser.parse(bytes, at: position) else { return false }
        return Self.endsTimestamp(bytes, fields)
    }

    /// Whether the end, a space or a `:` follows a timestamp.
    private static func endsTimestamp(_ bytes: UnsafeBufferPointer<UInt8>, _ fields: BSDTimestampParser.Fields) -> Bool
    {
        fields.end == bytes.count || bytes[fields.end] == ByteClass.space || bytes[fields.end] == UInt8(ascii: ":")
    }

    /// The BSD timestamp at `index`: month first, or NX-OS's year first (``isNexusHeader(_:after:isCisco:)``).
    @inline(__always)
    private static func bsdFields(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at index: Int,
        isCisco: Bool
    ) -> BSDTimestampParser.Fields? {
        guard ByteClass.isDigit(bytes[index]) else { return BSDTimestampParser.parse(bytes, at: index) }
        guard let fields = BSDTimestampParser.parseYearFirst(bytes, at: index),
            Self.isNexusHeader(bytes, after: fields, isCisco: isCisco)
        else { return nil }
        return fields
    }

    /// Whether a year-first timestamp ends as NX-OS's do: `: ` or ` ZONE: ` (Cisco style), or ` HOST %MNEMONIC`
    /// (its log file). RFC 3164's own example of a timestamp a relay must not read, `1990 Oct 22 10:52:01 TZ-6
    /// scapegoat.dmz.example.org …`, ends neither way, and stays content.
    private static func isNexusHeader(
        _ bytes: UnsafeBufferPointer<UInt8>,
        after fields: BSDTimestampParser.Fields,
        isCisco: Bool
    ) -> Bool {
        guard let suffix = TimestampSuffix.read(bytes, at: fields.end, isCisco: isCisco) else { return false }
        if suffix.isCiscoStyle { return true }
        if let name = suffix.nameAfterZone, CiscoHeader.deviceName(bytes, at: name, allowsColon: true) != nil {
            return true
        }
        return CiscoHeader.deviceName(bytes, at: suffix.next, allowsColon: true) != nil
    }

    /// A mark before a Cisco timestamp: IOS's `*` (clock not set) and `.` (not synchronized), or the `:` an ASA may
    /// write right after the PRI (`<166>:Jan 13 2020 15:51:28 MSK: %ASA-…`).
    private static func isClockMark(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    /// Skips the one space some senders write between the PRI and a BSD timestamp (`<19> Nov 17 14:28:48 CST %…`).
    @inline(__always)
    private static func skippingSpaceBeforeTimestamp(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        guard index + 1 < bytes.count, bytes[index] == ByteClass.space, bytes[index + 1] != ByteClass.space,
            Self.bsdFields(bytes, at: index + 1, isCisco: false) != nil
        else { return index }
        return index + 1
    }

    /// The timestamp at `index`, the index where the rest of the message starts, and whether it ended Cisco-style
    /// with `:` (after which no HOSTNAME follows). A date that never exists (`Feb 30`) is not a timestamp.
    ///
    /// A sequence number before it, or a clock mark (``isClockMark(_:)``), says the message is Cisco's, whose zone
    /// name may then be followed by anything, not only `%`.
    private mutating func timestamp(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at index: Int,
        received: Timestamp,
        afterSequenceNumber: Bool
    ) -> (Timestamp, Int, Bool)? {
        guard index < bytes.count else { return nil }
        if ByteClass.isDigit(bytes[index]), Self.bsdFields(bytes, at: index, isCisco: afterSequenceNumber) == nil {
            let end = ByteClass.endOfToken(bytes, from: index)
            // An ASA's `2024-06-26T01:35:42Z: %ASA-…` ends its timestamp with `:`, and no HOSTNAME follows.
            let endsWithColon = end - index > 1 && bytes[end - 1] == UInt8(ascii: ":")
            guard let time = RFC3339TimestampParser.parse(bytes, in: index..<(endsWithColon ? end - 1 : end)) else {
                return nil
            }
            return (time, end < bytes.count ? end + 1 : end, endsWithColon)
        }
        var position = index
        if Self.isClockMark(bytes[position]) { position += 1 }
        // IOS with no counter may write `<189>: Jan  6 2022 20:54:26.961: %SYS-…`, and its own mark after that
        // (`<189>: *Mar  1 00:00:01.123 UTC: …`); NX-OS `<189>: 2022 Dec 25 21:50:46 UTC: %ETHPORT-…`.
        if position > index, bytes[index] == UInt8(ascii: ":"), position < bytes.count,
            bytes[position] == ByteClass.space
        {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "*") || bytes[position] == UInt8(ascii: ".") {
                position += 1
            }
        }
        let isCisco = afterSequenceNumber || position != index
        guard position < bytes.count, let fields = Self.bsdFields(bytes, at: position, isCisco: isCisco) else {
            return nil
        }
        guard var suffix = TimestampSuffix.read(bytes, at: fields.end, isCisco: isCisco) else { return nil }
        // A zone name before the device's name and its mnemonic: `Jan 13 15:44:18 MSK 10.1.1.1: %PIX-…`.
        if let name = suffix.nameAfterZone, CiscoHeader.deviceName(bytes, at: name, allowsColon: true) != nil {
            (suffix.next, suffix.utcOffset) = (name, suffix.zoneOffset)
        }
        guard let time = self.resolver.resolve(fields, received: received, utcOffset: suffix.utcOffset) else {
            return nil
        }
        return (time, suffix.next, suffix.isCiscoStyle)
    }

    /// Skips the HOSTNAME written a second time, as UniFi gateways do (`Jun 27 09:02:22 udm udm sshd[4]: …`).
    @inline(__always)
    private static func skippingRepeat(of host: TextSpan, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let end = index + host.count
        guard end < bytes.count, bytes[end] == ByteClass.space, bytes[index] == bytes[host.start],
            let base = bytes.baseAddress, TextCursor.equal(base + index, base + host.start, count: host.count)
        else { return index }
        return end + 1
    }

    /// A HOSTNAME token at `index`, if there is one.
    private static func hostname(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> TextSpan? {
        var position = index
        while position < bytes.count, ByteClass.isHostnameByte(bytes[position]) { position += 1 }
        guard position > index, position < bytes.count, bytes[position] == ByteClass.space,
            bytes[position - 1] != UInt8(ascii: ":")
        else { return nil }
        return TextSpan(start: index, end: position)
    }

    private struct Tag {
        var name: TextSpan
        var pid: TextSpan?
        var contentStart: Int
    }

    /// A TAG (with optional `[PID]`) at `index`, and where the CONTENT after it starts.
    private static func tag(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Tag? {
        let end = bytes.count
        var position = index
        while position < end {
            let byte = bytes[position]
            guard ByteClass.isPrintableASCII(byte), byte != UInt8(ascii: "["), byte != UInt8(ascii: "]"),
                byte != UInt8(ascii: ":")
            else { break }
            position += 1
        }
        guard position > index, position < end else { return nil }
        let name = TextSpan(start: index, end: position)
        switch bytes[position] {
        case UInt8(ascii: "["):
            let pidStart = position + 1
            var pidEnd = pidStart
            while pidEnd < end, bytes[pidEnd] != UInt8(ascii: "]"), bytes[pidEnd] != ByteClass.space { pidEnd += 1 }
            guard pidEnd < end, bytes[pidEnd] == UInt8(ascii: "]") else { return nil }
            let pid = pidEnd > pidStart ? TextSpan(start: pidStart, end: pidEnd) : nil
            var contentStart = pidEnd + 1
            if contentStart < end, bytes[contentStart] == UInt8(ascii: ":") {
                contentStart += 1
            } else if contentStart < end, bytes[contentStart] != ByteClass.space {
                return nil
            }
            if contentStart < end, bytes[contentStart] == ByteClass.space { contentStart += 1 }
            return Tag(name: name, pid: pid, contentStart: contentStart)
        case UInt8(ascii: ":"):
            let afterColon = position + 1
            guard afterColon == end || bytes[afterColon] == ByteClass.space else { return nil }
            return Tag(name: name, pid: nil, contentStart: min(afterColon + 1, end))
        case UInt8(ascii: "]"):
            // The end of a name cut short: GNOME's `gdm-session-worker [pam/gdm-password]` logs as `gdm-password]: `.
            let afterColon = position + 2
            guard afterColon <= end, bytes[position + 1] == UInt8(ascii: ":"),
                afterColon == end || bytes[afterColon] == ByteClass.space
            else { return nil }
            return Tag(
                name: TextSpan(start: index, end: position + 1),
                pid: nil,
                contentStart: min(afterColon + 1, end)
            )
        case ByteClass.space:
            // IOS XR's mnemonic: `%PKT_INFRA-LINK-3-UPDOWN : Interface …`.
            guard position + 2 <= end, bytes[position + 1] == UInt8(ascii: ":"),
                CiscoHeader.isMnemonic(bytes, at: index),
                position + 2 == end || bytes[position + 2] == ByteClass.space
            else { return nil }
            return Tag(name: name, pid: nil, contentStart: min(position + 3, end))
        default:
            return nil
        }
    }
}

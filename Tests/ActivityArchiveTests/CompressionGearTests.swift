import ActivityArchive
import Testing

struct CompressionGearTests {
    private static func gear(queueSize: Int = 64 << 20, batchSize: Int = 1 << 20) -> CompressionGear {
        CompressionGear(
            configuration: ArchiveConfiguration(
                compressionLevel: 6,
                overloadCompressionLevel: 1,
                batchSize: batchSize,
                queueSize: queueSize
            )
        )
    }

    @Test func shiftsDownAtHalfAndBackBelowAQuarter() {
        var gear = Self.gear()
        #expect(gear.level(pendingBytes: 0) == (6, false))
        #expect(gear.level(pendingBytes: (32 << 20) - 1) == (6, false))
        #expect(gear.level(pendingBytes: 32 << 20) == (1, true))
        #expect(gear.level(pendingBytes: 20 << 20) == (1, false), "hysteresis: still above a quarter")
        #expect(gear.level(pendingBytes: 16 << 20) == (1, false))
        #expect(gear.level(pendingBytes: (16 << 20) - 1) == (6, true))
        #expect(gear.level(pendingBytes: 20 << 20) == (6, false))
    }

    @Test func aReceiveBacklogShiftsItWhileItLasts() {
        var gear = Self.gear()
        #expect(gear.level(pendingBytes: 0, receiveBacklog: true) == (1, true))
        #expect(gear.pressure == .receiveBacklog)
        #expect(gear.level(pendingBytes: 0, receiveBacklog: true) == (1, false))
        #expect(gear.level(pendingBytes: 0, receiveBacklog: false) == (6, true))
        #expect(gear.pressure == .none)
        // Queue pressure outlasts a backlog and keeps its own hysteresis.
        #expect(gear.level(pendingBytes: 32 << 20, receiveBacklog: true) == (1, true))
        #expect(gear.pressure == .queue)
        #expect(gear.level(pendingBytes: 20 << 20, receiveBacklog: false) == (1, false))
        #expect(gear.level(pendingBytes: 1 << 20, receiveBacklog: true) == (1, false))
        #expect(gear.pressure == .receiveBacklog)
        #expect(gear.level(pendingBytes: 1 << 20, receiveBacklog: false) == (6, true))
    }

    @Test func streamsAloneNeverShiftIt() {
        // A queue so small that streams (pausing at 4 batches) could fill half of it: the gear stays put.
        var small = Self.gear(queueSize: 8 << 20)
        for pending in stride(from: 0, through: 8 << 20, by: 1 << 18) {
            #expect(small.level(pendingBytes: pending).level == 6)
        }
        // With the default queue, what streams can queue (4 batches and one chunk over) is far from half.
        var normal = Self.gear()
        #expect(normal.level(pendingBytes: 5 << 20).level == 6)
    }

    @Test func equalLevelsNeverReportAShift() {
        var gear = CompressionGear(
            configuration: ArchiveConfiguration(compressionLevel: 6, overloadCompressionLevel: 6)
        )
        #expect(gear.level(pendingBytes: 60 << 20) == (6, false))
        #expect(gear.level(pendingBytes: 0) == (6, false))
    }
}

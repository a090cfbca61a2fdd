import ActivityRuntime
import NIOCore
import NIOEmbedded
import Testing

@testable import ActivityIngest

struct IdleConnectionCloserTests {
    private static func connectedChannel(tally: MessageTally, activity: ChannelActivity) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(
            IdleConnectionCloser(timeout: .seconds(10), counters: IngestCounters(), tally: tally, activity: activity)
        )
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return channel
    }

    @Test func closesAfterAWholePeriodWithoutAMessage() throws {
        let tally = MessageTally()
        let channel = try Self.connectedChannel(tally: tally, activity: ChannelActivity())
        channel.embeddedEventLoop.advanceTime(by: .seconds(9))
        tally.count += 1
        channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(channel.isActive, "a message in the period")
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        #expect(!channel.isActive)
    }

    @Test func aConnectionPausedByAFullQueueIsNotIdle() throws {
        let activity = ChannelActivity()
        let channel = try Self.connectedChannel(tally: MessageTally(), activity: activity)
        activity.setHolding(true)
        channel.embeddedEventLoop.advanceTime(by: .seconds(35))
        #expect(channel.isActive, "waiting for us is not idle")
        activity.setHolding(false)
        channel.embeddedEventLoop.advanceTime(by: .seconds(20))
        #expect(!channel.isActive)
    }
}

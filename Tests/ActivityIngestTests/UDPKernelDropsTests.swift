import Testing

@testable import ActivityIngest

struct UDPKernelDropsTests {
    @Test func sumsTheDropsColumnOfOurPorts() {
        let table = """
               sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
              123: 0100007F:15BA 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 11111 2 0000000000000000 17
              124: 00000000:0202 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 22222 2 0000000000000000 5
              125: 0100007F:15BB 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 33333 2 0000000000000000 900
            """
        #expect(UDPKernelDrops.count(inTable: table, ports: [5562, 514]) == 22)
        #expect(UDPKernelDrops.count(inTable: table, ports: [1]) == 0)
        #expect(UDPKernelDrops.count(inTable: "garbage\nnot a table", ports: [514]) == 0)
    }
}

import NIOCore
import Testing

@testable import ActivityIngest

struct CIDRTests {
    private func address(_ text: String) throws -> SocketAddress {
        try SocketAddress(ipAddress: text, port: 514)
    }

    @Test(arguments: [
        ("10.0.0.0/8", "10.200.3.4", true), ("10.0.0.0/8", "11.0.0.1", false), ("192.0.2.7", "192.0.2.7", true),
        ("192.0.2.7", "192.0.2.8", false), ("0.0.0.0/0", "203.0.113.9", true),
        ("172.16.0.0/12", "172.31.255.255", true),
        ("172.16.0.0/12", "172.32.0.0", false), ("2001:db8::/32", "2001:db8:1::5", true),
        ("2001:db8::/32", "2001:db9::1", false),
        ("::1", "::1", true), ("::1", "127.0.0.1", false), ("127.0.0.0/8", "::ffff:127.0.0.2", true),
        ("10.0.0.0/8", "::1", false),
        ("10.1.2.3/30", "10.1.2.0", true), ("10.1.2.3/30", "10.1.2.4", false),
    ])
    func membership(network: String, address: String, expected: Bool) throws {
        let cidr = try #require(CIDR(network))
        #expect(cidr.contains(try self.address(address)) == expected)
    }

    @Test(arguments: [
        "", "10.0.0.0/33", "::/129", "10.0.0/8", "10.0.0.0/", "10.0.0.0/-1", "host.example", "10.0.0.0/8/8",
        "1.2.3.4/ 8",
    ])
    func rejectsInvalidNetworks(text: String) {
        #expect(CIDR(text) == nil)
    }

    @Test func descriptionIsNormalised() {
        #expect(CIDR("10.1.2.3/8")?.description == "10.0.0.0/8")
        #expect(CIDR("2001:db8::1/32")?.description == "2001:db8::/32")
    }

    @Test func emptyListAllowsEveryoneButAListOnlyItsNetworks() throws {
        #expect(SenderAllowlist().allows(try self.address("203.0.113.1")))
        let list = SenderAllowlist([CIDR("127.0.0.1")!, CIDR("::1")!])
        #expect(list.allows(try self.address("127.0.0.1")))
        #expect(list.allows(try self.address("::1")))
        #expect(!list.allows(try self.address("127.0.0.2")))
        #expect(!list.allows(nil))
    }
}

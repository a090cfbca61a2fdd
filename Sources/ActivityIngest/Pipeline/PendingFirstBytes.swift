import NIOCore

extension ByteBuffer {
    /// `bytes` after whatever `pending` held, leaving `pending` empty: for the handlers that decide on a connection's
    /// first bytes (``PlainListenerTLSGuard``, ``ProxyProtocolHandler``), which keep a read that was too short.
    static func afterPending(_ pending: inout ByteBuffer?, _ bytes: ByteBuffer) -> ByteBuffer {
        guard var joined = pending else { return bytes }
        var bytes = bytes
        joined.writeBuffer(&bytes)
        pending = nil
        return joined
    }
}

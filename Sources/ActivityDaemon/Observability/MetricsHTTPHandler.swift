import NIOCore
import NIOHTTP1

/// Answers `GET /metrics` (Prometheus text format) and `GET /health` (200 `ok`, or 503 with the reason) on one
/// HTTP/1 connection; any other path is 404, any other method 405. Request bodies are ignored.
final class MetricsHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// What the handler serves; called on the event loop.
    struct Responder: Sendable {
        let metrics: @Sendable () -> [UInt8]
        let healthProblem: @Sendable () -> String?
    }

    private let responder: Responder
    private var request: HTTPRequestHead?

    init(responder: Responder) {
        self.responder = responder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.unwrapInboundIn(data) {
        case .head(let head):
            self.request = head
        case .body:
            break
        case .end:
            guard let head = self.request else { return }
            self.request = nil
            let (status, contentType, body) = self.response(to: head)
            var headers = HTTPHeaders([("Content-Type", contentType), ("Content-Length", "\(body.count)")])
            if !head.isKeepAlive { headers.add(name: "Connection", value: "close") }
            let responseHead = HTTPResponseHead(version: head.version, status: status, headers: headers)
            context.write(self.wrapOutboundOut(.head(responseHead)), promise: nil)
            if head.method != .HEAD {
                context.write(
                    self.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))),
                    promise: nil
                )
            }
            let done = context.writeAndFlush(self.wrapOutboundOut(.end(nil)))
            if !head.isKeepAlive {
                let channel = context.channel
                done.whenComplete { _ in channel.close(promise: nil) }
            }
        }
    }

    private func response(to head: HTTPRequestHead) -> (HTTPResponseStatus, String, [UInt8]) {
        guard head.method == .GET || head.method == .HEAD else {
            return (.methodNotAllowed, "text/plain; charset=utf-8", Array("only GET and HEAD\n".utf8))
        }
        switch head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri {
        case "/metrics":
            return (.ok, "text/plain; version=0.0.4; charset=utf-8", self.responder.metrics())
        case "/health":
            guard let problem = self.responder.healthProblem() else {
                return (.ok, "text/plain; charset=utf-8", Array("ok\n".utf8))
            }
            return (.serviceUnavailable, "text/plain; charset=utf-8", Array("\(problem)\n".utf8))
        default:
            return (.notFound, "text/plain; charset=utf-8", Array("not found: try /metrics or /health\n".utf8))
        }
    }
}

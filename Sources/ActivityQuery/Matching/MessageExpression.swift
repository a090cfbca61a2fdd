#if canImport(Glibc)
import Glibc
#endif

/// `--regex RE`: a POSIX extended regular expression, compiled once, applied to the unescaped `msg`.
public final class MessageExpression: @unchecked Sendable {
    // glibc's regexec may be called from several threads on one compiled expression.
    private let expression: UnsafeMutablePointer<regex_t>

    /// Compiles `pattern`.
    ///
    /// - Throws: A ``QueryProblem`` with the library's reason when the pattern is not valid.
    public init(_ pattern: String) throws {
        let expression = UnsafeMutablePointer<regex_t>.allocate(capacity: 1)
        let code = regcomp(expression, pattern, REG_EXTENDED | REG_NOSUB)
        guard code == 0 else {
            var reason = [CChar](repeating: 0, count: 256)
            regerror(code, expression, &reason, reason.count)
            expression.deallocate()
            let text = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw QueryProblem(path: "--regex", offset: nil, text)
        }
        self.expression = expression
    }

    deinit {
        regfree(self.expression)
        self.expression.deallocate()
    }

    /// Whether the expression matches somewhere in `text`.
    func matches(_ text: UnsafeRawBufferPointer) -> Bool {
        var terminated = [CChar](repeating: 0, count: text.count + 1)
        terminated.withUnsafeMutableBytes { $0.copyMemory(from: text) }
        return regexec(self.expression, terminated, 0, nil, 0) == 0
    }
}

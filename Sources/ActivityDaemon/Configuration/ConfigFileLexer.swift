/// One `keyword arguments…` line of a configuration file.
public struct ConfigDirective: Equatable, Sendable {
    /// The keyword, as written (keywords are case-sensitive).
    public var keyword: String
    /// The arguments; a double-quoted argument may contain spaces and `#`.
    public var arguments: [String]
    /// 1-based line number.
    public var line: Int
}

/// Splits an sshd_config-style file into directives.
///
/// One directive per line; words are separated by spaces or tabs; `#` starts a comment (outside quotes); blank lines
/// and comment lines are skipped; `"…"` quotes an argument (no escapes inside).
public enum ConfigFileLexer {
    /// The directives of `text`, read from `file` (for error messages).
    ///
    /// - Throws: ``ConfigError`` for an unterminated quote.
    public static func directives(in text: String, file: String) throws -> [ConfigDirective] {
        var directives: [ConfigDirective] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var words: [String] = []
            var current = ""
            var inQuotes = false
            var hasWord = false
            for character in rawLine {
                if inQuotes {
                    if character == "\"" { inQuotes = false } else { current.append(character) }
                    continue
                }
                switch character {
                case "#":
                    break
                case " ", "\t", "\r":
                    if hasWord { words.append(current) }
                    current = ""
                    hasWord = false
                    continue
                case "\"":
                    inQuotes = true
                    hasWord = true
                    continue
                default:
                    current.append(character)
                    hasWord = true
                    continue
                }
                break  // comment: ignore the rest of the line
            }
            if inQuotes {
                throw ConfigError(
                    file: file,
                    line: index + 1,
                    keyword: words.first ?? "",
                    value: current,
                    expected: "a closing '\"'"
                )
            }
            if hasWord { words.append(current) }
            guard let keyword = words.first else { continue }
            directives.append(ConfigDirective(keyword: keyword, arguments: Array(words.dropFirst()), line: index + 1))
        }
        return directives
    }
}

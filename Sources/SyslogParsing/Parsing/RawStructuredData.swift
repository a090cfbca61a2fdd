import ActivityModel

/// SD-ELEMENTs and SD-PARAMs exactly as they stand in one message, before duplicates are merged.
///
/// This is parser scratch space, reused for every message: the activity mapping reads it in message order, then
/// ``canonicalize(_:into:)`` merges repeated SD-IDs and PARAM-NAMEs into the record's ``StructuredData``.
struct RawStructuredData {
    struct Param {
        var name: TextSpan
        var value: TextSpan
        var element: Int
    }

    /// A run of equal (element group, PARAM-NAME) in ``paramOrder``.
    private struct Run {
        var group: Int
        var firstParam: Int
        var orderRange: Range<Int>
    }

    var elements: [TextSpan] = []
    var params: [Param] = []
    private var elementGroup: [Int] = []
    private var elementOrder: [Int] = []
    private var paramOrder: [Int] = []
    private var runs: [Run] = []

    mutating func removeAll() {
        self.elements.removeAll(keepingCapacity: true)
        self.params.removeAll(keepingCapacity: true)
    }

    /// Writes the canonical form into `data`: each SD-ID once, in order of first appearance, with the parameters
    /// of all its occurrences; each PARAM-NAME once per element, in order of first appearance, with all its values
    /// in message order.
    ///
    /// Grouping sorts indices instead of comparing every pair, so a hostile message with thousands of parameters
    /// costs O(n log n), not O(n²).
    mutating func canonicalize(_ bytes: UnsafeBufferPointer<UInt8>, into data: inout StructuredData) {
        data.removeAll()
        if self.isCanonical(bytes) {
            self.copy(into: &data)
            return
        }
        self.groupElements(bytes)
        self.groupParams(bytes)
        var run = 0
        for element in self.elements.indices where self.elementGroup[element] == element {
            let firstParam = data.params.count
            while run < self.runs.count, self.runs[run].group == element {
                let firstValue = data.values.count
                for position in self.runs[run].orderRange {
                    data.values.append(self.params[self.paramOrder[position]].value)
                }
                let name = self.params[self.runs[run].firstParam].name
                data.params.append(StructuredData.Param(name: name, values: firstValue..<data.values.count))
                run += 1
            }
            data.elements.append(
                StructuredData.Element(id: self.elements[element], params: firstParam..<data.params.count)
            )
        }
    }

    /// The most parameters for which the pairwise duplicate check beats sorting.
    private static let pairwiseCheckLimit = 8

    /// `true` when a small SD has no repeated SD-ID and no PARAM-NAME repeated within an element (the usual case).
    private func isCanonical(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard self.params.count <= Self.pairwiseCheckLimit, self.elements.count <= Self.pairwiseCheckLimit else {
            return false
        }
        for later in self.elements.indices {
            for earlier in 0..<later
            where SpanOrder.compare(self.elements[earlier], self.elements[later], in: bytes) == 0 {
                return false
            }
        }
        for later in self.params.indices {
            for earlier in 0..<later where self.params[earlier].element == self.params[later].element {
                if SpanOrder.compare(self.params[earlier].name, self.params[later].name, in: bytes) == 0 {
                    return false
                }
            }
        }
        return true
    }

    /// Copies an SD that ``isCanonical(_:)`` one to one.
    private func copy(into data: inout StructuredData) {
        var param = 0
        for (index, id) in self.elements.enumerated() {
            let firstParam = param
            while param < self.params.count, self.params[param].element == index {
                data.values.append(self.params[param].value)
                data.params.append(StructuredData.Param(name: self.params[param].name, values: param..<(param + 1)))
                param += 1
            }
            data.elements.append(StructuredData.Element(id: id, params: firstParam..<param))
        }
    }

    /// Sets `elementGroup[e]` to the index of the first element with the same SD-ID as `e`.
    private mutating func groupElements(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.elementGroup.removeAll(keepingCapacity: true)
        self.elementGroup.append(contentsOf: self.elements.indices)
        guard self.elements.count > 1 else { return }
        self.elementOrder.removeAll(keepingCapacity: true)
        self.elementOrder.append(contentsOf: self.elements.indices)
        let elements = self.elements
        self.elementOrder.sort { left, right in
            let order = SpanOrder.compare(elements[left], elements[right], in: bytes)
            return order != 0 ? order < 0 : left < right
        }
        var leader = self.elementOrder[0]
        for position in 1..<self.elementOrder.count {
            let element = self.elementOrder[position]
            if SpanOrder.compare(elements[element], elements[leader], in: bytes) != 0 { leader = element }
            self.elementGroup[element] = leader
        }
    }

    /// Fills `paramOrder` (params sorted by element group, name, position) and `runs` (its runs of equal
    /// group and name, sorted by group and then first appearance).
    private mutating func groupParams(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.paramOrder.removeAll(keepingCapacity: true)
        self.paramOrder.append(contentsOf: self.params.indices)
        self.runs.removeAll(keepingCapacity: true)
        let params = self.params
        let group = self.elementGroup
        if params.count > 1 {
            self.paramOrder.sort { left, right in
                let leftGroup = group[params[left].element]
                let rightGroup = group[params[right].element]
                if leftGroup != rightGroup { return leftGroup < rightGroup }
                let order = SpanOrder.compare(params[left].name, params[right].name, in: bytes)
                return order != 0 ? order < 0 : left < right
            }
        }
        var runStart = 0
        for position in self.paramOrder.indices {
            let next = position + 1
            let param = params[self.paramOrder[position]]
            let endsRun =
                next == self.paramOrder.count
                || group[params[self.paramOrder[next]].element] != group[param.element]
                || SpanOrder.compare(params[self.paramOrder[next]].name, param.name, in: bytes) != 0
            if endsRun {
                let first = self.paramOrder[runStart]
                self.runs.append(Run(group: group[param.element], firstParam: first, orderRange: runStart..<next))
                runStart = next
            }
        }
        if self.runs.count > 1 {
            self.runs.sort { ($0.group, $0.firstParam) < ($1.group, $1.firstParam) }
        }
    }
}

/// Byte-wise ordering of spans, for grouping names without making strings.
enum SpanOrder {
    /// Negative, zero or positive as `left` sorts before, equal to, or after `right`.
    @inline(__always)
    static func compare(_ left: TextSpan, _ right: TextSpan, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let shared = min(left.count, right.count)
        var offset = 0
        while offset < shared {
            let difference = Int(bytes[left.start + offset]) - Int(bytes[right.start + offset])
            if difference != 0 { return difference }
            offset += 1
        }
        return left.count - right.count
    }

    /// `true` when the span holds exactly `name`.
    @inline(__always)
    static func equals(_ span: TextSpan, _ name: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard span.count == name.count else { return false }
        var offset = 0
        while offset < name.count {
            if bytes[span.start + offset] != name[offset] { return false }
            offset += 1
        }
        return true
    }
}

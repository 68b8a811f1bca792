import Foundation

/// A hand-off from several threads to one, which receives the items in index order (0, 1, 2, ...)
/// whatever order they were added in.
///
/// Unlike ``OrderedSink``, whose `emit` runs on the adding thread under its lock, adding never waits
/// for the receiver's work: the threads that add stay busy while the receiver writes. Items that
/// arrive early wait in a buffer, which the pipeline's window keeps small.
final class InOrderQueue<Item>: @unchecked Sendable {
    /// Guards `pending`, `nextIndex` and `finished`.
    private let condition = NSCondition()
    private var pending: [Int: Item] = [:]
    private var nextIndex: Int
    private var finished = false

    /// `first` is the index of the first item to come (above 0 when a run resumes).
    init(first: Int = 0) {
        nextIndex = first
    }

    /// Adds the item with this index.
    func add(_ item: Item, index: Int) {
        condition.lock()
        defer { condition.unlock() }
        pending[index] = item
        if index == nextIndex { condition.signal() }
    }

    /// Says that no more items will be added.
    func finish() {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        condition.signal()
    }

    /// The item with the next index if it has been added, without waiting.
    func receiveIfReady() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        guard let item = pending.removeValue(forKey: nextIndex) else { return nil }
        nextIndex += 1
        return item
    }

    /// The item with the next index, waiting until it is added; nil once the queue is finished and
    /// that item never came.
    func receive() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let item = pending.removeValue(forKey: nextIndex) {
                nextIndex += 1
                return item
            }
            if finished { return nil }
            condition.wait()
        }
    }
}

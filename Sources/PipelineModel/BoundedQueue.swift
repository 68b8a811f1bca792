import DequeModule
import Foundation

/// A first-in first-out hand-off between stages that holds at most `capacity` items.
///
/// `send` blocks while the queue is full (backpressure), `receive` blocks while it is empty, and
/// `finish` tells receivers that no more items will come. Safe to use from any number of threads.
public final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    /// Guards `buffer` and `finished`.
    private let condition = NSCondition()
    private var buffer: Deque<Element> = []
    private var finished = false
    /// The most items the queue holds at once.
    public let capacity: Int

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Items waiting in the queue now.
    public var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return buffer.count
    }

    /// Adds an item, waiting while the queue is full. Returns false if the queue was finished.
    @discardableResult
    public func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count >= capacity && !finished {
            condition.wait()
        }
        if finished { return false }
        buffer.append(element)
        condition.broadcast()
        return true
    }

    /// Takes the oldest item, waiting while the queue is empty; nil once it is finished and drained.
    public func receive() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while buffer.isEmpty && !finished {
            condition.wait()
        }
        return take()
    }

    /// Takes the oldest item if there is one, without waiting.
    public func poll() -> QueuePoll<Element> {
        condition.lock()
        defer { condition.unlock() }
        if let element = take() { return .item(element) }
        return finished ? .finished : .empty
    }

    /// Waits up to `seconds` for an item.
    public func receive(timeout seconds: Double) -> QueuePoll<Element> {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while buffer.isEmpty && !finished {
            if !condition.wait(until: deadline) { break }
        }
        if let element = take() { return .item(element) }
        return finished ? .finished : .empty
    }

    /// Says that no more items will be sent; receivers drain what is left, then get nil.
    public func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Must be called with the lock held.
    private func take() -> Element? {
        guard let element = buffer.popFirst() else { return nil }
        condition.broadcast()
        return element
    }
}

/// The answer of a non-blocking or timed receive.
public enum QueuePoll<Element> {
    case item(Element)
    case empty
    case finished
}

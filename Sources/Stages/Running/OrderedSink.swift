import Foundation

/// Hands items to `emit` in index order (0, 1, 2, ...), whatever order they arrive in.
///
/// Items that arrive early wait in a buffer; the pipeline's window keeps that buffer small.
/// `emit` runs with the lock held, so it is never called on two threads at once.
final class OrderedSink<Item>: @unchecked Sendable {
    /// Guards `pending`, `nextIndex` and `firstError`.
    private let lock = NSLock()
    private var pending: [Int: Item] = [:]
    private var nextIndex: Int
    private var firstError: StageError?
    private let emit: (Item) throws(StageError) -> Void

    /// `first` is the index of the first item to come (above 0 when a run resumes).
    init(first: Int = 0, emit: @escaping (Item) throws(StageError) -> Void) {
        self.nextIndex = first
        self.emit = emit
    }

    /// Adds the item with this index; emits it and any buffered successors that are now due.
    /// Returns how many items were emitted.
    @discardableResult
    func add(_ item: Item, index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        pending[index] = item
        var emitted = 0
        while let due = pending.removeValue(forKey: nextIndex) {
            nextIndex += 1
            emitted += 1
            if firstError != nil { continue }
            do {
                try emit(due)
            } catch {
                firstError = error
            }
        }
        return emitted
    }

    /// The first error `emit` threw, if any.
    var error: StageError? {
        lock.withLock { firstError }
    }

    /// How many items have been emitted (or skipped after an error).
    var emittedCount: Int {
        lock.withLock { nextIndex }
    }
}

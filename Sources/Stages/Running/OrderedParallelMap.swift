import Dispatch
import PipelineModel

/// Runs `transform` on `workers` threads over the items `produce` sends, and hands the results to
/// `consume` on the calling thread in the order the items were sent.
///
/// At most `window` items are between `send` and `consume` at any time, so memory stays flat
/// however many items there are: `send` waits when the window is full.
public func orderedParallelMap<Input: Sendable, Output: Sendable>(
    label: String,
    workers: Int,
    window: Int = 256,
    produce: @escaping @Sendable (_ send: (Input) -> Void) -> Void,
    transform: @escaping @Sendable (Input) -> Output,
    consume: (Output) -> Void
) {
    let slots = DispatchSemaphore(value: max(1, window))
    let inputs = BoundedQueue<(Int, Input)>(capacity: max(1, window / 2))
    let outputs = BoundedQueue<(Int, Output)>(capacity: max(1, window / 2))
    let group = DispatchGroup()

    DispatchQueue(label: label + ".produce").async(group: group) {
        var next = 0
        produce { item in
            slots.wait()
            inputs.send((next, item))
            next += 1
        }
        inputs.finish()
    }
    let pool = DispatchQueue(label: label + ".work", attributes: .concurrent)
    let workerGroup = DispatchGroup()
    for _ in 0..<max(1, workers) {
        pool.async(group: workerGroup) {
            while let (index, item) = inputs.receive() {
                outputs.send((index, transform(item)))
            }
        }
    }
    workerGroup.notify(queue: DispatchQueue(label: label + ".done")) { outputs.finish() }

    var pending: [Int: Output] = [:]
    var nextIndex = 0
    while let (index, output) = outputs.receive() {
        pending[index] = output
        while let due = pending.removeValue(forKey: nextIndex) {
            consume(due)
            nextIndex += 1
            slots.signal()
        }
    }
    group.wait()
}

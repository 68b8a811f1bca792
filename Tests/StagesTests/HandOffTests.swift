import Dispatch
import Foundation
import PipelineModel
import Stages
import Testing

@Suite("Hand-offs between stages")
struct HandOffTests {
    @Test("A bounded queue never holds more than its capacity and keeps the order")
    func boundedQueueKeepsCapacityAndOrder() {
        let queue = BoundedQueue<Int>(capacity: 3)
        DispatchQueue.global().async {
            for i in 0..<200 { queue.send(i) }
            queue.finish()
        }
        var received: [Int] = []
        while let item = queue.receive() {
            #expect(queue.count <= 3)
            received.append(item)
        }
        #expect(received == Array(0..<200))
    }

    @Test("A finished queue drains, then answers finished")
    func finishedQueueDrains() {
        let queue = BoundedQueue<String>(capacity: 4)
        queue.send("a")
        queue.finish()
        #expect(queue.send("b") == false)
        guard case .item("a") = queue.poll() else {
            Issue.record("expected the item sent before finish")
            return
        }
        guard case .finished = queue.poll() else {
            Issue.record("expected finished")
            return
        }
        #expect(queue.receive() == nil)
    }

    @Test("Parallel map keeps input order and at most a window of items in flight")
    func orderedParallelMapKeepsOrder() {
        let inFlight = Locked((now: 0, most: 0))
        var results: [Int] = []
        orderedParallelMap(
            label: "test.map", workers: 4, window: 8,
            produce: { send in
                for i in 0..<500 {
                    inFlight.withLock {
                        $0.now += 1
                        $0.most = max($0.most, $0.now)
                    }
                    send(i)
                }
            },
            transform: { (i: Int) -> Int in
                // Uneven work so that results finish out of order.
                var x = 0
                for j in 0..<((i % 7) * 2000) { x &+= j }
                return i * 2 + (x == -1 ? 1 : 0)
            },
            consume: { value in
                inFlight.withLock { $0.now -= 1 }
                results.append(value)
            }
        )
        #expect(results == (0..<500).map { $0 * 2 })
        // The producer may count one item before `send` waits for a free slot.
        #expect(inFlight.withLock { $0.most } <= 9)
    }
}

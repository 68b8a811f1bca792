import Dispatch
import Testing

@testable import Stages

@Suite("In-order hand-off")
struct InOrderQueueTests {
    @Test("Items added out of order on several threads are received in index order, each once")
    func receivesInIndexOrder() {
        let queue = InOrderQueue<Int>(first: 3)
        let indexes = Array(3..<503)
        let group = DispatchGroup()
        for part in 0..<4 {
            DispatchQueue.global().async(group: group) {
                for index in indexes.reversed() where index % 4 == part { queue.add(index * 10, index: index) }
            }
        }
        group.notify(queue: .global()) { queue.finish() }
        var received: [Int] = []
        while let item = queue.receive() { received.append(item) }
        #expect(received == indexes.map { $0 * 10 })
    }

    @Test("A finished queue gives nil once the next index never came, even with later items buffered")
    func stopsAtAGap() {
        let queue = InOrderQueue<String>()
        queue.add("a", index: 0)
        queue.add("c", index: 2)
        queue.finish()
        #expect(queue.receive() == "a")
        #expect(queue.receive() == nil)
    }
}

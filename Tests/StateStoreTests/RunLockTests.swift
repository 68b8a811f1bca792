import Foundation
import StateStore
import Testing

@Suite("Run lock", .serialized)
struct RunLockTests {
    @Test("A second acquire while the lock is held fails with a message naming the holder")
    func secondAcquireFails() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.path + "/out"
        let lock = try RunLock.acquire(folder: folder)
        let note = try String(contentsOfFile: folder + "/.lock", encoding: .utf8)
        #expect(note.hasPrefix("pid \(ProcessInfo.processInfo.processIdentifier)\nstarted "))
        // flock locks belong to open file descriptions, so a second open in this process conflicts.
        let error = #expect(throws: StateStoreError.self) { try RunLock.acquire(folder: folder) }
        let started = try #require(note.split(separator: "\n").last?.dropFirst("started ".count))
        #expect(error?.description == "Another pipeline run (pid \(ProcessInfo.processInfo.processIdentifier), started \(started)) is using \(folder); wait for it to finish or remove \(folder)/.lock if it is gone.")
        // Another process sees it held too.
        #expect(try exitStatus(of: "/usr/bin/flock", ["--nonblock", folder + "/.lock", "true"]) != 0)
        lock.release()
        #expect(try exitStatus(of: "/usr/bin/flock", ["--nonblock", folder + "/.lock", "true"]) == 0)
        _ = try RunLock.acquire(folder: folder)
    }

    @Test("The lock is free again when the holder goes away, even if it was killed")
    func releasedWhenHolderIsGone() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.path
        do {
            _ = try RunLock.acquire(folder: folder)
        }
        // The lock was released in deinit.
        let again = try RunLock.acquire(folder: folder)
        again.release()

        // Another process takes the lock, says so, and is then killed without any chance to clean up.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "python3", "-c",
            "import fcntl, sys, time; f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)",
            folder + "/.lock",
        ]
        let output = Pipe()
        holder.standardOutput = output
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        let said = String(decoding: output.fileHandleForReading.readData(ofLength: 6), as: UTF8.self)
        try #require(said == "locked")
        let error = #expect(throws: StateStoreError.self) { try RunLock.acquire(folder: folder) }
        #expect(error?.code == .lockHeld)
        #expect(error?.description.contains("(pid unknown, started unknown)") == true)
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        _ = try RunLock.acquire(folder: folder)
    }
}

import CCurl
@testable import Fetch
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    /// A report of a transfer that ended with `result` and `status`.
    private func report(_ result: CURLcode = CURLE_OK, status: Int = 0, retryAfter: Double? = nil) -> TransferReport {
        TransferReport(
            url: "http://a.test/", result: result, errorText: "", status: status, effectiveURL: "http://a.test/",
            scheme: "http", redirectCount: 0, connected: true, totalSeconds: 0, bodyTooLarge: false,
            retryAfter: retryAfter)
    }

    private func policy(attempts: Int = 4, base: Double = 1, cap: Double = 120) -> RetryPolicy {
        var options = FetchOptions()
        options.maxAttempts = attempts
        options.retryBaseDelay = base
        options.retryAfterCap = cap
        var policy = RetryPolicy(options: options)
        // The jitter hands back its upper limit, so the exponential series itself shows.
        policy.jitter = { $0 }
        return policy
    }

    @Test("the backoff limit doubles with each attempt")
    func backoffDoubles() {
        let failed = report(status: 503)
        #expect(policy().decide(failed, attempt: 1) == .retry(after: 1))
        #expect(policy().decide(failed, attempt: 2) == .retry(after: 2))
        #expect(policy().decide(failed, attempt: 3) == .retry(after: 4))
    }

    @Test("full jitter waits somewhere between zero and the limit")
    func jitterStaysWithinTheLimit() {
        var options = FetchOptions()
        options.retryBaseDelay = 0.5
        let policy = RetryPolicy(options: options)
        for _ in 0..<200 {
            guard case .retry(let seconds) = policy.decide(report(status: 500), attempt: 2) else {
                Issue.record("a 500 on the second of three attempts was not retried")
                return
            }
            #expect(seconds >= 0 && seconds <= 1)
        }
    }

    @Test("the last attempt gives up and says how many were made")
    func lastAttemptGivesUp() {
        #expect(policy(attempts: 3).decide(report(status: 502), attempt: 3) == .giveUp(note: "Gave up after 3 attempts."))
    }

    @Test("Retry-After replaces the backoff, and past the cap ends the retries")
    func retryAfterRules() {
        #expect(policy().decide(report(status: 429, retryAfter: 7), attempt: 1) == .retry(after: 7))
        guard case .giveUp(let note) = policy(cap: 5).decide(report(status: 429, retryAfter: 7), attempt: 1) else {
            Issue.record("a Retry-After past the cap was retried")
            return
        }
        #expect(note?.contains("7 s") == true)
    }

    @Test("failures that will not pass are not retried", arguments: [404, 403, 501, 200])
    func permanentStatuses(status: Int) {
        #expect(policy().decide(report(status: status), attempt: 1) == .giveUp(note: nil))
    }

    @Test("network failures and timeouts are retried")
    func networkFailuresRetry() {
        for code in [CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING] {
            #expect(policy().decide(report(code), attempt: 1) == .retry(after: 1))
        }
        #expect(policy().decide(report(CURLE_COULDNT_RESOLVE_HOST), attempt: 1) == .giveUp(note: nil))
    }
}

import CCurl

/// When a failed request is tried again, and after how long.
///
/// Only failures that may go away by themselves are retried: connections refused, reset or cut short,
/// timeouts and stalls, and the statuses 408, 429, 500, 502, 503 and 504. The wait is the server's
/// `Retry-After` when it sends one, otherwise exponential backoff with full jitter (a random wait between
/// zero and `base × 2^(attempt − 1)`), which keeps many clients from retrying in step.
struct RetryPolicy {
    /// What to do after a failed attempt.
    enum Decision: Equatable {
        /// Try again after this many seconds.
        case retry(after: Double)
        /// Give up; the note, if any, is added to the failure's message.
        case giveUp(note: String?)
    }

    let maxAttempts: Int
    let baseDelay: Double
    let retryAfterCap: Double
    /// Picks the jittered wait in `0...limit`; replaceable so that tests can pin it.
    var jitter: @Sendable (Double) -> Double = { limit in limit > 0 ? Double.random(in: 0...limit) : 0 }

    init(options: FetchOptions) {
        maxAttempts = max(1, options.maxAttempts)
        baseDelay = max(0, options.retryBaseDelay)
        retryAfterCap = max(0, options.retryAfterCap)
    }

    /// The statuses worth another attempt.
    static let retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]

    /// Whether a failed transfer is worth another attempt at all.
    static func isRetryable(_ report: TransferReport) -> Bool {
        switch report.result {
        case CURLE_OK:
            return retryableStatuses.contains(report.status)
        case CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_GOT_NOTHING, CURLE_SEND_ERROR,
            CURLE_RECV_ERROR, CURLE_PARTIAL_FILE:
            return true
        default:
            return false
        }
    }

    /// Decides about a transfer that failed on attempt number `attempt` (1 for the first).
    func decide(_ report: TransferReport, attempt: Int) -> Decision {
        guard Self.isRetryable(report) else { return .giveUp(note: nil) }
        if let retryAfter = report.retryAfter, retryAfter > retryAfterCap {
            return .giveUp(
                note: "The server asked to retry after \(Int(retryAfter)) s, more than the \(Int(retryAfterCap)) s "
                    + "this run waits; gave up after \(attempts(attempt)).")
        }
        guard attempt < maxAttempts else { return .giveUp(note: "Gave up after \(attempts(attempt)).") }
        if let retryAfter = report.retryAfter { return .retry(after: retryAfter) }
        let factor = Double(1 << min(attempt - 1, 30))
        return .retry(after: jitter(baseDelay * factor))
    }

    private func attempts(_ count: Int) -> String {
        count == 1 ? "1 attempt" : "\(count) attempts"
    }
}

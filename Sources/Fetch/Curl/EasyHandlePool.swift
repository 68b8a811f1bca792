import CCurl

/// Easy handles of ended transfers, reset and kept for the next ones.
///
/// A new handle for every transfer made libcurl allocate and set up the handle and its receive
/// buffer each time, and free them again; with the fetcher's one thread driving every transfer,
/// that was a tenth of its time. A reset handle keeps its buffers but none of its options.
///
/// Not thread-safe: owned by one ``MultiDriver`` and used on its thread.
final class EasyHandlePool {
    /// Reset handles, none of them in a multi handle.
    private var spare: [UnsafeMutableRawPointer] = []
    /// The most handles kept; more are freed when their transfer ends.
    private let limit: Int

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    deinit {
        for handle in spare { curl_easy_cleanup(handle) }
    }

    /// A handle with every option at its default; nil only if libcurl cannot allocate one.
    ///
    /// The corresponding C function is `curl_easy_init`, for a handle not kept from an earlier transfer.
    func take() -> UnsafeMutableRawPointer? {
        spare.popLast() ?? curl_easy_init()
    }

    /// Takes back the handle of an ended transfer that is no longer in a multi handle. It is reset
    /// at once, so that it points at nothing its transfer owned (header list, error buffer, the
    /// transfer itself as callback context), and kept, or freed when enough are kept.
    ///
    /// The corresponding C functions are `curl_easy_reset` and `curl_easy_cleanup`.
    func give(_ handle: UnsafeMutableRawPointer) {
        guard spare.count < limit else {
            curl_easy_cleanup(handle)
            return
        }
        curl_easy_reset(handle)
        spare.append(handle)
    }
}

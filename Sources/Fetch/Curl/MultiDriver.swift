import CCurl
import PipelineModel

/// One libcurl multi handle and the transfers it drives; frees them all in `deinit`.
///
/// Not thread-safe: used by one ``Fetcher/run(input:deliver:)`` call on its own thread.
final class MultiDriver {
    /// The `CURLM *` handle.
    private let multi: UnsafeMutableRawPointer
    /// Transfers in flight, by their easy handle, which is what libcurl reports back.
    private var transfers: [UnsafeMutableRawPointer: EasyTransfer] = [:]
    /// The easy handles of ended transfers, for the next ones.
    let handles: EasyHandlePool

    /// Creates a multi handle that keeps up to `spareHandles` easy handles of ended transfers;
    /// nil only if libcurl cannot allocate one.
    ///
    /// The corresponding C function is `curl_multi_init`; `deinit` calls `curl_multi_cleanup`.
    init?(spareHandles: Int) {
        guard let multi = curl_multi_init() else { return nil }
        self.multi = multi
        handles = EasyHandlePool(limit: spareHandles)
    }

    deinit {
        // libcurl requires each easy handle to leave the multi handle before either is freed.
        for handle in transfers.keys {
            curl_multi_remove_handle(multi, handle)
        }
        transfers.removeAll()
        curl_multi_cleanup(multi)
    }

    /// How many transfers are in flight.
    var count: Int { transfers.count }

    /// Starts a configured transfer; returns an error if the multi handle refuses it.
    func start(_ transfer: EasyTransfer) -> FetchError? {
        let code = curl_multi_add_handle(multi, transfer.handle)
        guard code == CURLM_OK else {
            let reason = String(cString: curl_multi_strerror(code))
            return FetchError(
                code: .transferFailed, url: transfer.url,
                message: "Could not start the transfer of \(transfer.url): \(reason).")
        }
        transfers[transfer.handle] = transfer
        return nil
    }

    /// Moves every transfer on, waits up to `timeoutMilliseconds` for network activity, and returns the
    /// transfers that ended, each with its report. They have left the multi handle; dropping them frees them.
    ///
    /// The corresponding C functions are `curl_multi_perform`, `curl_multi_poll` and `curl_multi_info_read`.
    func step(timeoutMilliseconds: Int32) -> [(EasyTransfer, TransferReport)] {
        var running: Int32 = 0
        var code = curl_multi_perform(multi, &running)
        if code == CURLM_OK, running > 0 {
            code = curl_multi_poll(multi, nil, 0, max(0, timeoutMilliseconds), nil)
            if code == CURLM_OK { code = curl_multi_perform(multi, &running) }
        }
        var ended = collectEnded()
        if code != CURLM_OK {
            // The multi handle itself is broken: every transfer still in it fails with libcurl's reason.
            // CURLE_SEND_ERROR has no special meaning in FetchError, so these become `transfer_failed`.
            let reason = String(cString: curl_multi_strerror(code))
            for (handle, transfer) in transfers {
                curl_multi_remove_handle(multi, handle)
                var report = transfer.report(result: CURLE_SEND_ERROR)
                report.errorText = "the transfer loop failed: \(reason)"
                ended.append((transfer, report))
            }
            transfers.removeAll()
        }
        return ended
    }

    /// Reads libcurl's "done" messages and takes those transfers out of the multi handle.
    private func collectEnded() -> [(EasyTransfer, TransferReport)] {
        var ended: [(EasyTransfer, TransferReport)] = []
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                let transfer = transfers.removeValue(forKey: handle)
            else { continue }
            // Read the result before removing the handle: removal invalidates the message.
            let result = message.pointee.data.result
            let report = transfer.report(result: result)
            curl_multi_remove_handle(multi, handle)
            ended.append((transfer, report))
        }
        return ended
    }
}

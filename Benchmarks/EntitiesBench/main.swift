// Times the entity step alone on one core over the texts of a JSONL file ({"text": ...} per line),
// and reports words/s (white-space separated words, as the entity scorer counts them), the time to
// load the gazetteers and peak memory.
//
//     entities-bench FILE.jsonl [--repeat R]
import Entities
import Foundation

#if canImport(Glibc)
import Glibc
#endif

struct Line: Decodable {
    var text: String
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

var arguments = Array(CommandLine.arguments.dropFirst())
var repeats = 1
if let at = arguments.firstIndex(of: "--repeat"), at + 1 < arguments.count {
    repeats = max(1, Int(arguments[at + 1]) ?? 1)
    arguments.removeSubrange(at...(at + 1))
}
guard let path = arguments.first, let content = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("usage: entities-bench FILE.jsonl [--repeat R]\n".utf8))
    exit(2)
}
let decoder = JSONDecoder()
let texts = content.split(separator: 0x0A).compactMap { try? decoder.decode(Line.self, from: Data($0)).text }
let words = texts.reduce(0) { $0 + $1.split(whereSeparator: \.isWhitespace).count }

let clock = ContinuousClock()
let loadStart = clock.now
let recognizer = EntityRecognizer.shared
_ = recognizer.spans(in: "Warm-up in Vilnius on 1 May 2020.")
let load = seconds(clock.now - loadStart)

var found = 0
let start = clock.now
for _ in 0..<repeats {
    for text in texts { found += recognizer.spans(in: text).count }
}
let elapsed = seconds(clock.now - start)
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print(String(format: "entities (one core): %d texts, %d words x %d in %.2f s: %.0f words/s; %d spans; gazetteer load %.2f s; peak memory %.0f MB",
             texts.count, words, repeats, elapsed, Double(words * repeats) / elapsed, found, load, Double(usage.ru_maxrss) / 1024))

@testable import Entities
import Testing

@Suite("Word lists keyed by bytes")
struct WordIndexTests {
    private func index(_ words: [String]) -> WordIndex<Int> {
        var builder = WordIndex<Int>.Builder()
        for (number, word) in words.enumerated() { builder.add(word, number) { old, _ in old } }
        return builder.build()
    }

    @Test("keys of eight bytes or more are told apart by all their bytes, not the first eight")
    func longKeys() {
        let words = index(["abcdefgh", "abcdefghij", "abcdefghik", "abcdefg"])
        #expect(words["abcdefgh"] == 0)
        #expect(words["abcdefghij"] == 1)
        #expect(words["abcdefghik"] == 2)
        #expect(words["abcdefg"] == 3)
        #expect(words["abcdefghi"] == nil)
        #expect(words["abcdef"] == nil)
        #expect(words[""] == nil)
    }

    @Test("a key added twice keeps the value merge gives it")
    func merging() {
        var builder = WordIndex<WordClass>.Builder()
        builder.add("paris", .placeStart) { $0.union($1) }
        builder.add("paris", .surname) { $0.union($1) }
        builder.add("zürich", .placeStart) { $0.union($1) }
        builder.add("zu\u{308}rich", .surname) { $0.union($1) }
        let words = builder.build()
        #expect(words["paris"] == [.placeStart, .surname])
        #expect(words["zürich"] == [.placeStart, .surname])
        #expect(words.count == 2)
    }

    @Test("lookups answer as String equality does, canonical equivalents included")
    func canonicalEquivalence() {
        // Precomposed and decomposed "é"; U+212A KELVIN SIGN equals "K"; U+037E equals ";".
        let words = index(["café", "K", "a;b", "plain"])
        #expect(words["cafe\u{301}"] == 0)
        #expect(words["\u{212A}"] == 1)
        #expect(words["a\u{37E}b"] == 2)
        #expect(words["plain"] == 3)
        #expect(words["k"] == nil)
        #expect(words["cafe"] == nil)
    }

    @Test("many keys survive the table's growth")
    func growth() {
        let keys = (0..<5_000).map { "word\($0)" }
        let words = index(keys)
        #expect(words.count == 5_000)
        #expect(keys.indices.allSatisfy { words[keys[$0]] == $0 })
        #expect(words["word5000"] == nil)
    }

    @Test("plurals of listed words are words, as the String rules cut them")
    func plurals() {
        let names = NameLists(given: ["mary"], surnames: ["welles"], words: ["city", "church", "well", "pirate", "hero"])
        #expect(names.isWord("cities"))
        #expect(names.isWord("churches"))
        #expect(names.isWord("pirates"))
        #expect(names.isWord("heroes"))
        #expect(!names.isWord("welles"))
        #expect(!names.isWord("mary"))
        #expect(names.isName("welles"))
    }

    @Test("participles of listed stems are words, in plain ASCII as in other text; short stems stay names")
    func participles() {
        let names = NameLists(given: ["jared"], surnames: [], words: ["process", "walk", "use", "stop", "jar", "chase", "café"])
        for word in ["processing", "walked", "using", "used", "stopped", "stopping", "chasing", "caféing"] {
            #expect(names.isWord(word), "\(word)")
        }
        // "jar" is three letters: too short a stem for "jared", which the given names list.
        #expect(!names.isWord("jared"))
        #expect(!names.isWord("ming"))
    }
}

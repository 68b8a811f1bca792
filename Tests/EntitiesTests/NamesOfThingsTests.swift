@testable import Entities
import PipelineModel
import Testing

/// Capitalised words that name works, things, faiths and organisations rather than persons or places,
/// and the evidence that still makes a single word a person.
@Suite("Names of things")
struct NamesOfThingsTests {
    @Test("participles are ordinary words: the stem is in the dictionary", arguments: [
        ("processing", true), ("walked", true), ("troubled", true), ("chasing", true), ("using", true),
        ("stopped", true), ("jared", false), ("ming", false),
    ])
    func participles(word: String, isWord: Bool) {
        let lists = NameLists(given: ["jared"], surnames: [],
                              words: ["process", "walk", "trouble", "chase", "use", "stop", "jar"])
        #expect(lists.isWord(word) == isWord)
    }

    @Test("an ordinary word before a year is a work's title; a surname before one is a cited author")
    func workBeforeAYear() {
        #expect(found(.person, in: "Her role in Chasing Shadows (2004) was praised.").isEmpty)
        #expect(found(.person, in: "The Development of Grammar (1924) was his first book.").isEmpty)
        #expect(found(.person, in: "As shown by Bell (2004), the effect is small.").map(\.text) == ["Bell"])
    }

    @Test("a name that starts with an ordinary word, a participle or a people's adjective is a thing's", arguments: [
        "Guests gathered in Gilded Hall before dinner.",
        "Using SQL makes it easy.",
        "He was awarded the Royal Medal for his work.",
        "They toasted with Irish Whiskey at the bar.",
        "She wrote for \"Zephyr Kallisto\" for years.",
    ])
    func namesOfThings(text: String) {
        #expect(found(.person, in: text).isEmpty)
    }

    @Test("a given name that is a word before a surname that is a word is still a person")
    func givenNameAndSurnameThatAreWords() {
        #expect(found(.person, in: "Mark Twain wrote it.").map(\.text) == ["Mark Twain"])
    }

    @Test("faiths and fears are neither persons nor places", arguments: [
        "Taoism's influence grew in the east.",
        "He studied Judaism in Vienna.",
        "They spoke against Xenophobia in Europe.",
    ])
    func faiths(text: String) {
        #expect(found(.person, in: text).isEmpty)
        #expect(found(.place, in: text).allSatisfy { ["Vienna", "Europe"].contains($0.text) })
    }

    @Test("an organisation listed as a populated place is no place")
    func organisationInTheGazetteer() {
        #expect(found(.place, in: "She studied at the University of Texas.").isEmpty)
    }

    @Test("a town's name as a possessive after of is a person")
    func possessiveAfterOf() {
        #expect(found(.person, in: "One of Whitman's letters survived.").map(\.text) == ["Whitman"])
        #expect(found(.place, in: "One of Whitman's letters survived.").isEmpty)
    }

    @Test("a verb with his or her after it makes the first word of a sentence a person", arguments: [
        ("Marsh began his career in Leeds.", ["Marsh"]),
        ("Tarvelle made her debut in 2001.", ["Tarvelle"]),
        ("Nintendo sent her a letter.", []),
    ])
    func possessiveAfterTheVerb(text: String, people: [String]) {
        #expect(found(.person, in: text).map(\.text) == people)
    }

    @Test("what a sentence calls a single word decides whether it is a person", arguments: [
        ("Tamberu is a Bantu language spoken in the hills.", []),
        ("Ngorra is the name given by its speakers.", []),
        ("Currently Okonkwo is a professor at the college.", ["Okonkwo"]),
    ])
    func describedWords(text: String, people: [String]) {
        #expect(found(.person, in: text).map(\.text) == people)
    }

    @Test("a company's word or a company's initials after a name make it a company's", arguments: [
        "Shares of Kettering Holdings rose sharply.",
        "Shares of Hallam Brice Co. rose sharply.",
        "He joined Tolliver Marsh & Co. in 1985.",
        "He is chairman of Vandermolen N.V., the publisher.",
    ])
    func companies(text: String) {
        #expect(found(.person, in: text).isEmpty)
    }

    @Test("initials after a given name stay part of a person's name")
    func initialsAfterAGivenName() {
        #expect(found(.person, in: "George H. W. Bush spoke.").map(\.text) == ["George H. W. Bush"])
    }

    @Test("an event after a year and a people's name before its speakers are no persons", arguments: [
        ("He retired after the 2012 Summer Paralympics in London.", []),
        ("It is spoken by the Kuvasi Tenga speakers of the coast.", []),
        ("The 2012 Romney campaign lost.", ["Romney"]),
    ])
    func eventsAndPeoples(text: String, people: [String]) {
        #expect(found(.person, in: text).map(\.text) == people)
    }

    @Test("a city's name that is a given name before a person's passive is no place")
    func cityBeforeAPersonsPassive() {
        #expect(found(.place, in: "Florence was born in Leeds.").map(\.text) == ["Leeds"])
        #expect(found(.place, in: "Florence was founded by the Romans.").map(\.text) == ["Florence"])
    }

    @Test("a feature word leads a place's name, abbreviated too; a destination is a place", arguments: [
        ("The island contains Mt. Talau national park.", "Mt. Talau"),
        ("They sailed past Cape Cod at dawn.", "Cape Cod"),
        ("Taveuni is a popular destination for divers.", "Taveuni"),
    ])
    func featuresAndDestinations(text: String, place: String) {
        #expect(found(.place, in: text).map(\.text) == [place])
        #expect(found(.person, in: text).isEmpty)
    }

    @Test("a place's name around a word left out of a name, or before a title, makes no person")
    func placesInsideNames() {
        #expect(found(.person, in: "He read the San Francisco Bulletin daily.").isEmpty)
        #expect(found(.person, in: "Every Georgia Governor since 1990 agreed.").isEmpty)
        #expect(found(.place, in: "Every Georgia Governor since 1990 agreed.").map(\.text) == ["Georgia"])
    }
}

@Suite("Date boundaries")
struct DateBoundaryTests {
    @Test("parts of months, business years and the first few years are dates as written", arguments: [
        ("Snow lasts until the end of February.", "the end of February"),
        ("Profits rose in fiscal 1997.", "fiscal 1997"),
        ("Within the first few years, costs fell.", "the first few years"),
    ])
    func dateBoundaries(text: String, span: String) {
        #expect(found(.date, in: text).map(\.text) == [span])
    }

    @Test("a four-digit number after a word of quantity or before a plus is a count", arguments: [
        ("The wiki has over 1000 featured articles.", []),
        ("It counts more than 1500 in all.", []),
        ("It has the 1000 + on the list.", []),
        ("The wiki started in 2001 with ten articles.", ["2001"]),
        ("Yields were modelled over 2000 - 2050 in the study.", ["2000", "2050"]),
    ])
    func countsAreNoYears(text: String, dates: [String]) {
        #expect(found(.date, in: text).map(\.text) == dates)
    }
}

@Suite("Peoples after of")
struct PeoplesAfterOfTests {
    @Test("an unknown plural after of the is a people; after to the it is a place")
    func pluralNames() {
        #expect(found(.place, in: "They fled the persecution of the Waldensians.").isEmpty)
        #expect(found(.place, in: "Most flights go to the Chathams.").map(\.text) == ["the Chathams"])
    }
}

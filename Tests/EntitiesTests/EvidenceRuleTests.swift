@testable import Entities
import PipelineModel
import Testing

/// Words around a name that tell a person from a place or a thing: citations, captions, credits, verbs
/// of speech, descriptions of places and the names of organisations.
@Suite("Evidence around names")
struct EvidenceRuleTests {
    @Test("every author of a citation is a person", arguments: [
        ("Earlier work (Kowalczyk, Brandt, & Osei, 2019) found no effect.", ["Kowalczyk", "Brandt", "Osei"]),
        ("The idea goes back to Whitcombe 2008; Ferreira 2011 disagreed.", ["Whitcombe", "Ferreira"]),
        ("As shown by Santos (1989), the effect is small.", ["Santos"]),
    ])
    func citedAuthors(text: String, people: [String]) {
        #expect(found(.person, in: text).map(\.text) == people)
        #expect(found(.place, in: text).isEmpty)
    }

    @Test("a cited author named like a region is no place; one named like a town is a person")
    func citedAuthorNamedLikeARegion() {
        #expect(found(.place, in: "Earlier work (Kowalczyk, Chin, & Osei, 2019) found no effect.").isEmpty)
        #expect(found(.person, in: "Earlier work (Hein, Brandt, Marks, & Osei, 2016) found it.").map(\.text)
            == ["Hein", "Brandt", "Marks", "Osei"])
    }

    @Test("a person named like a small country's region is a person; big regions stay places")
    func personsNamedLikeRegions() {
        #expect(found(.person, in: "I wanted to work with Isabel on the project.").map(\.text) == ["Isabel"])
        #expect(found(.person, in: "Nelson said the vote was fair.").map(\.text) == ["Nelson"])
        #expect(found(.place, in: "He flew to Florida and Alberta.").map(\.text) == ["Florida", "Alberta"])
    }

    @Test("a team's name after a feature word is no place; rivers are features")
    func teamsAndRivers() {
        #expect(found(.place, in: "They beat the Tampa Bay Rays again.").isEmpty)
        #expect(found(.place, in: "The Salt and Verde Rivers run dry.").map(\.text) == ["Verde Rivers"])
    }

    @Test("a title that starts a place's name is no person's title")
    func titleStartingAPlace() {
        #expect(found(.person, in: "The Red Sox beat the St. Louis Cardinals in six games.").isEmpty)
        #expect(found(.place, in: "Visitors from Saint Vincent and the Grenadines need no visa.").map(\.text)
            == ["Saint Vincent and the Grenadines"])
        #expect(found(.person, in: "Sir Elton John sang.").map(\.text) == ["Elton John"])
    }

    @Test("a single name is a person by what surrounds it", arguments: [
        ("Okonkwo also said the vote was fair.", ["Okonkwo"]),
        ("Marsh was elected in 1998.", ["Marsh"]),
        ("Marsh opened a bakery in 1990.", ["Marsh"]),
        ("Okafor (left) and Lindqvist (right) at the signing.", ["Okafor", "Lindqvist"]),
        ("Image: Tarkowski.", ["Tarkowski"]),
        ("\"It is done,\" Hargreave said.", ["Hargreave"]),
        ("Critics blamed the Kowalski administration.", ["Kowalski"]),
        ("The museum showed new interest in Okonkwo's early drawings.", ["Okonkwo"]),
        ("She quoted a line from Marsh's first letter.", ["Marsh"]),
        ("On May 2, 2010, Torrese gave a speech.", ["Torrese"]),
        ("The death of Okonkwo shocked the village.", ["Okonkwo"]),
        ("He acted on behalf of Tarkowski.", ["Tarkowski"]),
    ])
    func singleNames(text: String, people: [String]) {
        #expect(found(.person, in: text).map(\.text) == people)
    }

    @Test("names of peoples, works and things are no persons", arguments: [
        "Many Karakalpak speakers live there.",
        "Many Senegalese officials attended.",
        "The ferry calls at the port and Tarnholm, which is easily reached by bus.",
        "He watched the film Vertigo again.",
        "The crew flew aboard Soyuz 11 in June.",
        "They sailed past La Gomera at dawn.",
        "A report by Environment Canada warned of storms.",
        "The Velmari-speaking pupils sat the test.",
        "The old congregation had become Zwinglist by then.",
        "Its two airborne Q-band sensors failed.",
        "The probe Moonharvest returned its samples in 2006.",
        "The data were captured by Moonharvest during the cruise.",
        "Her treatise Aerostatica appeared in 1740.",
        "His Ninth Symphony was written for Vienna.",
        "He played his Cello Concerto twice.",
        "She joined the Society for General Systems Research.",
        "In his My Early Years, he told of his travels.",
    ])
    func notPersons(text: String) {
        #expect(found(.person, in: text).isEmpty)
    }

    @Test("names keep their elided particles and lose titles and the things named after them", arguments: [
        ("The letters of Jean le Rond d'Alembert survive.", "Jean le Rond d'Alembert"),
        ("Lieutenant-Colonel Harris commanded the fort.", "Harris"),
        ("The court sided with Tsarevna Olga Petrovna.", "Olga Petrovna"),
        ("She won the Oscar Lindgren Trophy last year.", "Oscar Lindgren"),
        ("John A. Smith testified on Monday.", "John A. Smith"),
        ("Anna Hill spoke first.", "Anna Hill"),
        ("The actor Jude Law arrived late.", "Jude Law"),
        ("Yesterday Khaled Sorrel opened the session.", "Khaled Sorrel"),
        ("A video featuring Velmarist Margaret Ellwood was shown.", "Margaret Ellwood"),
        ("The Council on Rural Relations Alice Brandtner said so.", "Alice Brandtner"),
    ])
    func nameBoundaries(text: String, name: String) {
        #expect(found(.person, in: text).map(\.text) == [name])
    }

    @Test("an unknown name is a place when the sentence says so", arguments: [
        ("Kelmscott is a village in Oxfordshire.", "Kelmscott"),
        ("Tarnowo, a small town near the border, flooded.", "Tarnowo"),
        ("Ojai, California has a festival.", "Ojai"),
        ("They stayed at Varenna, Lecco, Italy for a week.", "Varenna"),
        ("Tourists crowd the Mouraria district.", "Mouraria"),
        ("She was born in Ouro Preto.", "Ouro Preto"),
        ("Barges sail down the Danube.", "Danube"),
        ("Near the coast lies Kestrova, a village surrounded by hills.", "Kestrova"),
        ("Farmers in Lombardy protested on Friday.", "Lombardy"),
        ("Velmoor is a peninsula bordered by two rivers.", "Velmoor"),
        ("The trail runs north 15 miles to Kestrova.", "Kestrova"),
        ("The monks rushed to Kellavo to calm the rebels.", "Kellavo"),
        ("Talks with the U.S government stalled.", "U.S"),
        ("Traffic in L.A. was heavy.", "L.A."),
    ])
    func describedPlaces(text: String, place: String) {
        #expect(found(.place, in: text).first?.text == place)
        #expect(found(.person, in: text).isEmpty)
    }

    @Test("a given name that is also a big city's is no place before a verb of speech")
    func speakerNamedLikeACity() {
        #expect(found(.place, in: "Asked about the plan, Florence said it would work.").isEmpty)
        #expect(found(.place, in: "Asked about the plan, he said Florence would work.").map(\.text) == ["Florence"])
    }

    @Test("an unknown word after a person's name and \"of\" is the person's home")
    func homePlaces() {
        let all = found("The sermons of Gregory Halloran of Tremadoc were printed.")
        #expect(all == [
            Found(type: .person, text: "Gregory Halloran", normalized: "Gregory Halloran"),
            Found(type: .place, text: "Tremadoc", normalized: "Tremadoc"),
        ])
    }

    @Test("a place's name before a capitalised ordinary word names a work or a thing, not before a feature or a title")
    func placesBeforeOrdinaryWords() {
        #expect(found(.place, in: "She starred in the comedy Chicago Lullaby last year.").isEmpty)
        #expect(found(.place, in: "Barges sail on the Ohio River.").map(\.text) == ["the Ohio River"])
        #expect(found(.place, in: "The Texas Governor spoke.").map(\.text) == ["Texas"])
    }

    @Test("a country's name inside an organisation's or a vehicle's name is no place")
    func placesInsideNames() {
        #expect(found(.place, in: "A report by Environment Canada warned of storms.").isEmpty)
        #expect(found(.place, in: "Space Shuttle Columbia landed safely.").isEmpty)
        #expect(found("He signed with the Denver Broncos in March.").map(\.type) == [.date])
        #expect(found(.place, in: "He was wounded at the Siege of Savannah in 1779.").isEmpty)
    }

    @Test("house numbers and counts are no years; plural periods are dates")
    func yearsAndPeriods() {
        #expect(found(.date, in: "Visit us at 1214 Maple Avenue.").isEmpty)
        #expect(found(.date, in: "A survey of 1709 schoolchildren was run.").isEmpty)
        #expect(found(.date, in: "Take the ring road (A1237) north.").isEmpty)
        #expect(found(.date, in: "The stadium hosts the 2030 FIFA World Cup.").map(\.text) == ["2030"])
        #expect(found(.date, in: "As put before (Okafor, 2000: 103), it holds.").map(\.text) == ["2000"])
        #expect(found(.date, in: "The ratio was 1999:12 at most.").isEmpty)
        #expect(found(.date, in: "She wrote for USA Today for years.").isEmpty)
        #expect(found(.date, in: "He bought a season ticket.").isEmpty)
        #expect(found(.place, in: "She wrote for USA Today for years.").isEmpty)
        #expect(found(.date, in: "Today, like many, I am skeptical.").map(\.text) == ["Today"])
        #expect(found(.date, in: "As argued before (Okafor, 2011, p. 1225), it holds.").map(\.text) == ["2011"])
        #expect(found(.date, in: "Over the past decades the town grew.").map(\.text) == ["the past decades"])
        #expect(found(.date, in: "Farmers settled here some 5,000 years ago.").map(\.text) == ["some 5,000 years ago"])
        #expect(found(.date, in: "It was like that centuries ago.").map(\.text) == ["centuries ago"])
        #expect(found(.date, in: "It was built hundreds of years ago.").isEmpty)
        #expect(found(.date, in: "Highs in the 30s°F are common.").isEmpty)
    }

    @Test("centuries as adjectives, short decades, the year N and a couple of units are dates", arguments: [
        ("She admired a 17th-century poet.", "17th-century"),
        ("He collected nineteenth-century maps.", "nineteenth-century"),
        ("Jazz spread in the 20s, then faded.", "the 20s"),
        ("The fort was founded in the year 71.", "the year 71"),
        ("We wrote about it a couple of years back.", "a couple of years"),
        ("Prices rose over the last couple of days.", "the last couple of days"),
        ("In the same season, he was named captain.", "the same season"),
        ("The clip was viewed a million times in its first week.", "its first week"),
    ])
    func moreDateForms(text: String, span: String) {
        #expect(found(.date, in: text).map(\.text) == [span])
    }

    @Test("decades in words, eras and the turn of the century are dates", arguments: [
        ("Back in the sixties he was famous.", "the sixties", "1960s"),
        ("The town was founded in 44 BC by settlers.", "44 BC", "44 BC"),
        ("By the 7th century BC the city had grown.", "the 7th century BC", "06 BC"),
        ("The city grew fast at the turn of the century.", "the turn of the century", "the turn of the century"),
    ])
    func eraDates(text: String, span: String, normalized: String) {
        #expect(found(.date, in: text) == [Found(type: .date, text: span, normalized: normalized)])
    }
}

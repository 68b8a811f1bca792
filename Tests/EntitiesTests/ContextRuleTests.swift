@testable import Entities
import PipelineModel
import Testing

/// Rules that decide by the words around a name rather than by the name itself.
@Suite("Context rules")
struct ContextRuleTests {
    @Test("short country forms are places, a currency prefix is not")
    func countryShortForms() {
        let places = found(.place, in: "Troops left the U.S. for Kabul, and damages reached US$ 10 billion.")
        #expect(places == [
            Found(type: .place, text: "U.S.", normalized: "United States"),
            Found(type: .place, text: "Kabul", normalized: "Kabul"),
        ])
    }

    @Test("the article belongs to plural and multi-word place names", arguments: [
        ("He moved to the Netherlands.", "the Netherlands", "Netherlands"),
        ("Ships crossed the Gulf of Mexico at night.", "the Gulf of Mexico", "Gulf of Mexico"),
        ("a law of the State of Texas was cited", "the State of Texas", "Texas"),
        ("Life in the Soviet Union was hard.", "the Soviet Union", "Soviet Union"),
        ("They drove through Southern Indiana.", "Southern Indiana", "Southern Indiana"),
        ("They camped by Lake Erie.", "Lake Erie", "Lake Erie"),
    ])
    func placeNames(text: String, span: String, normalized: String) {
        #expect(found(.place, in: text) == [Found(type: .place, text: span, normalized: normalized)])
    }

    @Test("a town's name that is also a surname is a person without words of place")
    func surnameOrTown() {
        #expect(found("Listed at 180 pounds, Holt bats left-handed.").map(\.type) == [.person])
        let all = found("Barack Obama visited Cleveland.")
        #expect(all == [
            Found(type: .person, text: "Barack Obama", normalized: "Barack Obama"),
            Found(type: .place, text: "Cleveland", normalized: "Cleveland"),
        ])
    }

    @Test("ordinary words around a name are not part of it")
    func ordinaryWordsAroundNames() {
        #expect(found(.person, in: "Despite Daniel Bernoulli FRS, the work went on.").map(\.text) == ["Daniel Bernoulli"])
        #expect(found(.person, in: "The deal with the Campbell Soup company was signed.").isEmpty)
    }

    @Test("an unknown word starting a sentence is a name only before a verb of a person")
    func sentenceStart() {
        #expect(found(.person, in: "Galois returned to mathematics.").map(\.text) == ["Galois"])
        #expect(found(.person, in: "Scientology is a church.").isEmpty)
        #expect(found(.person, in: "Goldsmith doesn't dispute that Warhol's Prince Series sold.").map(\.text) == ["Warhol"])
    }

    @Test("more law citations", arguments: [
        ("Charged under Sections 323, 354 r/w 34 IPC yesterday.", "Sections 323, 354 r/w 34 IPC", "IPC, Sections 323, 354 r/w 34"),
        ("It was repealed by Act 68 of 1984 later.", "Act 68 of 1984", "Act 68 of 1984"),
        ("He cited Sub Section 5 of Section 3 of the Act.", "Sub Section 5 of Section 3", "Sub Section 5 of Section 3"),
        ("Funding under Title IV was cut.", "Title IV", "Title IV"),
        ("See Section 13(3A) of the SARFAESI Act for that.", "Section 13(3A) of the SARFAESI Act", "SARFAESI Act, Section 13(3A)"),
        ("under the Banking Regulation Act, 1949 the bank", "Banking Regulation Act, 1949", "Banking Regulation Act, 1949"),
        ("the Money Circulation Schemes (Banning) Act, 1978 applies", "Money Circulation Schemes (Banning) Act, 1978",
         "Money Circulation Schemes (Banning) Act, 1978"),
        ("as the U.P. Motor Vehicle Rules, 1998 say", "U.P. Motor Vehicle Rules, 1998", "U.P. Motor Vehicle Rules, 1998"),
    ])
    func moreLaws(text: String, span: String, normalized: String) {
        #expect(found(.law, in: text) == [Found(type: .law, text: span, normalized: normalized)])
    }

    @Test("clauses and paragraphs alone are no law")
    func dependentProvisions() {
        #expect(found(.law, in: "as held in paragraph 17 and clause 3 of the agreement").isEmpty)
    }

    @Test("more dates", arguments: [
        ("It lasted over 250 years.", "over 250 years", "P250Y"),
        ("It closed at the end of 1990.", "the end of 1990", "1990"),
        ("He died on 30 September 420 in Bethlehem.", "30 September 420", "0420-09-30"),
        ("We meet every year in May.", "every year", "every year"),
        ("The 2011 season was his best.", "The 2011 season", "2011"),
        ("She is in her 80s now.", "her 80s", "her 80s"),
    ])
    func moreDates(text: String, span: String, normalized: String) {
        #expect(found(.date, in: text).first == Found(type: .date, text: span, normalized: normalized))
    }

    @Test("ranges of years are two dates; of a weekday night the weekday is the date")
    func rangesAndTimesOfDay() {
        #expect(found(.date, in: "He lived there 1947 to 1960.").map(\.normalized) == ["1947", "1960"])
        #expect(found(.date, in: "The festival opened on Saturday night.").map(\.text) == ["Saturday"])
    }
}

@Suite("Places by company")
struct CoordinatedPlaceTests {
    @Test("an unknown word listed with places is a place")
    func coordinatedWithPlace() {
        let places = found(.place, in: "The Jola live in Ziguinchor, Djibonker and Dakar.")
        #expect(places.map(\.text) == ["Ziguinchor", "Djibonker", "Dakar"])
        #expect(found(.person, in: "The Jola live in Ziguinchor, Djibonker and Dakar.").isEmpty)
    }

    @Test("an unknown word no rule took is a place when a list of places goes on around it")
    func unclaimedWordInAList() {
        #expect(found(.place, in: "The ferry stops at Harwich and Riverglade on Sundays.").map(\.text)
            == ["Harwich", "Riverglade"])
        #expect(found(.place, in: "The town is bordered by Brightwaterton, Norwich and Ipswich.").map(\.text)
            == ["Brightwaterton", "Norwich", "Ipswich"])
        #expect(found(.place, in: "He studied at the University of California, Berkeley.").map(\.text) == ["Berkeley"])
    }

    @Test("a kind of place right before names makes them places, and a list carries it on", arguments: [
        ("Boats link the villages Kerrabo and Tulloway daily.", ["Kerrabo", "Tulloway"]),
        ("The village Kerrabo lies on a river.", ["Kerrabo"]),
        ("From the islands Nuvelle, Grosse Ternay and Dakar you see the coast.", ["Nuvelle", "Grosse Ternay", "Dakar"]),
    ])
    func kindWordBeforeNames(text: String, places: [String]) {
        #expect(found(.place, in: text).map(\.text) == places)
        #expect(found(.person, in: text).isEmpty)
    }

    @Test("a possessive listed after a place stays a person")
    func possessiveAfterAPlace() {
        #expect(found(.person, in: "The effect matched that seen in Tarnowo and Kallström's subjects.").map(\.text) == ["Kallström"])
    }

    @Test("a capital that is also an ordinary word stays in the gazetteer")
    func capitalNamedLikeAWord() {
        #expect(found(.place, in: "Flights leave from Auckland or Wellington daily.").map(\.text) == ["Auckland", "Wellington"])
        #expect(found(.place, in: "He travelled to Trier in 367.").map(\.text) == ["Trier"])
    }
}

@Suite("Unknown places by their form")
struct PlaceFormTests {
    @Test("plural names after a preposition and names ending like lands are places")
    func placeForms() {
        let text = "Flying to the Chathams is costly; he was born on the border of Dalmatia and Pannonia and edited Wikipedia."
        #expect(found(.place, in: text).map(\.text) == ["the Chathams", "Dalmatia", "Pannonia"])
    }
}

@Suite("Articles before place names")
struct PlaceArticleTests {
    @Test("the article stays with a place name that heads its phrase, not with one that modifies a noun")
    func articles() {
        #expect(found(.place, in: "Protests spread in the United States.").map(\.text) == ["the United States"])
        #expect(found(.place, in: "Critics of the Hong Kong government marched.").map(\.text) == ["Hong Kong"])
    }
}

@Suite("Geographic features")
struct FeatureTests {
    @Test("a given name or a country before a feature word is a feature, not a person", arguments: [
        ("They swam in the Jordan River daily.", "the Jordan River"),
        ("They moved to Virginia Beach in May.", "Virginia Beach"),
        ("Ships sailed into Hudson Bay.", "Hudson Bay"),
    ])
    func features(text: String, place: String) {
        #expect(found(.place, in: text).map(\.text) == [place])
        #expect(found(.person, in: text).isEmpty)
    }
}

@Suite("Boundaries of names")
struct NameBoundaryTests {
    @Test("a city's name leaves the article to the noun it modifies; a formal name keeps its head word", arguments: [
        ("Traffic in the New York area is slow.", "New York"),
        ("Homes in the Dallas suburbs are cheap.", "Dallas"),
        ("He wrote to the City of Cleveland about it.", "the City of Cleveland"),
        ("She grew up in County Durham near the coast.", "County Durham"),
    ])
    func placeBoundaries(text: String, span: String) {
        #expect(found(.place, in: text).map(\.text) == [span])
    }

    @Test("a castle's or cathedral's name is neither a person nor a place")
    func buildingsAreNoPeople() {
        let text = "The paintings hang at Auckland Castle in the north."
        #expect(found(text).filter { $0.type != .date }.isEmpty)
    }

    @Test("a Latin name after to or from is a person's, not a place's")
    func latinNamesAreNoPlaces() {
        #expect(found(.place, in: "He was the spiritual successor to Pachomius and led the monks.").isEmpty)
    }

    @Test("a word the text calls a place elsewhere is a place everywhere in it")
    func placeWordsAgree() {
        let text = "In 1902 Coron was registered as a town, and ferries go to Coron every day."
        #expect(found(.person, in: text).isEmpty)
    }

    @Test("a capitalised particle starts a name; a last initial keeps its full stop", arguments: [
        ("As De Certeau argued, walking is a speech act.", "De Certeau"),
        ("It was signed by President George H. W. Bush in 1990.", "George H. W. Bush"),
    ])
    func personBoundaries(text: String, name: String) {
        #expect(found(.person, in: text).map(\.text) == [name])
    }
}

@Suite("Destinations and people after to")
struct DestinationTests {
    @Test("an unknown name after to is a place after a word of motion, else a person", arguments: [
        ("The prize was awarded to Dvořák in 1874.", EntityType.person),
        ("The cause is particularly close to Padalecki, who spoke.", EntityType.person),
        ("Daily flights go to Coron from Manila.", EntityType.place),
    ])
    func afterTo(text: String, type: EntityType) {
        let name = text.contains("Dvořák") ? "Dvořák" : text.contains("Padalecki") ? "Padalecki" : "Coron"
        #expect(found(text).filter { $0.text == name }.map(\.type) == [type])
    }

    @Test("a surname of someone named in full is no town later in the text")
    func surnameIsNoTown() {
        let text = "Jack London sailed to Hawaii. Later, London wrote about the voyage."
        #expect(found(.place, in: text).map(\.text) == ["Hawaii"])
        #expect(found(.person, in: text).map(\.normalized) == ["Jack London", "Jack London"])
    }
}

@Suite("One word starting a sentence")
struct SentenceInitialNameTests {
    @Test("a surname that is also a word or looks plural is a name before a verb only people do", arguments: [
        ("Holt graduated in 2006 from Stephenville High School.", ["Holt"]),
        ("Wilkins explained the donation program.", ["Wilkins"]),
        ("Spring was late that year.", []),
        ("Kazakhs who fled were sent back.", []),
    ])
    func sentenceInitial(text: String, people: [String]) {
        #expect(found(.person, in: text).map(\.text) == people)
    }
}

@Suite("Words for peoples and languages")
struct DemonymTests {
    @Test("a language or people is no place, even where a place word follows", arguments: [
        "He advanced the theories of Rank and Nexus in Danish in two papers.",
        "The archipelago lies south of the Danish island of Funen.",
    ])
    func demonymsAreNoPlaces(text: String) {
        #expect(!found(.place, in: text).contains { $0.text.contains("Danish") })
    }
}

@Suite("Names after an article")
struct ArticleNameTests {
    @Test("without a given name or a title, a name after an article or a possessive is a thing's", arguments: [
        "It borders the Jóola Búluf area to the north.",
        "Speakers of the Baïnounk Gubëeher language live there.",
    ])
    func thingsAfterArticles(text: String) {
        #expect(found(.person, in: text).isEmpty)
    }

    @Test("a titled name after an article is still a person")
    func titledNameAfterArticle() {
        #expect(found(.person, in: "He met the Rev. Jesse Jackson in Chicago.").map(\.text) == ["Jesse Jackson"])
    }
}

@Suite("Compass regions")
struct CompassRegionTests {
    @Test("a capitalised compass point after the is a region; before a name it is part of that name", arguments: [
        ("NATO must guarantee energy supplies for the West.", ["West"]),
        ("His brother was injured in the South during the war.", ["South"]),
        ("He drove east toward the coast.", []),
    ])
    func compassRegions(text: String, places: [String]) {
        #expect(found(.place, in: text).map(\.text) == places)
    }
}

@Suite("Cited authors")
struct CitedAuthorTests {
    @Test("an unknown name cited with a year after a preposition is an author, not a place")
    func citedAuthorIsNoPlace() {
        let text = "The map below, adapted from Palmeri and Gazio (1995), shows the area."
        #expect(found(.place, in: text).isEmpty)
        #expect(found(.place, in: "The ferry goes to Coron every day.").map(\.text) == ["Coron"])
    }
}

@Suite("Names after honorifics and regnal numbers")
struct HonorificTests {
    @Test("after an honorific of persons only, one word is a surname even when it is also a word", arguments: [
        ("The order was signed by President Trump on Friday.", ["Trump"]),
        ("Mr. Brown left the firm in March.", ["Brown"]),
        ("The Prince Series sold well.", []),
    ])
    func surnameAfterHonorific(text: String, people: [String]) {
        #expect(found(.person, in: text).map(\.text) == people)
    }

    @Test("a Roman numeral after a ruler's name is part of it; a lone I is so only after a title", arguments: [
        ("The mosque was built by Shah Abbas I in 1611.", ["Abbas I"]),
        ("Pope Gregory XIII reformed the calendar.", ["Gregory XIII"]),
        ("Daniel Bernoulli FRS wrote it.", ["Daniel Bernoulli"]),
    ])
    func regnalNumbers(text: String, people: [String]) {
        #expect(found(.person, in: text).map(\.text) == people)
    }

    @Test("a title word after a given name is a surname")
    func titleAsSurname() {
        #expect(found(.person, in: "\"We will stay,\" said Omar Shah, a local farmer.").map(\.text) == ["Omar Shah"])
    }
}

@Suite("Places in news style")
struct NewsPlaceTests {
    @Test("a team's name ending in Sox holds no place")
    func soxTeam() {
        #expect(found(.place, in: "He signed with the Boston Red Sox last winter.").isEmpty)
    }

    @Test("before an adjective the article is not part of a place's name")
    func articleBeforeAdjective() {
        #expect(found(.place, in: "The Hong Kong municipal vote was delayed.").map(\.text) == ["Hong Kong"])
        #expect(found(.place, in: "He moved to the United States in 1990.").map(\.text) == ["the United States"])
    }

    @Test("a person's name that matches only another spelling of a city is no place without context")
    func otherSpellingOfCity() {
        #expect(found(.place, in: "Bush said the talks would go on.").isEmpty)
        #expect(found(.person, in: "Bush said the talks would go on.").map(\.text) == ["Bush"])
    }

    @Test("a US state's abbreviation after a place and a comma is a place", arguments: [
        ("The firm is based in Stamford, Conn., and Newark, N.J.", ["Stamford", "Conn.", "Newark", "N.J."]),
        ("She grew up in Tulsa, OK, before college.", ["Tulsa", "OK"]),
        ("OK, we will go.", []),
    ])
    func stateAbbreviations(text: String, places: [String]) {
        #expect(found(.place, in: text).map(\.text) == places)
    }

    @Test("the state's abbreviation is normalized to its name")
    func stateName() {
        #expect(found(.place, in: "The firm is based in Stamford, Conn.").last?.normalized == "Connecticut")
    }
}

@Suite("Quarters of a year")
struct QuarterTests {
    @Test("an ordinal quarter after the is a date", arguments: [
        ("Profits fell in the third quarter.", "the third quarter", "Q3"),
        ("The fourth quarter of 2009 was weak.", "The fourth quarter of 2009", "2009-Q4"),
        ("Third-quarter profit rose by a fifth.", "Third-quarter", "Q3"),
    ])
    func quarters(text: String, date: String, normalized: String) {
        #expect(found(.date, in: text).map(\.text) == [date])
        #expect(found(.date, in: text).map(\.normalized) == [normalized])
    }

    @Test("a half in one word is no date: it is as often a half of a match")
    func halves() {
        #expect(found(.date, in: "The second-half goal won the match.").isEmpty)
    }
}

@Suite("Words around a name")
struct NameEdgeTests {
    @Test("a hyphenated description or an acronym before a name is not part of it", arguments: [
        ("Ex-President Bill Clinton spoke in Harlem.", ["Bill Clinton"]),
        ("Pro-democracy Gary Fan lost his seat.", ["Gary Fan"]),
        ("Photo: NASA Bill Ingalls.", ["Bill Ingalls"]),
        ("Claire Bailey-Ross and Jean-Louis Richard spoke.", ["Claire Bailey-Ross", "Jean-Louis Richard"]),
    ])
    func descriptionsBeforeNames(text: String, people: [String]) {
        #expect(found(.person, in: text).map(\.text) == people)
    }

    @Test("a given name before a surname is no bill; an instrument's name still is")
    func billClinton() {
        #expect(found(.law, in: "Former President Bill Clinton spoke.").isEmpty)
        #expect(found(.law, in: "The Finance Bill was passed.").map(\.text) == ["Finance Bill"])
    }

    @Test("an organisation word between a given name and a surname is a middle name", arguments: [
        ("He cited Eric Temple Bell in his book.", ["Eric Temple Bell"]),
        ("The George Washington Bridge was closed.", []),
        ("The Irving Independent School District said so.", []),
    ])
    func middleNames(text: String, people: [String]) {
        #expect(found(.person, in: text).map(\.text) == people)
    }
}

@Suite("Towns that are given names")
struct TownAsGivenNameTests {
    @Test("a town's name before one unknown capitalised word is a given name; elsewhere still a town", arguments: [
        ("The premier met Vladimir Putin in Sochi.", ["Vladimir Putin"], ["Sochi"]),
        ("He flew to Vladimir and then to Moscow.", [], ["Vladimir", "Moscow"]),
        ("In a statement, Governor of Washington Chris Gregoire said so.", ["Chris Gregoire"], ["Washington"]),
    ])
    func townsAsGivenNames(text: String, people: [String], places: [String]) {
        #expect(found(.person, in: text).map(\.text) == people)
        #expect(found(.place, in: text).map(\.text) == places)
    }
}

@testable import Entities
import PipelineModel
import Testing

/// The sentences of the appeal letter that started the project, written out here as fixtures.
@Suite("Entities of the appeal letter")
struct AppealLetterEntityTests {
    @Test("a head of state after a country and H.E. is a person without the honorific")
    func honorificIsStripped() {
        let people = found(.person, in: "The President of Kazakhstan H.E. Kassym-Jomart Tokayev")
        #expect(people == [Found(type: .person, text: "Kassym-Jomart Tokayev", normalized: "Kassym-Jomart Tokayev")])
    }

    @Test("titles and roles before a name are not part of it", arguments: [
        ("The Prosecutor General of the Republic of Kazakhstan Mr. Gizat Nurdauletov", "Gizat Nurdauletov"),
        ("The Director of the Border Service of the National Security Committee of the Republic of Kazakhstan Major General Darkhan Dilmanov", "Darkhan Dilmanov"),
        ("Some brave European politicians, led by Lithuanian MP Mantas Adomėnas, now speak up in their favor.", "Mantas Adomėnas"),
    ])
    func rolesAreStripped(sentence: String, name: String) {
        let people = found(.person, in: sentence)
        #expect(people.map(\.text) == [name])
        #expect(people.map(\.normalized) == [name])
    }

    @Test("organisations in a role are neither people nor places")
    func organisationsAreNotPeople() {
        let all = found("The Director of the Border Service of the National Security Committee of the Republic of Kazakhstan Major General Darkhan Dilmanov")
        #expect(!all.contains { $0.text.contains("Border Service") || $0.text.contains("National Security") })
    }

    @Test("Messrs. before two names joined by and gives two people")
    func messrsGivesTwoPeople() {
        let text = "citizens of the People’s Republic of China Messrs. Kaster Musakhan and Murager Alimuly, who escaped"
        #expect(found(.person, in: text).map(\.text) == ["Kaster Musakhan", "Murager Alimuly"])
        #expect(found(.place, in: text).map(\.normalized) == ["China"])
    }

    @Test("a possessive is not part of the name")
    func possessiveIsExcluded() {
        let people = found(.person, in: "to recognise Kaster Musakhan’s and Murager Alimuly’s right to asylum;")
        #expect(people.map(\.text) == ["Kaster Musakhan", "Murager Alimuly"])
    }

    @Test("the village of X is a place even when no gazetteer knows it")
    func villageByContext() {
        let text = "escaped Xinjiang and managed to cross the state border into Kazakhstan near the village of Shilikti. Thereupon they travelled to Almaty"
        #expect(found(.place, in: text).map(\.normalized) == ["Xinjiang", "Kazakhstan", "Shilikti", "Almaty"])
    }

    @Test("a name followed by a region word is a place")
    func regionByContext() {
        #expect(found(.place, in: "camps in the Xinjiang region, as well as").map(\.text) == ["Xinjiang"])
        #expect(found(.place, in: "farms in the Zhaosu county near the border").map(\.text) == ["Zhaosu"])
    }

    @Test("signatories listed one per line with their role are people", arguments: [
        "Mantas Adomėnas", "Ingrida Šimonytė", "Gabrielius Landsbergis", "Emanuelis Zingeris",
        "Radvilė Morkūnaitė-Mikulėnienė", "Audronius Ažubalis", "Žygimantas Pavilionis", "Aušrinė Armonaitė",
        "Egidijus Vareikis", "Dovilė Šakalienė",
    ])
    func signatoryList(name: String) {
        let text = "Signed:\n\n\(name), MP\n\nAušra Maldeikienė, MEP\n"
        #expect(found(.person, in: text).map(\.text) == [name, "Aušra Maldeikienė"])
    }

    @Test("ethnic groups and nationalities are not places")
    func nationalitiesAreNotPlaces() {
        let text = "the fate of two ethnic Kazakhs, citizens of China, and Lithuanian politicians"
        #expect(found(.place, in: text).map(\.text) == ["China"])
        #expect(found(.person, in: text).isEmpty)
    }

    @Test("the republic's long name is a place with the country as its normalized value")
    func republicIsCountry() {
        let places = found(.place, in: "international treaties ratified by the Republic of Kazakhstan take precedence")
        #expect(places.map(\.normalized) == ["Kazakhstan"])
    }

    @Test("the republic an organisation belongs to is a place; other places in its name are not")
    func placeInsideOrganisation() {
        let text = "We, the undersigned Members of the Parliament of the Republic of Lithuania and of the European Parliament"
        #expect(found(.place, in: text) == [Found(type: .place, text: "Lithuania", normalized: "Lithuania")])
        #expect(found(.place, in: "MEMBERS OF THE PARLIAMENT OF THE REPUBLIC OF LITHUANIA").map(\.normalized) == ["Lithuania"])
        #expect(found(.place, in: "She studied at Durham University for two years.").isEmpty)
    }

    @Test("the letter's dates", arguments: [
        ("19th December, 2019\nVilnius", "19th December, 2019", "2019-12-19"),
        ("12/20/2019Bitter Winter |", "12/20/2019", "2019-12-20"),
        ("On October 1, 2019 Kaster Musakhan and Murager Alimuly", "October 1, 2019", "2019-10-01"),
    ])
    func letterDates(text: String, span: String, normalized: String) {
        #expect(found(.date, in: text) == [Found(type: .date, text: span, normalized: normalized)])
    }
}

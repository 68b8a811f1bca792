/// The closed word lists the recognisers share, all lower case.
enum Lexicon {
    private static func words(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }

    /// Words followed by "." that do not end a sentence.
    static let abbreviations = words("""
        mr mrs ms dr prof st sr jr gen lt col maj capt sgt rev hon messrs mssrs mme mlle no nos vs v
        art arts sec secs s ss para cl jan feb mar apr jun jul aug sep sept oct nov dec e he h u n
        inc ltd co corp dept govt fr sen rep gov pres min amb est approx etc cf al ed eds vol pp
        """)

    /// Titles, honorifics and roles that stand before a name and are not part of it.
    static let titles = words("""
        mr mrs ms miss mx dr doctor prof professor sir dame lord lady madam madame mme mlle messrs mssrs
        he h.e. excellency his her hon honourable honorable rev reverend father fr sister brother
        president vice minister premier chancellor secretary ambassador consul envoy governor mayor
        senator sen congressman congresswoman congressmember representative rep deputy mp mep mps meps
        judge justice magistrate prosecutor attorney counsel advocate chief
        general gen major maj colonel col lieutenant lt captain capt sergeant sgt commander admiral
        marshal corporal private officer inspector detective constable commissioner director chairman
        chairwoman chairperson chair speaker spokesman spokeswoman spokesperson leader head
        king queen prince princess duke duchess earl count countess baron baroness emperor empress
        tsarevich tsarevna tsaritsa tsesarevich infante infanta archduke archduchess grand-duke
        marquis marquess viscount st saint apa abba administrator secretary-general rapporteur
        ombudsman commissioner-general
        pope cardinal bishop archbishop imam rabbi pastor patriarch sheikh sultan emir tsar czar tsarina shah
        coach player striker goalkeeper captain manager founder ceo activist dissident blogger journalist
        writer author poet artist singer actor actress lawyer mr. dr. general-major lt.
        uncle aunt grandma grandpa mom dad mother
        """)

    /// Words that may stand between a title and a name as part of the role ("Prosecutor General").
    static let roleWords = words("""
        general attorney prime foreign interior defence defense justice state deputy chief first
        vice acting former late then current executive supreme senior junior assistant
        """)

    /// Words that make a capitalised phrase an organisation, a facility or a work, not a person or a place.
    static let organisationWords = words("""
        parliament committee council commission service services ministry department office agency
        bureau authority court tribunal university college school institute institution academy
        association society union federation league party movement front church mosque temple
        company corporation corp inc ltd group bank fund foundation trust network organization
        organisation centre center program programme project team club band orchestra
        government administration assembly congress senate house cabinet board police army navy
        force forces guard militia brigade regiment embassy consulate mission watch amnesty
        hospital clinic museum gallery library airport station street road avenue square bridge
        park palace stadium hotel restaurant cafe bar theatre theater cinema prison camp
        times post news journal magazine herald tribune gazette press review daily weekly radio tv
        star globe dispatch chronicle inquirer examiner telegraph paper battle siege treaty
        television channel records studios studio entertainment media network foundation
        festival expo games cup championship olympics prize award awards conference summit
        project initiative alliance coalition partnership
        empire dynasty nations war wars revolution cyclone hurricane typhoon storm shuttle
        blvd boulevard plaza castle cathedral abbey cemetery monument tower towers mall arena zoo
        library archive archives conservatoire conservatory seminary polytechnic universidad universiteit université universität
        instituto institut école escuela gymnasium lyceum
        co plc llc gmbh industries holdings enterprises technologies airlines airways motors communications
        securities investments
        """)

    /// Place-kind words that, after "of", name a place ("the village of Shilikti").
    static let placeKindWords = words("""
        village town city region province district county state republic island islands oblast
        prefecture municipality township hamlet valley republic kingdom emirate territory canton
        """)

    /// Peoples, nationalities, languages and faiths that no suffix rule catches; they are neither persons
    /// nor places.
    static let demonyms = words("""
        islam hajj wicca christianity catholicism judaism hinduism buddhism sikhism taoism shinto scientology
        bangladeshis nepalis bahrainis emiratis omanis qataris kuwaitis yemenis
        greek greeks thai thais latin iraqi iraqis hebrew lao afghan afghans dutch swiss czech czechs kazakh
        kazakhs uzbek uzbeks tajik tajiks kyrgyz turkmen uyghur uyghurs uighur uighurs han hui mongol mongols
        arab arabs maori inuit zulu xhosa swahili yoruba igbo hausa pashto pashtun dari farsi urdu hindi sikh
        sikhs jew jews israeli israelis pakistani pakistanis bangladeshi saudi saudis yemeni kuwaiti qatari
        omani emirati somali somalis nepali kashmiri punjabi bengali tamil tamils kurd kurds turk turks
        serb serbs croat croats pole poles slav slavs viking vikings celt celts moor moors
        japanese chinese vietnamese portuguese lebanese senegalese taiwanese burmese sudanese congolese maltese
        nepalese nepali cantonese javanese balinese sinhalese togolese gabonese guyanese surinamese beninese
        bhutanese faroese genoese milanese viennese siamese timorese ivorese cameroonese angolese
        """)

    /// Words that make a capitalised name a natural or man-made geographic feature when they lead it
    /// ("Lake Erie", "Mount Ararat", "Port Hutt").
    static let leadingFeatureWords = words("""
        lake mount mt cape port fort isle gulf bay county
        """)

    /// Words that make a capitalised name a geographic feature when they end it ("Casamance River").
    static let trailingFeatureWords = words("""
        river rivers island islands lake lakes bay mountains mountain mount valley sea ocean peninsula desert
        coast reserve springs falls beach harbour harbor canyon creek strait straits archipelago
        plateau plains hills highlands lowlands delta glacier volcano heights county province
        cliffs hill expressway turnpike highway freeway
        """)

    /// Verbs of speech that follow the name of the speaker: "Dewar said".
    static let speechVerbs: Set<String> = ["said", "says", "told", "added", "explained", "recalled", "replied", "noted", "stated"]

    /// Words before "to" that make an unknown name after it a destination ("flights to Coron").
    static let motionWords: Set<String> = [
        "go", "goes", "going", "went", "gone", "come", "comes", "coming", "came", "travel", "travels", "traveled",
        "travelled", "traveling", "travelling", "move", "moves", "moved", "moving", "return", "returns", "returned",
        "returning", "fly", "flies", "flew", "flight", "flights", "trip", "trips", "journey", "road", "way", "ferry",
        "ferries", "boat", "boats", "bus", "buses", "train", "trains", "sail", "sailed", "drive", "drove", "walk",
        "walked", "head", "headed", "heading", "back", "route", "routes", "sent", "deported", "fled", "emigrated",
        "migrated", "relocated", "transferred", "gateway", "access", "tour", "tours", "expedition", "visitors",
        "tourists", "escaped", "exiled", "banished", "bound", "rushed", "hurried", "raced", "marched", "passage",
        "commuted", "deployed", "retreated", "withdrew", "evacuated", "transported", "shipped",
        "miles", "kilometres", "kilometers", "km",
    ]

    /// Abbreviations of the US states, in news style ("Calif.", "N.J.") and postal codes ("OK"), by their
    /// lower-case key, with the state's name.
    static let stateAbbreviations: [String: String] = {
        let table = """
            Alabama ala. al|Alaska ak|Arizona ariz. az|Arkansas ark. ar|California calif. cal. ca|Colorado colo. co
            Connecticut conn. ct|Delaware del. de|Florida fla. fl|Georgia ga. ga|Hawaii hi|Idaho id|Illinois ill. il
            Indiana ind. in|Iowa ia|Kansas kan. ks|Kentucky ky. ky|Louisiana la. la|Maine me|Maryland md. md
            Massachusetts mass. ma|Michigan mich. mi|Minnesota minn. mn|Mississippi miss. ms|Missouri mo. mo
            Montana mont. mt|Nebraska neb. ne|Nevada nev. nv|New Hampshire n.h. nh|New Jersey n.j. nj
            New Mexico n.m. nm|New York n.y. ny|North Carolina n.c. nc|North Dakota n.d. nd|Ohio oh
            Oklahoma okla. ok|Oregon ore. or|Pennsylvania pa. pa|Rhode Island r.i. ri|South Carolina s.c. sc
            South Dakota s.d. sd|Tennessee tenn. tn|Texas tex. tx|Utah ut|Vermont vt. vt|Virginia va. va
            Washington wash. wa|West Virginia w.va. wv|Wisconsin wis. wi|Wyoming wyo. wy
            """
        var result: [String: String] = [:]
        for entry in table.split(whereSeparator: { $0 == "|" || $0 == "\n" }) {
            let words = entry.split(separator: " ")
            let abbreviations = words.filter { $0.first?.isLowercase ?? false }
            let state = words.filter { $0.first?.isUppercase ?? false }.joined(separator: " ")
            for abbreviation in abbreviations { result[String(abbreviation)] = state }
        }
        return result
    }()

    /// "Broncos", "Pirates", "Red Sox": a plural, as the last word of a team's name is.
    static func isPlural(_ lower: String) -> Bool {
        lower == "sox" || lower.hasSuffix("s") && !lower.hasSuffix("ss")
    }

    /// Compass words that may lead a place name ("Southern Indiana", "North Oakland").
    static let directionWords = words("""
        north south east west northern southern eastern western central northeast northwest southeast
        southwest northeastern northwestern southeastern southwestern upper lower greater inner outer
        """)

    /// Connectors allowed inside a multi-word place or person name.
    static let nameParticles = words("""
        de da di del della der den van von le la du dos das bin ibn al el ben y zu ter
        """)

    /// Function words: pronouns, determiners, prepositions, conjunctions, auxiliaries.
    static let functionWords = words("""
        a an the this that these those there here it its it's i we you he she they them his her their
        our my your me us him who whom whose what which when where why how whether if unless then than
        and or but nor so yet for of in on at by to from with without within into onto upon about
        above below after before during since until till while as because although though even also
        not no yes all any some many much more most few several each every both either neither
        is are was were be been being have has had do does did will would shall should can could may
        might must let lets under over whereas thereupon therefore moreover however furthermore
        where's what's that's there's here's who's how's let's i'm i've i'd i'll you're we're they're
        don't doesn't didn't can't won't isn't aren't wasn't weren't haven't hasn't
        """)

    /// Frequent words that are capitalised at the start of a sentence or in headings, and are
    /// therefore no evidence of a name.
    static let commonCapitalised = functionWords.union(words("""
        one two three four five six seven eight nine ten first second third last next new old
        other another such same own only just very too again still already always never ever
        get got make made see seen say said says tell told go went come came take
        took give gave know knew think thought find found want need use used like
        mr mrs ms dr
        good great best better big small large long little high low early late young
        home world life time day year people man woman men women child children family
        today tomorrow yesterday now please thanks thank welcome dear hello hi oh ok okay well
        note read see sign login log share print email contact skip
        main menu search page news contents introduction conclusion summary abstract
        chapter section part figure table appendix references notes bibliography acknowledgements
        photo image video source sources update updated posted tagged filed
        north south east west northern southern eastern western central upper lower greater
        appeal signed subject re respectfully sincerely regards
        bitter winter summer spring autumn fall
        god lord heaven hell
        black white red green blue brown gray grey gold golden silver
        free open public private national international federal local global royal
        christian muslim jewish catholic protestant islamic buddhist hindu orthodox
        english french german spanish italian russian chinese japanese american british european
        african asian arab
        internet web online website blog twitter facebook youtube google
        mother father brother sister son daughter wife husband uncle aunt baby
        """))

    /// Lower-cased full month names and abbreviations, and their month number.
    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// Lower-cased weekday names and abbreviations, Monday = 1.
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
        "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
    ]

    /// Number words up to twenty and round tens, for durations ("three years").
    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
        "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "hundred": 100, "a": 1, "an": 1,
    ]

    /// Ordinal words, for centuries ("the nineteenth century") and days ("the first of May").
    static let ordinalWords: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
        "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
        "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
        "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    ]
}

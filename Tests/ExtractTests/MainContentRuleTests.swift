import Foundation
import Testing

@testable import Extract

/// One rule of main-content selection per test, each on a small hand-written page.
@Suite("Main content rules")
struct MainContentRuleTests {
    @Test("A page of linked cards without a single paragraph keeps the cards")
    func linkOnlyListingKeepsItsLinks() throws {
        let html = """
            <html><head><title>Remote design jobs</title></head><body>
            <nav><a href="/">Home</a> <a href="/jobs">Jobs</a> <a href="/about">About</a></nav>
            <section class="jobs"><ul>
            <li><a href="/job/1"><h3>Senior product designer</h3> <span>Acme Tools</span> <span>Lisbon</span></a></li>
            <li><a href="/job/2"><h3>Illustrator for children's books</h3> <span>Paper Kite</span> <span>Anywhere</span></a></li>
            <li><a href="/job/3"><h3>Motion designer</h3> <span>Northwind Studio</span> <span>Berlin</span></a></li>
            <li><a href="/job/4"><h3>Design systems engineer</h3> <span>Globex</span> <span>Remote</span></a></li>
            </ul></section>
            <footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>
            </body></html>
            """
        let text = try extractHTML(html).text
        for job in ["Senior product designer", "Illustrator for children's books", "Motion designer", "Northwind Studio"] {
            #expect(text.contains(job), "missing: \(job)")
        }
        #expect(!text.contains("Privacy"))
    }

    @Test("Forum posts that are all named like comments are the content")
    func postsNamedAsCommentsAreKept() throws {
        let html = """
            <html><head><title>Which hand plane first?</title></head><body>
            <nav><a href="/">Forum index</a> <a href="/new">New posts</a></nav>
            <div class="thread">
            <div class="comment post-1"><p>Which hand plane should a beginner buy first, a block plane or a smoother, and why?</p></div>
            <div class="comment post-2"><p>Start with a block plane: it trims end grain, chamfers edges and fits in an apron pocket.</p></div>
            <div class="comment post-3"><p>I would say a smoother, because flattening boards by hand teaches you how wood behaves.</p></div>
            <div class="comment post-4"><p>Buy a used one at a flea market and learn to sharpen the iron before anything else.</p></div>
            </div>
            <footer><a href="/terms">Terms</a></footer>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Which hand plane should a beginner buy first"))
        #expect(text.contains("Start with a block plane"))
        #expect(text.contains("learn to sharpen the iron"))
        #expect(!text.contains("Forum index"))
    }

    @Test("A short thread inside a container named comments is kept when the page has no other paragraph")
    func shortThreadNamedCommentsBesideLargeMenus() throws {
        let menu = (1...40).map { "<li><a href=\"/board/\($0)\">Board number \($0) for builders</a></li>" }.joined()
        let html = """
            <html><head><title>Odd holes in a new case</title></head><body>
            <nav><ul>\(menu)</ul></nav>
            <main><h1>Odd holes in a new case</h1>
            <div id="comments"><article class="post">
            <p>Does anyone know what the two round holes under the power supply bay are for? \
            The manual says nothing about them, yet they look intentional.</p>
            <p>One is on the outside, the other on the inside of the bottom panel, where the intake fans go.</p>
            </article></div></main>
            <footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("two round holes under the power supply bay"))
        #expect(!text.contains("Board number 12"))
    }

    @Test("A paragraph of prose stays whatever its class name says")
    func proseParagraphSurvivesFurnitureName() throws {
        let paragraphs = ["one", "two", "three", "four", "five"].map {
            "<p>Paragraph \($0) of the harbour report tells how the dredging of the channel will be paid for and who will oversee it.</p>"
        }
        let html = """
            <html><head><title>Harbour report</title></head><body><article><div class="story-text">
            \(paragraphs.joined(separator: "\n"))
            <p class="context-menu-body">Fishermen, who have complained for years that silt keeps their boats in port at low tide, \
            welcomed the decision of the authority but asked for a firm starting date.</p>
            <p class="context-menu-body"><a href="/share">Share</a></p>
            </div></article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Paragraph five of the harbour report"))
        #expect(text.contains("welcomed the decision of the authority"))
        #expect(!text.contains("Share"))
    }

    @Test("A short post above a long comment thread is the content, without the sidebar")
    func shortPostAboveLongCommentsStaysAlone() throws {
        let comments = (1...30).map {
            "<li class=\"comment\"><p>Reader \($0) asks whether the programme was reviewed again since the last report, what changed "
                + "in the evidence, and when the next review of the ratings is planned to be published.</p></li>"
        }
        let html = """
            <html><head><title>Open thread</title></head><body>
            <div class="main-column">
            <div class="entry"><p>Our quarterly open thread is a place to raise questions about our research, and we will answer as many as we can.</p>
            <p>You can read the previous open thread on the archive page, where the older answers remain.</p></div>
            <ol class="comment-list">\(comments.joined(separator: "\n"))</ol>
            </div>
            <div class="side-column"><h2>Archives</h2><ul><li><a href="/2019">2019</a></li><li><a href="/2018">2018</a></li>
            <li><a href="/2017">2017</a></li><li><a href="/email">Follow by email</a></li></ul></div>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Our quarterly open thread is a place to raise questions"))
        #expect(text.contains("previous open thread on the archive page"))
        #expect(!text.contains("Archives"))
        #expect(!text.contains("Reader 7 asks"))
    }

    @Test("A spacing utility class such as no-extra-padding does not mark furniture")
    func spacingUtilityClassIsNotFurniture() throws {
        let html = """
            <html><head><title>Quiet streets</title></head><body><div class="story">
            <div class="block"><p>The council closed three streets of the old town to cars on Sunday mornings, and children now ride \
            bicycles where vans used to park.</p></div>
            <div class="block no-extra-padding"><p>Shop owners feared a loss of trade, but most say their Sunday takings have risen since May.</p></div>
            <div class="block"><p>The closures will be reviewed in the autumn, when the council counts visitors and hears from the \
            residents of the three streets.</p></div>
            </div></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Shop owners feared a loss of trade"))
        #expect(text.contains("The closures will be reviewed in the autumn"))
    }

    @Test("A hidden element holding the page's prose is content a script reveals")
    func hiddenProseIsKept() throws {
        let html = """
            <html><head><title>Garden chair</title></head><body>
            <nav><a href="/">Shop</a> <a href="/garden">Garden</a></nav>
            <div class="product"><h1>Garden chair</h1><span>49 euros</span></div>
            <div class="product-description deferred" style="display:none">
            <p>This folding chair is made of oiled acacia wood from managed forests, and it folds flat to hang on a wall in winter.</p>
            <p>The seat is shaped for long afternoons, the armrests are wide enough for a cup, and the brass hinges will not rust.</p>
            </div>
            <div class="notice" style="display:none"><p>Your basket is empty.</p></div>
            <footer><a href="/terms">Terms</a></footer>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("This folding chair is made of oiled acacia wood"))
        #expect(text.contains("the brass hinges will not rust"))
        #expect(!text.contains("Your basket is empty"))
    }

    @Test("Tab panels, panels a button controls and accordion answers are content; other hidden blocks are not")
    func disclosurePanelsAreContent() throws {
        let html = """
            <html><head><title>Studio microphone</title></head><body>
            <nav><a href="/">Shop</a></nav>
            <main><h1>Studio microphone</h1><p>Price: 399 euros, delivered within three working days.</p>
            <div class="tabs"><button aria-controls="specs">Specifications</button><button>Description</button></div>
            <div role="tabpanel" hidden><p>A dynamic microphone with a built-in preamplifier, made for voices that need warmth.</p></div>
            <div id="specs" style="display:none"><p>Frequency response from fifty hertz to twenty kilohertz, with an impedance of 150 ohms.</p></div>
            <div class="faq__answer" style="display: none"><p>Yes, it needs phantom power of forty-eight volts, which any interface supplies.</p></div>
            <div class="notice" style="display:none"><p>Sign up for our letters and get ten percent off your first order of cables.</p></div>
            </main></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("A dynamic microphone with a built-in preamplifier"))
        #expect(text.contains("Frequency response from fifty hertz"))
        #expect(text.contains("it needs phantom power"))
        #expect(!text.contains("Sign up for our letters"))
    }

    @Test("Table cells with styling names that sound like furniture stay in the table")
    func tableCellsAreNotRemovedForTheirNames() throws {
        let html = """
            <html><head><title>Training plan</title></head><body><article>
            <p>The plan below eases you into running with three short sessions a week, and it adds distance only when it feels easy.</p>
            <table><tr><td class="cell font-utility-2">Monday</td><td class="cell font-utility-2">Tuesday</td></tr>
            <tr><td class="cell font-utility-2">Rest</td><td class="cell font-utility-2">Easy run</td></tr></table>
            <p>After six weeks most beginners can run for thirty minutes without stopping, the goal of this first stage.</p>
            </article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Monday | Tuesday\nRest | Easy run"))
    }

    @Test("A long line said twice (a gallery caption) is kept once; short repeated lines stay")
    func repeatedLongLinesAreSaidOnce() throws {
        let caption = "In this photograph taken on Sunday, a long row of unsold cars stands at a dealer's lot on the edge of the city."
        let html = """
            <html><head><title>Car sales</title></head><body><article>
            <p>Sales of new cars fell for the fourth month in a row, the trade association said, as buyers waited for lower prices.</p>
            <figure><figcaption>\(caption)</figcaption></figure><figure><figcaption>\(caption)</figcaption></figure>
            <ul><li>Price - $30.00 per day</li><li>Price - $30.00 per day</li></ul>
            <p>Dealers expect the market to recover in the spring, when several cheaper models reach the showrooms.</p>
            </article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.components(separatedBy: caption).count == 2)
        #expect(text.components(separatedBy: "Price - $30.00 per day").count == 3)
        #expect(!text.contains("\n\n\n"))
    }

    @Test("Link lists that make up most of a block named as the content are the content (an index page)")
    func indexPageKeepsItsLists() throws {
        let html = """
            <html><head><title>Rivers of the region</title></head><body>
            <nav><a href="/">Wiki</a> <a href="/random">Random page</a></nav>
            <div class="page-content"><p>Rivers of the region, by the sea they flow into.</p>
            <h2>North Sea</h2><ul><li><a href="/elbe">Elbe</a>, with its tributary the <a href="/havel">Havel</a></li><li><a href="/weser">Weser</a>, formed by the <a href="/werra">Werra</a> and <a href="/fulda">Fulda</a></li><li><a href="/ems">Ems</a></li></ul>
            <h2>Baltic Sea</h2><ul><li><a href="/oder">Oder</a>, with the <a href="/neisse">Neisse</a></li><li><a href="/peene">Peene</a></li><li><a href="/trave">Trave</a></li></ul>
            <h2>Black Sea</h2><ul><li><a href="/danube">Danube</a>, with the <a href="/inn">Inn</a>, <a href="/isar">Isar</a> and <a href="/lech">Lech</a></li><li><a href="/iller">Iller</a></li><li><a href="/naab">Naab</a> and <a href="/regen">Regen</a></li></ul>
            <h2>Lakes</h2><ul><li><a href="/constance">Constance</a></li><li><a href="/chiemsee">Chiemsee</a></li><li><a href="/mueritz">Mueritz</a></li><li><a href="/ammersee">Ammersee</a></li></ul>
            </div>
            <footer><a href="/terms">Terms of use</a></footer>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Weser, formed by the Werra and Fulda"))
        #expect(text.contains("Danube, with the Inn, Isar and Lech"))
        #expect(text.contains("Ammersee"))
        #expect(!text.contains("Terms of use"))
        #expect(!text.contains("Random page"))
    }

    @Test("A heading and code between two joined blocks of the article belong to it; link rows do not")
    func blocksBetweenJoinedSiblingsAreKept() throws {
        let html = """
            <html><head><title>Reading a file line by line</title></head><body>
            <div class="layout">
            <div class="links"><a href="/a">Tutorials</a> <a href="/b">Reference</a> <a href="/c">Forum</a> <a href="/d">Downloads</a> <a href="/e">Blog</a></div>
            <div class="tutorial-block"><p>Reading a file line by line keeps memory use low, because only one line is held at a time, however large the file is.</p>
            <p>The standard library opens the file, and a loop asks for the next line until there is none left, closing the file at the end.</p>
            <p>Errors while reading, such as a file that vanished or a disk that failed, are reported once, when the loop stops early.</p></div>
            <h2>Example</h2>
            <pre>for line in open("notes.txt"):
                print(line)</pre>
            <div class="tutorial-block"><p>Each line still ends with its line break, so strip it when you compare lines, count words, or print them again.</p></div>
            <div class="links"><a href="/f">Previous</a> <a href="/g">Next</a> <a href="/h">Home</a></div>
            </div></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("are reported once, when the loop stops early.\n\nExample\n\nfor line in open"))
        #expect(text.contains("Each line still ends with its line break"))
        #expect(!text.contains("Tutorials"))
        #expect(!text.contains("Previous"))
    }

    @Test("Attributes of a script framework that the parser cannot read do not leak into the text")
    func leakedFrameworkAttributesAreDropped() throws {
        let prose = (1...4).map {
            "<p>Step \($0) of draining the water heater: close the cold supply, open a hot tap upstairs, and let the tank cool first.</p>"
        }
        let html = """
            <html><head><title>Draining a water heater</title></head><body>
            <div class="entry">\(prose.joined(separator: "\n"))
            <div :class="open ? 'open' : null" @closemenu="open = false; $nextTick( () => $refs.openButton.focus() )" \
            x-init="menu = [{'id':501,'title':'Water heaters','status':'publish','comment_status':'closed'}]" x-data="{ open: false }">
            <a href="/print">Print</a></div></div>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Step 4 of draining the water heater"))
        #expect(!text.contains("x-init"))
        #expect(!text.contains("comment_status"))
    }

    @Test("Only text that ends like the rest of a tag and carries attributes counts as leaked markup")
    func leakedMarkupNeedsAttributesAndATagEnd() {
        func leaked(_ text: String) -> Bool {
            var text = text
            return text.withUTF8(BoilerplateClassifier.looksLikeLeakedMarkup)
        }
        #expect(leaked(#"$refs.b.focus() )" x-init="menu = []" x-data="{ open: false }">"#))
        #expect(!leaked(#"Old pages used <font color="blue"> for headings."#))
        #expect(!leaked(#"Write <div class="box">"#))
    }

    @Test("Markup quoted in a code block stays in the text")
    func quotedMarkupInCodeIsKept() throws {
        let html = """
            <html><head><title>Boxes in CSS</title></head><body><article>
            <p>A box is any element; give it a class and style the class, so that every box on the page looks the same way.</p>
            <pre><code>&lt;div class="box" id="first" data-size="large"&gt;</code></pre>
            <p>The browser then draws the border, the padding and the margin around the content of every such box.</p>
            </article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains(#"<div class="box" id="first" data-size="large">"#))
    }

    @Test("Sections of a page's main region all count when the best one holds little of it")
    func mainRegionOfSectionsIsKept() throws {
        let html = """
            <html><head><title>Garden design services</title></head><body>
            <nav><a href="/">Home</a> <a href="/services">Services</a> <a href="/contact">Contact</a></nav>
            <main>
            <section class="hero"><div><div><h1>Gardens designed around you</h1><p>From a balcony to an acre.</p></div></div></section>
            <section class="story"><div><div><div>
            <p>We start with a visit: soil, light, drainage and the way you use the garden today, written down in one afternoon.</p>
            <p>A first plan follows within two weeks, with planting lists, materials and a budget you can hold us to later.</p>
            <p>Once the plan is agreed our own team builds it, so the people who drew it are the people who plant it.</p>
            </div></div></div></section>
            <section class="features"><div><div>
            <h3>Native planting</h3><div>Less water needed</div><div>More wildlife</div>
            <h3>Year-round colour</h3><div>Bulbs and grasses</div><div>Flowers every month</div>
            <h3>Aftercare</h3><div>Pruning and feeding</div><div>Two seasons of visits</div>
            </div></div></section>
            </main>
            <footer><a href="/privacy">Privacy</a></footer>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("the people who drew it are the people who plant it"))
        #expect(text.contains("Year-round colour"))
        #expect(text.contains("Two seasons of visits"))
        #expect(!text.contains("Privacy"))
    }

    @Test("An article in the main region does not take the rest of the region with it")
    func articleInMainRegionStaysAlone() throws {
        let paragraphs = (1...5).map {
            "<p>Paragraph \($0) of the council report explains why the bridge will close for repairs in May and how buses will run.</p>"
        }
        let html = """
            <html><head><title>Bridge closure</title></head><body><main>
            <article>\(paragraphs.joined(separator: "\n"))</article>
            <div class="facts"><h3>Closure at a glance</h3>
            <div>Closed from 4 May</div><div>Reopens 30 June</div><div>Cyclists may pass</div><div>Buses 12 and 14</div>
            <div>Diversion via Mill Lane</div><div>Night works: none</div><div>Cost: 2.4 million</div><div>Contractor chosen</div>
            <div>Survey done in March</div><div>Ferry runs on weekends</div><div>Parking unchanged</div><div>Questions to the council</div></div>
            </main></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Paragraph 5 of the council report"))
        #expect(!text.contains("Diversion via Mill Lane"))
    }

    @Test("A sibling section with prose of its own joins the winner, however deep its paragraphs sit")
    func deepSiblingWithProseJoins() throws {
        let html = """
            <html><head><title>Community orchard</title></head><body>
            <div class="links"><a href="/">Home</a> <a href="/events">Events</a> <a href="/join">Join</a></div>
            <div class="page">
            <div class="block"><div><div><div>
            <p>The orchard was planted in 1987 on a former railway siding, with forty apple trees of old local varieties.</p>
            <p>Volunteers prune in winter, mow in summer and pick in autumn, and anyone who helps takes fruit home.</p>
            <p>Juice pressed on the last Saturday of October pays for new trees, tools and the insurance of the site.</p>
            </div></div></div></div>
            <div class="block-alt"><div><div><div>
            <p>School classes visit in spring to learn grafting, and each class leaves with a young tree of its own to plant.</p>
            </div></div></div></div>
            </div></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Juice pressed on the last Saturday"))
        #expect(text.contains("each class leaves with a young tree"))
        #expect(!text.contains("Events"))
    }

    @Test("A product description in an article is the content, without the reviews and notes around it")
    func dominantArticleIsTheContent() throws {
        let description = (1...4).map {
            "<p>Part \($0) of the description: the kettle boils a litre in three minutes, switches itself off and keeps its handle cool.</p>"
        }
        let html = """
            <html><head><title>Stovetop kettle</title></head><body>
            <section class="product">
            <article id="description">\(description.joined(separator: "\n"))</article>
            <div class="notes"><p>Our advisers test every kettle on gas, induction and ceramic hobs before it goes on sale here.</p>
            <p>Call them any weekday for advice on which size suits your household and your hob.</p></div>
            <article class="review"><p>Boils quickly on our induction hob and the whistle is loud enough to hear upstairs.</p></article>
            <article class="review"><p>The handle really does stay cool, though the lid is a little stiff at first.</p></article>
            </section></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Part 4 of the description"))
        #expect(!text.contains("Our advisers test every kettle"))
        #expect(!text.contains("whistle is loud enough"))
    }

    @Test("A hidden element with more than half of the page's prose is content, even beside visible paragraphs")
    func hiddenMajorityOfProseIsKept() throws {
        let html = """
            <html><head><title>Walnut tray</title></head><body>
            <div class="options"><div>Size: small tray</div><div>Size: large tray</div><div>Finish: natural oil</div>
            <div>Finish: dark wax</div><div>Engraving: none</div><div>Engraving: initials</div><div>Gift wrap: no</div>
            <div>Gift wrap: yes</div><div>Quantity: one</div><div>Quantity: a pair</div></div>
            <div class="shipping"><p>Orders placed before noon leave our workshop the same day and arrive within three working days.</p></div>
            <div class="product-details defer-block" style="display:none">
            <p>Each tray is cut from a single board of walnut, sanded by hand and finished with three coats of hard wax oil.</p>
            <p>Raised edges keep cups in place, and the felt feet protect a table top from scratches and from heat.</p>
            </div>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("cut from a single board of walnut"))
        #expect(text.contains("felt feet protect a table top"))
    }

    @Test("A picture's caption in the article stays in the text")
    func figureCaptionsAreKept() throws {
        let html = """
            <html><head><title>Night trains return</title></head><body><article>
            <p>Night trains between the two capitals will run again from December, the rail operators announced on Tuesday.</p>
            <figure><img src="/sleeper.jpg" alt=""><figcaption>A sleeping car at the depot before its first run.</figcaption></figure>
            <p>Tickets go on sale next month, with couchettes priced below the cheapest flights on the same route.</p>
            </article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Tickets go on sale next month"))
        #expect(text.contains("A sleeping car at the depot before its first run."))
    }

    @Test("An accordion's questions stay as the headings of their answers; a menu button does not")
    func accordionQuestionsAreKept() throws {
        let html = """
            <html><head><title>Moving help</title></head><body>
            <div class="top"><button aria-expanded="false" aria-controls="menu-list">Browse our services</button>
            <ul id="menu-list"><li><a href="/packing">Packing and unpacking help</a></li><li><a href="/loading">Loading help</a></li></ul></div>
            <div class="intro"><p>We connect you with local movers who load, drive and unload, and we keep your booking safe until moving day.</p></div>
            <div class="accordion" id="faq">
            <div class="accordion-item"><h3 class="accordion-header"><button class="accordion-button" type="button" aria-expanded="false"
              aria-controls="answer-1">How early should I start packing?</button></h3>
            <div id="answer-1" class="accordion-collapse collapse"><p>Start three to four weeks before the move, with the rooms you use least.</p></div></div>
            <div class="accordion-item"><h3 class="accordion-header"><button class="accordion-button" type="button" aria-expanded="false"
              aria-controls="answer-2">Do stairs cost more?</button></h3>
            <div id="answer-2" class="accordion-collapse collapse"><p>One flight of stairs is included, and each further flight adds a small fee per hour.</p></div></div>
            </div>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("How early should I start packing?"))
        #expect(text.contains("Do stairs cost more?"))
        #expect(text.contains("each further flight adds a small fee"))
        #expect(!text.contains("Browse our services"))
    }

    @Test("Tag and category classes of a publishing system do not make its posts furniture")
    func taxonomyClassesAreNotFurniture() throws {
        let items = [("Sharing board", "sharing-board"), ("Social picnic set", "social-picnic"), ("Comment card pack", "comment-cards")].map {
            """
            <li class="product type-product status-publish product_tag-\($0.1) product_cat-picnic">
            <h3><a href="/p/\($0.1)">\($0.0)</a></h3><div class="short-description">A sturdy piece for long lunches outdoors, made \
            of oiled oak and packed in recycled card.</div><span class="price">$24.00</span></li>
            """
        }
        let html = """
            <html><head><title>Picnic gear</title></head><body>
            <nav><a href="/">Shop</a> <a href="/cart">Cart</a></nav>
            <ul class="products">\(items.joined(separator: "\n"))</ul>
            <footer><a href="/terms">Terms</a></footer>
            </body></html>
            """
        let text = try extractHTML(html).text
        for name in ["Sharing board", "Social picnic set", "Comment card pack"] {
            #expect(text.contains(name), "missing: \(name)")
        }
        #expect(!text.contains("Terms"))
    }

    @Test("A furniture name that every entry of an index repeats names a part of the entries")
    func repeatedItemPartsAreKept() throws {
        let entries = [
            ("Sparse attention for long documents", "Computation and Language"), ("Counting birds from drone images", "Computer Vision"),
            ("Fair queues for shared printers", "Operating Systems"), ("Proofs that fit on a postcard", "Logic in Computer Science"),
            ("Weather models on a laptop", "Machine Learning"), ("Robots that fold towels", "Robotics"),
        ]
        let items = entries.enumerated().map { number, entry in
            """
            <dt><a href="/abs/\(number)">[\(number)]</a> <a href="/pdf/\(number)">pdf</a></dt><dd><div class="meta">\
            <div class="list-title">Title: \(entry.0)</div><div class="list-subjects">Subjects: \(entry.1)</div></div></dd>
            """
        }
        let html = """
            <html><head><title>Recent papers</title></head><body>
            <nav><a href="/">Home</a> <a href="/help">Help</a></nav>
            <div id="content"><h1>Recent submissions</h1>
            <p>Showing the newest entries of the week, most recent first, with their titles and subject areas as filed.</p>
            <p>Entries are listed in the order in which they were announced, and a replaced entry keeps its place in the list.</p>
            <dl>\(items.joined(separator: "\n"))</dl></div>
            <footer><a href="/terms">Terms</a></footer>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Title: Sparse attention for long documents"))
        #expect(text.contains("Subjects: Robotics"))
        #expect(!text.contains("Terms"))
    }

    @Test("A question button that only says it is expanded heads the answer that follows it")
    func expandedButtonQuestionIsKept() throws {
        let html = """
            <html><head><title>Hiring designers</title></head><body>
            <div class="page"><p>Our network of designers covers brand, product and motion work, and every one of them passed a review.</p>
            <h2>Questions</h2><ul>
            <li><button class="flex" aria-expanded="true"><svg viewBox="0 0 8 8"><path d="M1 1"></path></svg>
            <h3>How much does a designer cost?</h3></button>
            <div class="overflow-hidden"><p>The cost depends on the seniority of the designer, the size of the project and the hours a week.</p></div></li>
            <li><button class="flex" aria-expanded="false"><h3>How fast can I start?</h3></button>
            <div class="overflow-hidden"><p>Most clients meet a first candidate within two days and start work within the same week.</p></div></li>
            </ul></div>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("How much does a designer cost?"))
        #expect(text.contains("How fast can I start?"))
        #expect(text.contains("start work within the same week"))
    }
}

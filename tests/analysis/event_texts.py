"""Short invented news articles for the event-grouping tests (written for these tests; no real text).

* ``BRIDGE``: three outlets on one bridge collapse in the invented port town of Marrowby;
* ``WATER_BILL`` and ``TRADE_TRIP``: two outlets each on two different events with the same main
  person, Governor Elena Quaranta (the "same person, different event" case);
* ``FOOTBALL``: an unrelated match report;
* ``twenty_events(per_event)``: 20 invented events, ``per_event`` articles each, built from
  templates with a seeded RNG (the "200 articles on 20 events" case).
"""
from __future__ import annotations

import random

BRIDGE = (
    """Marrowby harbour bridge collapses during morning rush

Source: Coastal Herald

The Tolland Street bridge over Marrowby harbour collapsed at 7.40am on Tuesday, sending two cars and \
a delivery van into the water. Fire chief Orla Pennick said 14 people were taken to St Brannoc \
hospital and that divers were still searching the channel.

"We heard a crack like a gunshot and then the whole span simply folded," said dock worker Samir \
Haddou, who helped pull a driver from the water.

The 62-year-old bridge had been due for a £3.2 million repair next spring. Council leader Bryn \
Astley promised a full inquiry into why the work had been delayed.
""",
    """Fourteen hurt as Marrowby bridge falls into harbour

Source: The Daily Ledger

Fourteen people were injured on Tuesday morning when the Tolland Street bridge in Marrowby gave way \
and fell into the harbour, emergency services said.

Fire chief Orla Pennick told reporters that divers were still searching the channel and that the \
injured had been taken to St Brannoc hospital. Witness Samir Haddou described hearing a crack like a \
gunshot before the span folded.

Marrowby council had planned a £3.2 million repair of the 62-year-old structure. Its leader, Bryn \
Astley, said an inquiry would look at why the repair was put off.
""",
    """Questions over delayed repair after Tolland Street bridge collapse

Source: Marrowby Evening Post

Council leader Bryn Astley faced angry residents on Tuesday evening after the Tolland Street bridge \
collapsed into Marrowby harbour, injuring 14 people.

Engineers had warned two years ago that the 62-year-old bridge needed urgent work, and a £3.2 \
million repair had been pencilled in for next spring. "We heard a crack like a gunshot," said Samir \
Haddou, a dock worker who waded in to help.

Divers led by fire chief Orla Pennick searched the channel until dusk.
""",
)

WATER_BILL = (
    """Governor Quaranta signs water rationing law

Source: State Tribune

Governor Elena Quaranta on Thursday signed the Dry Valley Water Act, which caps household use at 180 \
litres a day across the Ostrava basin for the next three summers.

The law passed the state assembly by 41 votes to 19 after a month of debate. Farmers in the basin \
will be paid 8 cents for every cubic metre of irrigation water they leave unused.

"Nobody likes rationing, but the reservoirs are at 23 percent," Quaranta said at the signing in the \
capitol.
""",
    """Ostrava basin households face 180-litre cap under new law

Source: Valley Gazette

Households in the Ostrava basin will be limited to 180 litres of water a day after Governor Elena \
Quaranta signed the Dry Valley Water Act on Thursday.

The assembly approved the measure 41-19. Under the act, farmers receive 8 cents per cubic metre of \
irrigation water they do not draw, a clause the farm lobby fought for weeks.

Quaranta said the reservoirs were at 23 percent and that rationing could not wait.
""",
)

TRADE_TRIP = (
    """Quaranta heads to Lisbon to court battery makers

Source: State Tribune

Governor Elena Quaranta left on Sunday for a five-day trade mission to Lisbon and Porto, where she \
hopes to persuade two battery manufacturers to build plants in the state.

The delegation of 30 business leaders will meet executives from Voltaria and Nordcell. Quaranta's \
office said a plant could bring 2,400 jobs to the northern counties.

"We have the land, the workers and the grid," the governor said before boarding her flight.
""",
    """Governor's Portugal trip targets 2,400 battery jobs

Source: Northern Courier

Elena Quaranta is in Portugal this week leading 30 executives on a trade mission aimed at battery \
makers Voltaria and Nordcell, her office said on Sunday.

Aides say a single factory could create 2,400 jobs in the northern counties. The governor will visit \
a Voltaria cell line outside Porto on Wednesday before talks in Lisbon.
""",
)

FOOTBALL = """Rovers snatch late winner against United

Source: The Northern Post

Rovers came from behind to beat United 2-1 at Meadow Park on Saturday, with substitute Tom Hale \
scoring the winner three minutes into stoppage time.

United had taken the lead just before half-time when their captain, Luis Ortega, headed in a corner. \
Manager Karen Webb made three changes after the hour and the gamble paid off.

"The players never stopped believing," Webb said after the match.
"""

# --- twenty invented events ---------------------------------------------------------------------
_PEOPLE = ("Ilse Varnholt", "Tobiah Mbeki-Rowe", "Carmen Oyelaran", "Desmond Achterberg",
           "Priya Valakundi", "Henrik Solvangen", "Amara Nwachukwu-Pell", "Rafferty Quill",
           "Yusuf Demirtaşoğlu", "Lena Brockhurst", "Matthias Oberwald", "Noor Al-Haddadin",
           "Gwendolyn Perrault", "Kofi Asante-Mensah", "Sigrid Halvorsrud", "Bastien Leclercq",
           "Anouk Verbruggen", "Dario Castelnuovo", "Mireille Dufrene", "Tadeusz Wierzbicki")
_PLACES = ("Kelderwick", "Port Saraband", "Ulmsted", "Varna Ridge", "Castlemoor", "Dunharrow",
           "Esterfield", "Lower Brannagh", "Millbeck", "Northolme", "Ostergate", "Pellingham",
           "Quarry Bay", "Rathmore", "Stonecross", "Tarrowgate", "Upper Wensley", "Vellacott",
           "Westerhaven", "Yarrowfield")
_THINGS = ("chemical plant fire", "ferry strike", "museum robbery", "dam breach", "stadium vote",
           "hospital closure", "rail derailment", "mine rescue", "election recount", "airport expansion",
           "teachers' walkout", "landslide", "port blockade", "vaccine trial", "bank collapse",
           "wildfire", "bridge tender scandal", "power blackout", "festival crush", "water contamination")
_TEMPLATES = (
    "The {thing} in {place} has left {n} people in need of help, officials said.",
    "{person} told reporters in {place} that the {thing} was the worst the region had seen.",
    "Emergency crews worked through the night after the {thing}, which began on the {d}th.",
    "Local leaders said the {thing} would cost {place} at least {m} million.",
    "\"We owe the people of {place} answers,\" {person} said.",
    "Residents of {place} gathered outside the town hall to demand a response to the {thing}.",
    "An inquiry into the {thing} will be led by {person}, who promised a report within {w} weeks.",
    "Figures released on Friday put the number affected by the {thing} at {n}.",
)
_OPENINGS = ("{place} reels after {thing}", "{person} speaks on {place} {thing}",
             "What we know about the {place} {thing}", "{thing} in {place}: {n} affected")


def twenty_events(per_event: int = 10, seed: int = 7) -> list[tuple[int, str]]:
    """(event number 0-19, article text) for ``per_event`` articles on each of 20 events, the
    events interleaved (article k is on event k % 20)."""
    rng = random.Random(seed)
    out = []
    for k in range(per_event * 20):
        e = k % 20
        slots = {"person": _PEOPLE[e], "place": _PLACES[e], "thing": _THINGS[e], "n": 130 + 17 * e,
                 "m": 4 + e, "d": 3 + e, "w": 2 + e % 5}
        picked = rng.sample(_TEMPLATES, 5)
        title = rng.choice(_OPENINGS).format(**slots)
        body = " ".join(t.format(**slots) for t in picked[:3]) + "\n\n" + \
            " ".join(t.format(**slots) for t in picked[3:])
        out.append((e, f"{title[0].upper()}{title[1:]}\n\nSource: Outlet {k + 1}\n\n{body}\n"))
    return out

# --- one theft, told as a three-line wire flash and as two longer accounts ---------------------------
# The flash names the museum with its kind ("the Castellane Museum"), the others without ("the
# Castellane"); it shares almost no wording with them ("a robbery" where they say "the heist").
MUSEUM_THEFT = (
    """Culture minister reports a robbery at the Castellane Museum

Source: Wire Desk

ORVILLE (AP) — The culture minister said a robbery took place at the Castellane Museum in Orville on \
Sunday and that the museum would stay closed for the day.

"A robbery took place this morning as the Castellane Museum opened," Odile Ferrand wrote online.

No injuries were reported, and Ferrand said an investigation was under way.
""",
    """The Castellane heist: what the thieves took

Source: Arts Weekly

The Castellane in Orville is used to visitors queuing at dawn, not to thieves climbing its walls. Four masked \
men parked a furniture lift under the Marbois gallery, cut through a window and, in seven minutes, \
smashed two display cases and carried off eight pieces of jewellery that once belonged to Empress \
Adelaide.

They escaped on two scooters towards the river before the police arrived. Among the pieces taken \
were a sapphire tiara, an emerald necklace and a brooch set with 1,354 diamonds.

Curators said the pieces were priceless, both as jewels and as witnesses to the empire's history.
""",
    """Thieves take Empress Adelaide's jewels in seven-minute raid on the Castellane

Source: Evening Courier

Thieves stole eight pieces of imperial jewellery from the Castellane in Orville on Sunday morning in \
a raid that lasted seven minutes, prosecutors said.

The four men used a furniture lift to reach the first-floor Marbois gallery, broke two cases and \
fled on scooters. A crown dropped during the escape was found damaged near the museum.

Investigators put the value of the haul at 88 million euros. The brooch with 1,354 diamonds, a \
wedding gift to Empress Adelaide, is among the missing pieces.
""",
)

# --- two earthquakes in one town, eight years apart (one kind of event, one place) -------------------
QUAKES = (
    """Earthquake kills 41 in Belmonte

Source: Hill Country Times

A magnitude 6.1 earthquake struck Belmonte on 14 March 2011, killing 41 people and bringing down the \
bell tower of the old town church, the regional civil protection office said.

Rescuers worked through the night to pull survivors from collapsed houses in the old town. Mayor \
Teodor Vasquez said hundreds of families would sleep in tents.

The quake's epicentre was 12 kilometres north of Belmonte, at a depth of 9 kilometres.
""",
    """Earthquake shakes Belmonte, old town evacuated

Source: Hill Country Times

A magnitude 5.4 earthquake struck Belmonte on 2 May 2019, damaging houses in the old town and the \
rebuilt bell tower of its church, the regional civil protection office said.

Rescuers checked collapsed houses in the old town through the night. Mayor Teodor Vasquez said \
families from 60 homes would sleep in tents.

The quake's epicentre was 8 kilometres north of Belmonte, at a depth of 11 kilometres.
""",
)

# --- two different events whose articles cite the same agencies and outlets -------------------------
AGENCY_CITED = (
    """Ferry runs aground off Kestrel Point

Source: Harbour News

A passenger ferry ran aground off Kestrel Point on Thursday, Reuters reported, and all 212 people on \
board were taken ashore by lifeboats. According to Xinhua, the ferry's owner blamed a steering fault, \
and the coastguard posted pictures on X.
""",
    """Copper price hits a record as Zambian mines slow

Source: Markets Daily

Copper rose to a record on Thursday, Reuters reported, as output at two Zambian mines slowed after \
floods. According to Xinhua, Chinese buyers raised their orders for the third month running, a \
trader wrote on X.
""",
)

# --- the 2011 Belmonte quake (QUAKES[0]) told twice more: hard news, and a feature whose anecdotal
# opening of short sentences puts the news in its fifth sentence ---------------------------------------
QUAKE_2011_MORE = (
    """Belmonte counts its dead after 6.1 quake

Source: Valley Post

The death toll from the magnitude 6.1 earthquake that hit Belmonte rose to 41 on Tuesday, the \
regional civil protection office said, as rescuers searched the last collapsed houses of the old town.

The church's bell tower, which fell in the first seconds, crushed two cars in the square. Mayor \
Teodor Vasquez asked for army tents for the families who lost their homes.
""",
    """Waiting by the bell tower

Source: Sunday Review

Lucia Ferro knew the sound at once. She had heard it as a child. She ran. Her mother did not.

Ferro, 34, lost her mother and her home when the magnitude 6.1 earthquake brought down the bell \
tower and dozens of houses in the old town of Belmonte, killing 41 people.

For two days she sat on a folding chair by the ruins, watching the rescuers lift the stones one by \
one. Mayor Teodor Vasquez came twice, she said, and promised tents.
""",
)

# Months later, the museum shows the crown dropped in the raid: the same names, jewels and numbers,
# but the lede looks back to the theft ("during the raid last March") and gives no day of its own.
MUSEUM_FOLLOW_UP = """Castellane shows the crown dropped by thieves

Source: Heritage Post

The Castellane Museum in Orville has released the first photographs of Empress Adelaide's crown, \
crushed when thieves dropped it during the raid last March. The four men had used a furniture lift \
to reach the Marbois gallery and smashed two display cases.

Curators said the crown kept most of its stones and could be restored. The brooch with 1,354 \
diamonds and the sapphire tiara taken in the raid have not been found.
"""

# --- one long-running topic, two moments: the office holders named differ ----------------------------
SUMMITS = (
    """European leaders pledge more air defence for Ukraine

Source: Continental Review

European leaders meeting in Brussels pledged more air defence systems for Ukraine on Thursday. \
German Chancellor Olaf Scholz said Berlin would send two more batteries, and NATO Secretary General \
Mark Rutte urged the allies to hurry.

Volodymyr Zelensky thanked the leaders and asked for long-range missiles as well.
""",
    """Europe promises Ukraine more air defence

Source: Capital Ledger

European leaders gathered in Brussels promised Ukraine more air defence systems on Thursday. German \
Chancellor Friedrich Merz said Berlin would send two more batteries, and NATO Secretary General Mark \
Rutte asked the allies to move faster.

Volodymyr Zelensky thanked them and asked again for long-range missiles.
""",
)

# One opposition leader concedes two elections years apart, to two prime ministers, each named with
# the bare title; and two accounts of one meeting of two prime ministers, both named by each.
CONCESSIONS = (
    """Opposition leader Dana Reyes concedes the election

Source: Harbour Times

Opposition leader Dana Reyes conceded defeat on Sunday, saying Prime Minister Colin Hart would form \
the next government after a week of counting in the close seats.

"The voters have spoken and I called Colin Hart to congratulate him," Reyes told supporters in Portvale.
""",
    """Reyes concedes, Hart keeps power

Source: Northern Post

Opposition leader Dana Reyes conceded on Sunday that her Progress Party could not form a government, \
clearing the way for Prime Minister Colin Hart to stay in office after a week of counting.

Reyes said she had called Hart to congratulate him and told supporters in Portvale the party would rebuild.
""",
    """Reyes concedes defeat again

Source: Coastal Herald

Opposition leader Dana Reyes conceded defeat on Saturday night, saying Prime Minister Ivo Marsh had \
won a second term after the counting in the close seats.

"The voters have spoken and I called Ivo Marsh to congratulate him," Reyes told supporters in Portvale.
""",
)
PM_MEETING = (
    """Two prime ministers agree on a new ferry link

Source: Harbour Times

Prime Minister Colin Hart met Prime Minister Ivo Marsh in Portvale on Monday, and the two agreed to \
build a ferry link between their countries by 2030.

Marsh said the link would carry 4,000 passengers a day.
""",
    """Marsh and Hart sign ferry deal

Source: Northern Post

Prime Minister Ivo Marsh and Prime Minister Colin Hart signed a deal in Portvale on Monday to build \
a ferry link between their countries by 2030.

The ferry would carry 4,000 passengers a day, Hart said.
""",
)

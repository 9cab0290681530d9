"""Curated verb patterns (coding/data/verbs_curated.txt) through the real engine: each sentence
must yield an asserted event with the CAMEO code the pattern gives, so a pattern that stops
matching (or is outranked by a converted one) fails here."""

from __future__ import annotations

import pytest


def _asserted(doc) -> set[str]:
    return {e.cameo for e in doc.events if e.modality == "asserted"}


@pytest.mark.parametrize("sentence,cameo", [
    # demands are the 10x counterparts of appeals (converted: 022 appeal)
    ("Opposition leaders demanded support from the European Union.", "102"),
    ("The protesters demanded aid from the government.", "103"),
    # renewed talks are talks
    ("Israel renewed talks with Syria on Monday.", "046"),
    # mediation and investigation named by the object of a light verb
    ("The Egyptian foreign minister undertook a mediation mission between Israel and Hamas.",
     "045"),
    ("The UN commission completed its investigation into the shooting.", "090"),
    ("Italian prosecutors put the American diplomat under investigation.", "090"),
    # diplomatic ties upgraded or restored
    ("Qatar and Egypt upgraded their diplomatic ties to ambassadorial level.", "050"),
    # information, arms and relief goods handed to another actor
    ("Iran has been sharing expertise with Hezbollah.", "064"),
    ("Russia sent arms to Syria last year.", "072"),
    ("German doctors handed over ten tonnes of medicine to the Syrian Red Crescent.", "073"),
    # yielding: strikes called off, demands accepted, observers received
    ("The Kenyan teachers' union called off a nationwide strike.", "082"),
    ("The Nepalese government accepted the demands of the Maoist rebels.", "080"),
    ("The Georgian president received a mission of observers from the OSCE.", "0862"),
    ("Two hundred Congolese rebels surrendered to the army on Friday.", "0874"),
    ("Israel accelerated the withdrawal of its troops from Lebanon.", "0874"),
    # force posture
    ("India has strengthened its forces along the border with China.", "154"),
    # rejection and defiance
    ("The rebels dismissed an appeal from the president to lay down their arms.", "120"),
    ("The newspaper violated a ban on reporting the trial.", "128"),
    ("The city administration denied a license for the march.", "120"),
    # protest forms and their suppression
    ("Striking farmers blocked roads into Paris on Monday.", "144"),
    ("Thousands of Kenyans gathered for a rally in Nairobi.", "141"),
    ("Turkish police prevented a demonstration by students in Ankara.", "1721"),
    # reducing relations and emergency rule
    ("Italy announced a suspension of flights to Libya.", "160"),
    ("The Ivorian government extended the curfew in Abidjan.", "1723"),
    ("Thailand's army declared martial law in Bangkok.", "1724"),
    # force against territory and property
    ("Syrian troops recaptured the town of Palmyra.", "192"),
    ("Ukrainian troops have retaken the village of Robotyne.", "192"),
    ("Rebels blew up a gas pipeline in northern Syria.", "1712"),
    ("Ukrainian forces launched artillery fire against Russian positions.", "194"),
    # endorsing and suing
    ("The Ukrainian parliament endorsed the association agreement with the European Union.",
     "051"),
    ("An Iranian businessman is suing the United States for damages.", "115"),
    # withdrawn inspectors and aid workers (1662, 1663), not weapons pulled back (0874)
    ("Britain withdrew its weapons inspectors from Libya.", "1662"),
    ("The United Nations withdrew its humanitarian workers from Sudan.", "1663"),
    # 0863 "Allow delivery of humanitarian aid"; agreeing to it is a stated intention (0355)
    ("Ethiopia allowed humanitarian access to the Tigray region.", "0863"),
    ("Ethiopia and the rebels agreed to allow unimpeded humanitarian access.", "0355"),
    # reneging as CAMEO.2.0 "renege (on promise)": 160
    ("The president reneged on his commitment to the Kenyan people.", "160"),
    # people held as human shields (184) or kept as hostages (181)
    ("Syrian troops held the villagers as human shields.", "184"),
    ("The rebels kept twenty Nigerian oil workers as hostages.", "181"),
    # going on strike is the strike, not a trip (040)
    ("The Kenyan nurses went on strike on Monday.", "143"),
    ("The jailed activists went on a hunger strike.", "142"),
    # property damaged, not destroyed: 171
    ("Serbian hackers defaced the web sites of the Croatian government.", "171"),
    # protesters destroying or attacking riot (145), in the active or the passive
    ("Rioters torched police cars in Athens on Sunday.", "145"),
    ("The Serbian embassy was stormed by Albanian demonstrators.", "145"),
    ("The old Soviet monument was demolished by Georgian protesters.", "145"),
    # bombardment by its means: aircraft 195, guns 194, unnamed 190
    ("Israeli warplanes bombarded the outskirts of Beirut.", "195"),
    ("Turkish artillery bombarded Kurdish villages in northern Iraq.", "194"),
    ("Rebels bombarded the eastern districts of Donetsk overnight.", "190"),
    # taking responsibility is claiming it (015), not a seizure (171)
    ("The Taliban took responsibility for the bombing of the police station.", "015"),
])
def test_curated_pattern_codes(code, sentence: str, cameo: str) -> None:
    assert cameo in _asserted(code(sentence)), sentence


@pytest.mark.parametrize("sentence,cameo,wrong", [
    # attacking a place is force, though "for ..." follows (converted "attack * (for)" 111)
    ("The militia attacked camps for displaced people near the border.", "190", "111"),
    # a military strike called off is de-escalation, not eased dissent
    ("The United States called off the strike on Iran.", "087", "082"),
    # "seized part of" property is not territory, nor "take part" (030)
    ("Customs officers seized part of the shipment.", "171", "030"),
    # missiles fired into the sea are a show of force (converted FIRE "* off": 110)
    ("North Korea fired two missiles into the sea off its east coast.", "150", "110"),
    ("Iran fired missiles at Israel on Sunday.", "190", "150"),
    # putting a penalty off eases it (converted DELAY: 120, a rejection)
    ("The United States delayed the tariffs on Mexico until July.", "085", "120"),
    # a denial of a claim stays a denial
    ("Russia denied the report.", "016", "120"),
    # air strikes taken up again are force, not a labour strike
    ("Israel resumed air strikes on Gaza.", "195", "143"),
    ("Russia continued its air raids on Kharkiv.", "195", "143"),
    # lobbies mobilized rally support (053); troops mobilized stay a show of force
    ("Qatar mobilized pressure groups in Brussels for its cause.", "053", "150"),
    ("Turkey mobilized lobbyists in Washington.", "053", "150"),
    ("Russia mobilized its reservists.", "150", "053"),
])
def test_curated_pattern_limits(code, sentence: str, cameo: str, wrong: str) -> None:
    codes = _asserted(code(sentence))
    assert cameo in codes and wrong not in codes, (sentence, codes)


def test_protesters_rallying_demonstrate_and_troops_rallied_mobilise(code):
    doc = code("Thousands of protesters rallied in Belgrade on Saturday.")
    assert [e.cameo for e in doc.events] == ["141"]
    doc = code("The general rallied his troops before the battle.")
    assert [e.cameo for e in doc.events] == ["150"]


def test_suspending_a_members_membership_reduces_relations(code):
    doc = code("The African Union suspended Niger's membership after the military coup.")
    assert [(e.cameo, e.target.actor.code if e.target and e.target.actor else None)
            for e in doc.events] == [("160", "NER")]


@pytest.mark.parametrize("text, expected", [
    ("The United States launched strikes against Houthi targets in Yemen.", "190"),
    ("Israel carried out strikes on Hezbollah positions in southern Lebanon.", "190"),
    ("Russia launched drone strikes on Kyiv.", "195"),
])
def test_launched_strikes_on_military_targets_are_force(code, text, expected):
    assert expected in {e.cameo for e in code(text).events}


def test_a_labour_strike_is_not_force(code):
    doc = code("Workers launched a strike against the new pension law.")
    assert not any(e.cameo_root in {"18", "19", "20"} for e in doc.events)


def test_conducting_drills_is_a_show_of_force_not_cooperation(code):
    doc = code("Chinese warships conducted live-fire drills near Taiwan on Monday.")
    assert [e.cameo for e in doc.events] == ["150"]

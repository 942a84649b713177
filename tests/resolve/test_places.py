from claimgraph.resolve.places import place_key


def test_spellings_and_languages_of_a_known_place_share_a_key() -> None:
    assert place_key("Idlib") == place_key("Idleb") == place_key("IDLEB")
    assert place_key("Syrie") == place_key("Syria")


def test_unknown_places_fall_back_to_their_normalised_name() -> None:
    assert place_key("Kurdish camps") == place_key("kurdish  camps") == "kurdish camps"
    assert place_key(None) == "" and place_key("") == ""
    assert place_key("Idlib") != place_key("Raqqa")

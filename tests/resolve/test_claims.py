from claimgraph.resolve.claims import within_sentences
from claimgraph.store.records import ClaimBatch, NewClaim, NewFigure

TEXT = "First sentence 10.  \n\nSecond one 20 and 5."
SENTENCES = [(0, 19, TEXT[0:19]), (22, 42, TEXT[22:42])]


def test_what_falls_between_sentences_is_dropped_and_parents_renumbered() -> None:
    outside = NewFigure(start=19, end=20, value_text=" ", value=None)  # white space
    parent = NewFigure(start=TEXT.index("20"), end=TEXT.index("20") + 2, value_text="20", value=20)
    child = NewFigure(start=TEXT.index("5."), end=TEXT.index("5.") + 1, value_text="5", value=5, parent=1)
    claims = [
        NewClaim("date", 0, 5, "x", "date", "2020"),
        NewClaim("date", 20, 21, "y", "date", "2021"),
    ]
    kept = within_sentences(ClaimBatch(claims=claims, figures=[outside, parent, child]), SENTENCES)
    assert [figure.value for figure in kept.figures] == [20, 5]
    assert kept.figures[1].parent == 0  # renumbered after the dropped figure
    assert [claim.value_text for claim in kept.claims] == ["2020"]

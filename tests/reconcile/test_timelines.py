from claimgraph.reconcile.timelines import build_series, find_disagreements


def test_same_cohort_and_status_across_documents_makes_one_series(figure) -> None:
    a = figure(390, status="returned", document_id=1, published="2023-06-01", place="France")
    b = figure(390, status="returned", document_id=2, published="2022-01-10")
    c = figure(170, approx=True, status="present", place="Idlib", document_id=1)
    d = figure(100, approx=True, status="present", place="Idleb", document_id=3, published="2024-01-01")
    series = build_series([a, b, c, d])
    returned = next(one for one in series if one.status == "returned")
    assert [point.document_id for point in returned.points] == [2, 1]  # ordered by date
    present = [one for one in series if one.status == "present"]
    assert len(present) == 1  # Idlib and Idleb are one place (the gazetteer knows both)
    assert [point.document_id for point in present[0].points] == [1, 3]


def test_different_values_for_the_same_date_are_a_disagreement(figure) -> None:
    a = figure(390, status="returned", document_id=1, as_of="2019")
    b = figure(250, status="returned", document_id=2, as_of="2019")
    c = figure(400, approx=True, status="returned", document_id=3, as_of="2019")
    disagreements = find_disagreements(build_series([a, b, c]))
    pairs = {frozenset((d.first.document_id, d.second.document_id)) for d in disagreements}
    assert frozenset((1, 2)) in pairs and frozenset((2, 3)) in pairs
    assert frozenset((1, 3)) not in pairs  # "about 400" admits 390


def test_figures_without_status_or_value_are_not_series(figure) -> None:
    assert build_series([figure(None, status="present"), figure(5)]) == []


def test_counts_of_people_present_need_a_place_to_be_compared(figure) -> None:
    a = figure(220, approx=True, status="present", document_id=1, cohort_key="role:person")
    b = figure(2600, approx=True, status="present", document_id=2, cohort_key="role:person")
    assert build_series([a, b]) == []


def test_undated_figures_are_never_a_disagreement(figure) -> None:
    a = figure(390, status="returned", document_id=1, published=None)
    b = figure(250, status="returned", document_id=2, published=None)
    assert find_disagreements(build_series([a, b])) == []

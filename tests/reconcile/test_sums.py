from claimgraph.reconcile.sums import check_document, cohorts_compatible


def test_breakdown_completed_by_a_later_paragraph_is_consistent(figure) -> None:
    total = figure(1490, status="joined", sentence_index=1)
    parts = [
        figure(value, status=status, parent_claim_id=total.claim_id, sentence_index=1)
        for value, status in ((500, "dead"), (300, "missing"), (390, "returned"), (130, "detained"))
    ]
    men = figure(68, status="detained", parent_claim_id=parts[-1].claim_id, sentence_index=1,
                 cohort_key="gender:male")
    later = figure(170, approx=True, status="present", sentence_index=4, paragraph_index=1)
    unrelated = figure(3000, unit="km2", sentence_index=4, paragraph_index=1)
    report = check_document([total, *parts, men, later, unrelated])
    assert len(report.sums) == 1
    check = report.sums[0]
    assert check.consistent
    assert check.parts_sum == 1490
    assert later in check.parts and unrelated not in check.parts
    assert [subset.consistent for subset in report.subsets] == [True]


def test_a_breakdown_that_does_not_add_up_says_by_how_much(figure) -> None:
    total = figure(1000, status="joined")
    parts = [figure(400, status="dead", parent_claim_id=total.claim_id),
             figure(300, status="returned", parent_claim_id=total.claim_id)]
    check = check_document([total, *parts]).sums[0]
    assert not check.consistent
    assert "300 unaccounted" in check.note


def test_parts_over_the_total_are_inconsistent(figure) -> None:
    total = figure(100, status="joined")
    parts = [figure(80, status="dead", parent_claim_id=total.claim_id),
             figure(40, status="returned", parent_claim_id=total.claim_id)]
    check = check_document([total, *parts]).sums[0]
    assert not check.consistent and "exceed" in check.note


def test_a_child_larger_than_its_parent_is_flagged(figure) -> None:
    parent = figure(130, status="detained")
    child = figure(168, status="detained", parent_claim_id=parent.claim_id, cohort_key="gender:male")
    report = check_document([parent, child])
    assert [subset.consistent for subset in report.subsets] == [False]


def test_cohort_compatibility() -> None:
    assert cohorts_compatible("nationality:french", "nationality:french;age_class:adult")
    assert not cohorts_compatible("nationality:french", "nationality:belgian")
    assert cohorts_compatible("", "nationality:french")

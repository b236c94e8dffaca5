"""`reviewsite import-plan`: a spreadsheet shaped like a real action plan becomes a valid plan."""


import yaml

from conftest import FIXTURES
from generator.importer import parse_target, split_updates
from generator.model import ActionPlan

CSV = FIXTURES / "import/legacy-plan.csv"


def test_progress_cell_is_split_into_dated_updates():
    updates, undated = split_updates("August 2013. All current front line staff briefed. "
                                     "Update Feb 2014: A Harm Assessment Unit is now in place.")
    assert updates == [{"date": "2013-08", "text": "All current front line staff briefed."},
                       {"date": "2014-02", "text": "A Harm Assessment Unit is now in place."}]
    assert undated is None
    assert split_updates("Sessions planned with the CCG.") == ([], "Sessions planned with the CCG.")


def test_loose_targets():
    assert parse_target("July 2014") == ("2014-07", None)
    assert parse_target("Implemented and ongoing")[0] == "ongoing"
    target, note = parse_target("Autumn 2013")
    assert target is None and "not a date" in note


def _import(project, run, source):
    code, out, err = run(project, "import-plan", str(source), "--review", "alpha-2020", "--force",
                         "--as-of", "2021-05-01")
    assert code == 0, err
    plan_path = project / "content/reviews/alpha-2020/action-plan.yml"
    return ActionPlan.model_validate(yaml.safe_load(plan_path.read_text())), out


def test_csv_import_writes_a_valid_plan_and_says_what_it_could_not_read(project, run):
    plan, out = _import(project, run, CSV)
    assert [r.id for r in plan.recommendations] == ["R1", "R2", "R3"]
    r1 = plan.recommendations[0]
    assert [a.id for a in r1.actions] == ["R1.1", "R1.2"]  # the empty cell continues recommendation 1
    a11 = r1.actions[0]
    assert a11.status.value == "complete" and str(a11.completed) == "2014-02" and len(a11.updates) == 2
    assert str(r1.actions[1].updates[0].date) == "2015-03-12"
    assert "row 4: target 'Autumn 2013' is not a date" in out
    assert "row 4: status 'After the Forum meeting" in out
    assert "wrote content/reviews/alpha-2020/action-plan.yml: 3 recommendations, 4 actions" in out


def test_xlsx_import(project, run, tmp_path):
    import csv

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    with CSV.open(newline="") as fh:
        for row in csv.reader(fh):
            ws.append(row)
    xlsx = tmp_path / "plan.xlsx"
    wb.save(xlsx)
    plan, _ = _import(project, run, xlsx)
    assert sum(len(r.actions) for r in plan.recommendations) == 4


def test_never_overwrites_without_force(project, run):
    target = project / "content/reviews/alpha-2020/action-plan.yml"
    before = target.read_text()
    code, out, err = run(project, "import-plan", str(CSV), "--review", "alpha-2020")
    assert code == 2 and "--force" in err
    assert target.read_text() == before


def test_committee_report(project, run):
    code, out, err = run(project, "report", "--as-of", "2021-07-01", "--since", "2021-01-01")
    assert code == 0, err
    assert out.startswith("# Action plan progress: Testvale Community Safety Partnership")
    assert "| Alpha (alpha-2020) | 2 | 0 | 1 | 0 | 1 | 1 | 0 |" in out
    assert "| Alpha | R1.1: Revise the repeat report procedure. | Detective Inspector | March 2021 | 3 months |" in out

"""Tabel 7's rule at its edges: a threshold reached is still 'Berjalan dengan baik'; one past it is not."""
from iku_xl.core.monitoring import BAIK, BELUM, TIDAK_BAIK, MonitoringRule, StepEvidence, judge


def step(**evidence) -> StepEvidence:
    values = dict(no=8, kegiatan="Memeriksa konsep", roles="Kabag", standard="60 Menit", timed=True, decision=True,
                  return_to=7, runs=5, on_time=4)
    values.update(evidence)
    return StepEvidence(**values)


def test_thresholds_reached_go_well_and_one_past_does_not():
    rule = MonitoringRule(min_on_time=80, max_returns=1, max_holds=1)
    assert judge(step(returns=1, holds=1), rule).penilaian == BAIK  # 4 of 5 is 80%, one return, one hold
    assert judge(step(returns=2), rule).reasons == ["returns"]
    assert judge(step(holds=2), rule).reasons == ["holds"]
    late = judge(step(on_time=3), rule)
    assert late.reasons == ["late"] and late.penilaian == TIDAK_BAIK
    assert late.catatan == "3 dari 5 pelaksanaan selesai dalam 60 menit."
    assert "Kabag" in late.tindakan and "60 menit" in late.tindakan


def test_a_step_without_a_time_standard_follows_the_setting():
    untimed = step(timed=False, standard="", on_time=0, runs=3)
    assert judge(untimed, MonitoringRule()).reasons == ["untimed"]
    assert judge(untimed, MonitoringRule(untimed_fails=False)).penilaian == BAIK
    assert judge(step(runs=0, on_time=0), MonitoringRule()).penilaian == BELUM

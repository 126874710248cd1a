"""Rules on the SOP sheets: numbering, executors, Mutu Baku, the flow, documents."""
from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator

from ..book import Book
from ..cells import column_letter
from ..document_kinds import DOCUMENT_KINDS
from ..findings import Finding, Level
from ..identifiers import identifier_problem
from ..sop import Sop, Step, StepKind
from ..values import is_blank, text_of
from ..waktu import WaktuProblem

MakeFinding = Callable[..., Finding]  # (level, field, step, message, cell=None): a finding on this SOP's sheet

KIND_NAMES = ", ".join(k.value for k in StepKind)


def check(book: Book) -> Iterator[Finding]:
    for sop in book.sops.values():
        yield from _check_sop(book, sop)


def _check_sop(book: Book, sop: Sop) -> Iterator[Finding]:
    sheet = sop.code  # an SOP's sheet is named by its code

    def finding(level: Level, field: str, step: Step | None, message: str, cell: str | None = None) -> Finding:
        row = step.row if step is not None else None
        return Finding(sheet, cell or book.cell(sheet, field, row), level, field, message,
                       sop=sop.code, step=step.no if step is not None else None)

    problem = identifier_problem(sop.code)
    if problem:
        yield finding(Level.GALAT, "no", None, f"Kode SOP (nama lembar) {problem}; ganti nama lembarnya dengan huruf "
                                               "besar, angka, '-' atau '_', misalnya KEMENPAN.", cell="A1")
    if not sop.steps:
        yield finding(Level.GALAT, "no", None, "SOP ini belum punya langkah; isi tabel langkah di bawah judul kolom.")
        return
    yield from _check_identity(sop, finding)
    yield from _check_roles(book, sop, finding)
    yield from _check_numbers(sop, finding)
    known = {s.no for s in sop.steps if isinstance(s.no, int)}
    for step in sop.steps:
        yield from _check_step(step, known, finding)
    yield from _check_flow(sop, finding)
    yield from _check_chain(sop, finding)


IDENTITY_NEEDED = (("nomor", "Nomor SOP"), ("judul", "Judul SOP"), ("disahkan_oleh", "Disahkan Oleh"))


def _check_identity(sop: Sop, finding: MakeFinding) -> Iterator[Finding]:
    """The identity an SOP AP must carry to be the signed one (an import may not have found it)."""
    from ..layout import SOP_IDENTITY_FIRST_ROW
    from ..sop import IDENTITY_FIELDS

    rows = {name: SOP_IDENTITY_FIRST_ROW + i for i, (name, _) in enumerate(IDENTITY_FIELDS)}
    for name, label in IDENTITY_NEEDED:
        if not text_of(getattr(sop.identity, name)).strip():
            yield finding(Level.PERINGATAN, name, None, f"{label} SOP ini kosong; isi sesuai SOP yang disahkan.",
                          cell=f"C{rows[name]}")


def _check_roles(book: Book, sop: Sop, finding: MakeFinding) -> Iterator[Finding]:
    sheet = sop.code  # an SOP's sheet is named by its code
    for name, count in Counter(r for r in sop.roles if r).items():
        if count > 1:
            yield finding(Level.GALAT, f"peran:{name}", None,
                          f"Peran '{name}' tertulis {count} kali di judul kolom Pelaksana; beri nama yang berbeda.",
                          cell=book.header_cell(sheet, f"peran:{name}"))
    for name in sop.roles:
        if not name:
            continue
        holders = [o for o in book.officials
                   if (o.role or "").lower() == name.lower() and (not o.sop or (o.sop or "") == sop.code)]
        if not holders:
            yield finding(Level.PERINGATAN, f"peran:{name}", None,
                          f"Peran '{name}' belum punya pejabat; tambahkan baris di lembar Pejabat.",
                          cell=book.header_cell(sheet, f"peran:{name}"))


def _check_numbers(sop: Sop, finding: MakeFinding) -> Iterator[Finding]:
    seen: Counter[int] = Counter(s.no for s in sop.steps if isinstance(s.no, int))
    expected = 1
    for step in sop.steps:
        if step.no is None:
            if is_blank(step.raw_no):
                yield finding(Level.GALAT, "no", step, "Nomor langkah kosong; isi nomor urut langkah ini.")
            else:
                yield finding(Level.GALAT, "no", step,
                              f"Nomor langkah '{text_of(step.raw_no)}' bukan bilangan bulat; tulis angka saja, "
                              "misalnya 3.")
            expected += 1
            continue
        if seen[step.no] > 1:
            yield finding(Level.GALAT, "no", step, f"Nomor langkah {step.no} dipakai lebih dari sekali; beri nomor "
                                                   "urut yang berbeda.")
        elif step.no > expected:
            missing = ", ".join(str(n) for n in range(expected, step.no))
            yield finding(Level.GALAT, "no", step, f"Langkah {missing} tidak ada sebelum langkah {step.no}; lengkapi "
                                                   "atau perbaiki nomor urutnya.")
        elif step.no < expected:
            yield finding(Level.GALAT, "no", step, f"Langkah {step.no} tidak urut (sesudah langkah {expected - 1}); "
                                                   "urutkan nomor langkah.")
        expected = max(expected, step.no) + 1


def _check_step(step: Step, known: set[int], finding: MakeFinding) -> Iterator[Finding]:
    if is_blank(step.kegiatan):
        yield finding(Level.GALAT, "kegiatan", step, "Kegiatan kosong; tulis apa yang dikerjakan pada langkah ini.")
    for column in step.unnamed_executor_columns:
        yield finding(Level.GALAT, "pelaksana", step,
                      "Ada tanda pelaksana di kolom yang judul perannya kosong; isi nama peran di judul kolom itu.",
                      cell=f"{column_letter(column)}{step.row}")
    if not step.executors and not step.unnamed_executor_columns:
        yield finding(Level.GALAT, "pelaksana", step,
                      "Langkah ini belum punya pelaksana; beri tanda di kolom peran yang mengerjakannya.")
    duration = step.duration
    if duration is WaktuProblem.EMPTY:
        yield finding(Level.PERINGATAN, "waktu", step, "Waktu kosong; isi standar waktu, misalnya '30 Menit' atau '1 "
                                                       "Hari'.")
    elif duration is WaktuProblem.NO_NUMBER:
        yield finding(Level.PERINGATAN, "waktu", step,
                      f"Waktu '{text_of(step.waktu)}' tidak punya angka; tulis lengkap, misalnya '30 Menit'.")
    elif duration is WaktuProblem.UNKNOWN_UNIT:
        yield finding(Level.PERINGATAN, "waktu", step,
                      f"Satuan waktu '{text_of(step.waktu)}' tidak dikenal; pakai Menit, Jam atau Hari.")
    elif duration.reading:
        yield finding(Level.PERINGATAN, "waktu", step,
                      f"Waktu: {duration.reading} ({duration}); tulis tepat, misalnya '{duration}'.")
    if step.to_confirm:
        yield finding(Level.PERINGATAN, "to_confirm", step,
                      f"Dibaca program saat impor, perlu diperiksa: {step.to_confirm}. Bila sudah benar (atau sudah "
                      "dibetulkan), kosongkan sel ini.")
    if step.kind is not None and not isinstance(step.kind, StepKind):
        yield finding(Level.GALAT, "kind", step,
                      f"Jenis langkah '{text_of(step.kind)}' tidak dikenal; pilih salah satu: {KIND_NAMES}.")
    if step.is_decision:
        for field, target, label in (("if_yes", step.if_yes, "Jika Ya"), ("if_no", step.if_no, "Jika Tidak")):
            if is_blank(target):
                yield finding(Level.GALAT, field, step,
                              f"Keputusan tanpa tujuan '{label}'; isi nomor langkah tujuannya.")
    for field, target, label in (("if_yes", step.if_yes, "Jika Ya"), ("if_no", step.if_no, "Jika Tidak")):
        if is_blank(target):
            continue
        if not isinstance(target, int) or target not in known:
            yield finding(Level.GALAT, field, step,
                          f"Tujuan '{label}' ({text_of(target)}) bukan nomor langkah SOP ini; isi nomor langkah yang "
                          "ada.")
        elif target == step.no:
            yield finding(Level.GALAT, field, step, f"Tujuan '{label}' menunjuk langkah ini sendiri; isi langkah lain.")
    if not step.is_decision and not is_blank(step.if_no):
        yield finding(Level.PERINGATAN, "if_no", step,
                      "Langkah ini bukan Keputusan, jadi 'Jika Tidak' tidak dipakai; ubah jenis langkah atau "
                      "kosongkan.")
    for kind in step.documents:
        if kind not in DOCUMENT_KINDS:
            yield finding(Level.GALAT, "documents", step,
                          f"Jenis naskah '{kind}' tidak dikenal; pilih dari daftar: {', '.join(DOCUMENT_KINDS)}.")


def _check_flow(sop: Sop, finding: MakeFinding) -> Iterator[Finding]:
    """Every step reachable from the first, and the end reachable from every step."""
    numbered = {s.no: s for s in sop.steps if isinstance(s.no, int)}
    first = sop.first_step
    if first is None or first.no is None:
        return
    edges = {no: [t for t in sop.successors(s) if t in numbered] for no, s in numbered.items()}
    reached = _reach({first.no}, edges)
    reverse: dict[int, list[int]] = {no: [] for no in numbered}
    for source, targets in edges.items():
        for target in targets:
            reverse[target].append(source)
    ends = {s.no for s in sop.end_steps if isinstance(s.no, int)}
    finishing = _reach(ends, reverse)
    for no, step in numbered.items():
        if no not in reached:
            yield finding(Level.GALAT, "no", step,
                          f"Langkah {no} tidak bisa dicapai dari langkah {first.no}; periksa kolom 'Jika Ya'/'Jika "
                          "Tidak' yang menuju ke sini.")
        elif no not in finishing:
            yield finding(Level.GALAT, "no", step,
                          f"Dari langkah {no} alur tidak pernah sampai ke langkah Selesai; periksa tujuan 'Jika "
                          "Ya'/'Jika Tidak'.")


def _reach(start: set[int], edges: dict[int, list[int]]) -> set[int]:
    seen, todo = set(start), list(start)
    while todo:
        for target in edges.get(todo.pop(), []):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _items(text: str) -> set[str]:
    parts = re.split(r"\s*(?:\+|,|;|\bdan\b)\s*", text.lower())
    return {re.sub(r"\s+", " ", p).strip(" .") for p in parts if p.strip(" .")}


def _check_chain(sop: Sop, finding: MakeFinding) -> Iterator[Finding]:
    """Kelengkapan of a step should be what the step before it put out (Mutu Baku)."""
    ordered = [s for s in sop.steps if isinstance(s.no, int)]
    for before, step in itertools.pairwise(ordered):
        if is_blank(before.output) or is_blank(step.kelengkapan):
            continue
        wanted, given = _items(str(step.kelengkapan)), _items(str(before.output))
        if not wanted <= given:
            yield finding(Level.PERINGATAN, "kelengkapan", step,
                          f"Kelengkapan '{text_of(step.kelengkapan)}' tidak sama dengan Output langkah {before.no} "
                          f"('{text_of(before.output)}'); samakan bila memang dokumen yang sama.")

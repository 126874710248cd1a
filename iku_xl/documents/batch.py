"""A batch renderer that makes the same documents as docxtpl, doing each template's work once.

docxtpl re-reads, re-patches and re-compiles the template for every document (about 25 ms a
page here). For a batch the patched XML, the compiled Jinja template, the undeclared-field list
and every part that does not change are made once per template; per document only the body is
rendered, its tables fixed, and the package zipped. Large batches are spread over every core.
The steps per document are docxtpl's own (its methods are called), so the output is the same.
"""
from __future__ import annotations

import copy
import io
import os
import re
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

from ..workbook.ooxml.raw_zip import deflated, raw_parts, write_zip
from .render import TemplateProblem, _field_of, _grid_follows_cells, environment, refused_tag
from .word_style import CUSTOM_PART, WordStyle, app_xml, apply_style, properties_xml, with_properties

PARALLEL_FROM = 48  # below this, starting worker processes costs more than it saves
_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_TAGGED_PARTS = {_WORD + kind for kind in ("header+xml", "footer+xml", "footnotes+xml")}


def _has_tags(blob: bytes | str) -> bool:
    text = blob.decode("utf-8", errors="replace") if isinstance(blob, bytes) else blob
    return "{{" in text or "{%" in text


class CompiledTemplate:
    def __init__(self, path: Path, style: WordStyle | None = None):
        from docxtpl import DocxTemplate
        from jinja2 import TemplateSyntaxError, meta

        self.name = path.name
        if not path.is_file():
            raise TemplateProblem(f"Templat {self.name} tidak ada di {path.parent}; salin dari folder templates/ "
                                  "program ini.")
        try:
            self.template = DocxTemplate(str(path))
            self.template.init_docx()
            if style is not None:
                apply_style(self.template.docx, style)
            self.style = style
            self.template.render_init()
            # tags in headers, footers or footnotes: leave the whole job to docxtpl (rare; a page number
            # field in a header is no tag, so such headers stay in the fast path as the static parts they are)
            self.simple = not any(_has_tags(part.blob) for part in self.template.docx.part.package.parts
                                  if part.content_type in _TAGGED_PARTS)
            self.env = environment()
            source = self.template.patch_xml(self.template.get_xml())
            source = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)
            self.fields = meta.find_undeclared_variables(self.env.parse(source))
            self.body = self.env.from_string(source)
        except TemplateSyntaxError as error:
            raise TemplateProblem(f"Templat {self.name} rusak: tag di sekitar '{_near(source, error.lineno)}' tidak "
                                  "benar (periksa pasangan {{ }} dan {% %}); perbaiki tag itu di Word.") from error
        except (KeyError, ValueError, OSError, zipfile.BadZipFile) as error:
            raise TemplateProblem(f"Templat {self.name} tidak bisa dibuka sebagai dokumen Word; simpan ulang dari Word "
                                  "sebagai .docx.") from error
        self.path = path
        from jinja2.exceptions import SecurityError
        try:
            self._skeleton()
        except SecurityError as error:  # a tag in the document's properties
            raise refused_tag(self.name) from error

    def _skeleton(self) -> None:
        """Every part as docxtpl would save it (stored deflated, once), and the document root without its body."""
        properties = self.template.docx.core_properties
        if any("{" in (getattr(properties, p) or "") for p in ("author", "comments", "identifier", "language",
                                                              "subject", "title")):
            self.simple = False  # fields in the document properties differ per document: docxtpl does it all
        self.template.render_properties({}, self.env)  # what docxtpl does to the static properties
        out = io.BytesIO()
        self.template.docx.save(out)
        self.parts = raw_parts(out.getvalue())
        # the package parts that say a document has its own properties, made once
        static = {p.name: zipfile.ZipFile(out).read(p.name) for p in self.parts
                  if p.name in ("[Content_Types].xml", "_rels/.rels")}
        fitted = with_properties({**static, "docProps/core.xml": b"", "docProps/app.xml": b""}, {})
        self.parts = [deflated(p.name, fitted[p.name], p) if p.name in static else p for p in self.parts]
        self.document_part = self.template.docx._part.partname.lstrip("/")
        root = self.template.docx._element
        self.root = copy.deepcopy(root)
        self.root.remove(self.root.body)

    def render(self, context: dict, properties: dict | None = None) -> bytes:
        from docxtpl import DocxTemplate
        from jinja2 import UndefinedError
        from jinja2.exceptions import SecurityError
        from lxml import etree

        missing = self.fields - set(context)
        if missing:
            raise TemplateProblem(f"Templat {self.name} membutuhkan kolom {', '.join(sorted(missing))} yang tidak "
                                  "diisi "
                                  "oleh buku kerja; lihat templates/FIELDS.md untuk nama kolom yang ada.")
        if not self.simple:
            from .render import render_document
            return render_document(self.path, context, self.style, properties)
        try:
            xml = self.body.render(context)
        except UndefinedError as error:
            raise TemplateProblem(f"Templat {self.name} membutuhkan kolom '{_field_of(str(error))}' yang tidak diisi "
                                  "oleh buku kerja; lihat templates/FIELDS.md.") from error
        except SecurityError as error:
            raise refused_tag(self.name) from error
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        template: DocxTemplate = self.template
        xml = template.resolve_listing(xml)
        body = template.fix_tables(xml)
        template.docx_ids_index = 1000  # as render_init sets it for every document
        template.fix_docpr_ids(body)
        root = copy.deepcopy(self.root)
        root.append(body)
        _grid_follows_cells(_Holder(root))
        document = etree.tostring(root, encoding="UTF-8", standalone=True)
        own = {self.document_part: document}
        if properties:
            core, custom = properties_xml(properties)
            own.update({"docProps/core.xml": core, "docProps/app.xml": app_xml(properties.get("company", "")),
                        CUSTOM_PART: custom})
        parts = [deflated(p.name, own.pop(p.name), p) if p.name in own else p for p in self.parts]
        parts += [deflated(name, content) for name, content in own.items()]
        return write_zip(parts)


def _near(source: str, line: int | None) -> str:
    """The template's own words around a Jinja error line, without the Word XML."""
    lines = source.splitlines()[max((line or 1) - 3, 0):(line or 1) + 2]
    return " ".join(re.sub(r"<[^>]+>", "", text).strip() for text in lines if "{" in text)[:120]


class _Holder:
    """What _grid_follows_cells expects: something with an .element holding a w:body."""
    def __init__(self, root):
        self.element = root


_COMPILED: dict[tuple, CompiledTemplate] = {}


def compiled(path: Path, style: WordStyle | None = None) -> CompiledTemplate:
    """One compiled template per file version and style: an edit in Word is picked up at once (Python may stay
    warm in Excel between clicks)."""
    path = Path(path).resolve()
    stat = path.stat() if path.is_file() else None
    key = (path, stat.st_mtime_ns, stat.st_size, style) if stat else (path, style)
    if key not in _COMPILED:
        _COMPILED[key] = CompiledTemplate(path, style)
    return _COMPILED[key]


class Job(NamedTuple):
    """One document to render."""
    template: Path | str
    context: dict[str, Any]                 # the template's fields (templates/FIELDS.md)
    style: WordStyle | None = None          # the instansi's paper, font and kop images; None: the template's own
    properties: dict[str, str] | None = None  # the file's title, author, company, ...


def _render_one(job: Job) -> bytes:
    return compiled(Path(job.template), job.style).render(job.context, job.properties)


def render_many(jobs: list[Job], workers: int | None = None) -> list[bytes]:
    """Each job as .docx bytes, in order; large batches use every core."""
    jobs = [Job(*job) for job in jobs]  # a plain (template, context) pair reads as a job too
    for job in jobs:
        compiled(Path(job.template), job.style)  # refuses a missing or broken template before any work is spread out
    workers = workers or os.cpu_count() or 1
    if len(jobs) < PARALLEL_FROM or workers < 2:
        return [_render_one(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_render_one, [job._replace(template=str(job.template)) for job in jobs],
                             chunksize=max(1, len(jobs) // (workers * 4))))

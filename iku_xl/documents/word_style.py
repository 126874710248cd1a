"""The profile's look put into a Word template once (paper, margins, fonts, language, the kop's images), and
each document's own properties (title, author, the case ID) put into its package."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from .. import clock

PAPER_CM = {"A4": (21.0, 29.7), "F4": (21.5, 33.0)}
# NASKAH.md section 1: at least left 3 cm, right 2 cm, bottom 2.5 cm, top 2 cm
MARGINS_CM = {"left": 3.0, "right": 2.0, "top": 2.0, "bottom": 2.5}
IMAGE_NAMES = {"logo": "logo", "garuda": "emblem"}  # the template's picture name -> the style's file


@dataclass(frozen=True)
class WordStyle:
    paper: str
    font: str
    size: int
    logo: str = ""     # absolute paths of the images, "" to keep the template's own
    emblem: str = ""
    language: str = "id-ID"


def apply_style(document, style: WordStyle) -> None:
    """`document` is a python-docx Document (a docxtpl template's .docx, before rendering)."""
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    width, height = PAPER_CM.get(style.paper, PAPER_CM["A4"])
    for section in document.sections:
        landscape = section.page_width > section.page_height  # a lampiran table may lie across the page
        section.page_width, section.page_height = (Cm(height), Cm(width)) if landscape else (Cm(width), Cm(height))
        section.top_margin, section.bottom_margin = Cm(MARGINS_CM["top"]), Cm(MARGINS_CM["bottom"])
        section.left_margin, section.right_margin = Cm(MARGINS_CM["left"]), Cm(MARGINS_CM["right"])
    for style_name in ("Normal", "Table Grid"):
        try:
            word = document.styles[style_name]
        except KeyError:
            continue
        word.font.name, word.font.size = style.font, Pt(style.size)
        fonts = word.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), style.font)
    _set_language(document, style.language)
    for picture in document.inline_shapes:
        _replace_image(document, picture, style)


def _set_language(document, language: str) -> None:
    """The language Word checks the spelling in, for every run (docDefaults) and the Normal style."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run = defaults.find(qn("w:rPrDefault"))
    if run is None:
        run = OxmlElement("w:rPrDefault")
        defaults.insert(0, run)
    properties = run.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run.append(properties)
    for holder in (properties, document.styles["Normal"].element.get_or_add_rPr()):
        lang = holder.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            holder.append(lang)
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attribute), language)


def _replace_image(document, picture, style: WordStyle) -> None:
    """A picture named 'logo' or 'garuda' in the template shows the profile's own file, at the same height."""
    from docx.image.image import Image
    from docx.oxml.ns import qn

    name = picture._inline.docPr.get("name", "").lower()
    field = IMAGE_NAMES.get(name)
    path = getattr(style, field) if field else ""
    if not path or not Path(path).is_file():
        return
    blob = Path(path).read_bytes()
    blip = picture._inline.find(f".//{qn('a:blip')}")
    part = document.part.related_parts[blip.get(qn("r:embed"))]
    part._blob = blob
    image = Image.from_blob(blob)
    height = picture.height
    picture.width = int(height * image.px_width / max(image.px_height, 1))
    picture.height = height


def properties_xml(properties: dict, now: dt.datetime | None = None) -> tuple[bytes, bytes]:
    """docProps/core.xml and docProps/custom.xml for one document."""
    stamp = (now or clock.now()).strftime("%Y-%m-%dT%H:%M:%SZ")
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'<dc:title>{escape(properties.get("title", ""))}</dc:title>'
        f'<dc:subject>{escape(properties.get("title", ""))}</dc:subject>'
        f'<dc:creator>{escape(properties.get("author", ""))}</dc:creator>'
        f'<cp:lastModifiedBy>{escape(properties.get("author", ""))}</cp:lastModifiedBy>'
        f'<dc:language>{escape(properties.get("language", "id-ID"))}</dc:language>'
        f'<dc:identifier>{escape(properties.get("case_id", ""))}</dc:identifier>'
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        '</cp:coreProperties>')
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ID Kasus">'
        f'<vt:lpwstr>{escape(properties.get("case_id", ""))}</vt:lpwstr></property>'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Instansi">'
        f'<vt:lpwstr>{escape(properties.get("company", ""))}</vt:lpwstr></property>'
        '</Properties>')
    return core.encode("utf-8"), custom.encode("utf-8")


def app_xml(company: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f'<Application>iku-xl</Application><Company>{escape(company)}</Company></Properties>').encode()


CUSTOM_PART = "docProps/custom.xml"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"


def with_properties(parts: dict[str, bytes], properties: dict) -> dict[str, bytes]:
    """A document's parts (name -> bytes) with its own core, custom and app properties."""
    from lxml import etree

    core, custom = properties_xml(properties)
    out = dict(parts)
    out["docProps/core.xml"] = core
    out["docProps/app.xml"] = app_xml(properties.get("company", ""))
    out[CUSTOM_PART] = custom
    types = etree.fromstring(out["[Content_Types].xml"])
    ct = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    if not any(o.get("PartName") == f"/{CUSTOM_PART}" for o in types.iter(f"{ct}Override")):
        etree.SubElement(types, f"{ct}Override", PartName=f"/{CUSTOM_PART}", ContentType=CUSTOM_TYPE)
        if not any(o.get("PartName") == "/docProps/app.xml" for o in types.iter(f"{ct}Override")):
            etree.SubElement(types, f"{ct}Override", PartName="/docProps/app.xml", ContentType=(
                "application/vnd.openxmlformats-officedocument.extended-properties+xml"))
        out["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
    rels = etree.fromstring(out["_rels/.rels"])
    rt = "{http://schemas.openxmlformats.org/package/2006/relationships}"
    kinds = {r.get("Type") for r in rels.iter(f"{rt}Relationship")}
    if CUSTOM_REL not in kinds:
        etree.SubElement(rels, f"{rt}Relationship", Id="rIdIkuCustom", Type=CUSTOM_REL, Target=CUSTOM_PART)
    app_rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
    if app_rel not in kinds:
        etree.SubElement(rels, f"{rt}Relationship", Id="rIdIkuApp", Type=app_rel, Target="docProps/app.xml")
    out["_rels/.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out

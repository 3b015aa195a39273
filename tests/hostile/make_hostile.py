"""Hostile inputs for nianbao-check, made at test time (issue 13). Each function writes one
file and returns its path; run this module as a script to write them all into a folder."""
import os
import struct
import sys
import zipfile
import zlib

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(path, document_xml):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", document_xml)
    return path


def docx_entities(path, runs=20000, entity_len=100000):
    """One internal entity, used in every run: 2 GB once expanded"""
    ent = '<!DOCTYPE w:document [<!ENTITY a "' + "x" * entity_len + '">]>'
    body = "".join("<w:p><w:r><w:t>&a;</w:t></w:r></w:p>" for _ in range(runs))
    return docx(path, f'<?xml version="1.0"?>{ent}<w:document xmlns:w="{W}"><w:body>{body}'
                      "</w:body></w:document>")


def docx_large(path, lines, mb=60):
    """A small zip holding a large document.xml: the report's lines, then filler paragraphs"""
    parts = [f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>']
    for line in lines:
        cells = line.split("\t")
        if len(cells) > 1:
            parts.append("<w:tbl><w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>"
                                                    for c in cells) + "</w:tr></w:tbl>")
        else:
            parts.append(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>")
    head = "".join(parts)
    unit = "<w:p><w:pPr><w:spacing w:before=\"0\"/></w:pPr></w:p>"
    filler = unit * (mb * 1024 * 1024 // len(unit))
    return docx(path, head + filler + "</w:body></w:document>")


def ole2_sibling_chain(path, n=60000):
    """An OLE2 file whose directory is n streams chained through their right siblings"""
    shift, sec = 12, 4096
    entries = n + 1
    per_sec = sec // 128
    n_dir = (entries + per_sec - 1) // per_sec
    n_fat = 1
    while n_fat * (sec // 4) < n_fat + n_dir:
        n_fat += 1
    fat = [0xFFFFFFFD] * n_fat
    for i in range(n_dir):
        fat.append(n_fat + i + 1 if i + 1 < n_dir else 0xFFFFFFFE)
    fat += [0xFFFFFFFF] * (n_fat * (sec // 4) - len(fat))

    def dirent(name, kind, left, right, child):
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1) +
                struct.pack("<III", left, right, child) + b"\0" * 16 + b"\0" * 4 +
                b"\0" * 16 + struct.pack("<II", 0xFFFFFFFE, 0) + b"\0" * 4)

    d = [dirent("Root Entry", 5, 0xFFFFFFFF, 0xFFFFFFFF, 1)]
    for i in range(1, entries):
        d.append(dirent(f"S{i}", 2, 0xFFFFFFFF, i + 1 if i + 1 < entries else 0xFFFFFFFF, 0xFFFFFFFF))
    dirbytes = b"".join(d).ljust(n_dir * sec, b"\0")
    difat = list(range(n_fat)) + [0xFFFFFFFF] * (109 - n_fat)
    header = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 16 +
              struct.pack("<HHHHH", 0x3E, 4, 0xFFFE, shift, 6) + b"\0" * 6 +
              struct.pack("<IIII", n_dir, n_fat, n_fat, 0) +
              struct.pack("<IIIII", 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0) +
              struct.pack("<109I", *difat))
    with open(path, "wb") as f:
        f.write(header.ljust(sec, b"\0"))
        f.write(struct.pack(f"<{len(fat)}I", *fat))
        f.write(dirbytes)
    return path


def pdf(path, pages, extra_objects=()):
    """A PDF from page content streams (bytes); Helvetica; each page may carry /Rotate"""
    objs = {}
    n_pages = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode()
    font = 3 + 2 * n_pages
    for i, (content, rotate) in enumerate(pages):
        page, stream = 3 + 2 * i, 4 + 2 * i
        rot = f" /Rotate {rotate}" if rotate else ""
        objs[page] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]{rot} /Resources "
                      f"<< /Font << /F1 {font} 0 R >> >> /Contents {stream} 0 R >>").encode()
        if isinstance(content, int):  # a shared stream object
            objs[page] = objs[page].replace(f"{stream} 0 R".encode(), f"{content} 0 R".encode())
            objs[stream] = b"null"
        else:
            objs[stream] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    objs[font] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    for num, body in extra_objects:
        objs[num] = body
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref = len(out)
    top = max(objs)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (top + 1)
    for num in range(1, top + 1):
        out += b"%010d 00000 n \n" % offsets.get(num, 0) if num in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (top + 1, xref)
    with open(path, "wb") as f:
        f.write(out)
    return path


def pdf_many_lines(path, pages=500, lines=8000):
    """Pages of one-digit lines, one below another, all pages drawn by one shared stream"""
    rows = []
    step = 830.0 / lines
    for k in range(lines):
        rows.append(b"BT /F1 %.3f Tf 40 %.3f Td (%d) Tj ET" % (step * 0.9, 5 + k * step, k % 10))
    content = b"\n".join(rows)
    shared = 3 + 2 * pages + 1
    body = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    return pdf(path, [(shared, 0)] * pages, extra_objects=[(shared, body)])


def pdf_deflate_bomb(path, pages=50, mb=400):
    """One flate stream of mb MB of drawing operators, shared by every page"""
    raw = b"0 0 m 1 1 l S\n" * (mb * 1024 * 1024 // 14)
    data = zlib.compress(raw, 9)
    n_pages = pages
    shared = 3 + 2 * n_pages + 1
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return pdf(path, [(shared, 0)] * pages, extra_objects=[(shared, body)])


def pdf_text_lines(lines, rotate=0, sideways=False):
    """A page content stream writing ASCII lines, upright or turned by 90 degrees"""
    ops = []
    for k, line in enumerate(lines):
        text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")
        if sideways:  # turned a quarter, reading bottom to top
            ops.append(b"BT /F1 10 Tf 0 1 -1 0 %d 60 Tm (%s) Tj ET" % (60 + 14 * k, text))
        else:
            ops.append(b"BT /F1 10 Tf 40 %d Td (%s) Tj ET" % (800 - 14 * k, text))
    return (b"\n".join(ops), rotate)


def html_many_rows(path, mb=64):
    with open(path, "wb") as f:
        f.write(b"<html><body><table>")
        chunk = b"<tr>" * (1024 * 1024 // 4)
        for _ in range(mb):
            f.write(chunk)
    return path


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    docx_entities(os.path.join(out, "entities.docx"))
    ole2_sibling_chain(os.path.join(out, "sibling-chain.doc"))
    pdf_many_lines(os.path.join(out, "many-lines.pdf"), pages=50)
    pdf_deflate_bomb(os.path.join(out, "deflate-bomb.pdf"))
    html_many_rows(os.path.join(out, "rows.html"))
